#include "knowledge/loader.h"

#include <openssl/evp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

#include "knowledge/calendar_file.h"
#include "knowledge/lint.h"
#include "knowledge/slots.h"

namespace faqbot::knowledge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Collects diagnostics for one file while it is being read.
class FileReader {
 public:
  FileReader(std::string rel_path, std::vector<Diagnostic>* out)
      : rel_(std::move(rel_path)), out_(out) {}

  void error(const std::string& entry_id, const std::string& message) {
    out_->push_back({Severity::kError, rel_, entry_id.empty() ? "-" : entry_id, message});
  }

  // String field, "" (with an error) when missing or not a string.
  std::string string_field(const json& obj, const char* key, const std::string& entry_id,
                           bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) error(entry_id, std::string("missing field \"") + key + "\"");
      return {};
    }
    if (!it->is_string()) {
      error(entry_id, std::string("field \"") + key + "\" must be a string");
      return {};
    }
    return it->get<std::string>();
  }

  std::vector<std::string> string_list(const json& obj, const char* key,
                                       const std::string& entry_id, bool required) {
    std::vector<std::string> out;
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) error(entry_id, std::string("missing field \"") + key + "\"");
      return out;
    }
    if (!it->is_array()) {
      error(entry_id, std::string("field \"") + key + "\" must be a list of strings");
      return out;
    }
    for (const json& v : *it) {
      if (!v.is_string()) {
        error(entry_id, std::string("field \"") + key + "\" holds a non-string item");
        continue;
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }

  std::map<std::string, std::string> string_map(const json& obj, const char* what) {
    std::map<std::string, std::string> out;
    if (!obj.is_object()) {
      error("", std::string(what) + " must be a JSON object of strings");
      return out;
    }
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      if (!it.value().is_string()) {
        error("", std::string(what) + " key \"" + it.key() + "\" must map to a string");
        continue;
      }
      out[it.key()] = it.value().get<std::string>();
    }
    return out;
  }

 private:
  std::string rel_;
  std::vector<Diagnostic>* out_;
};

bool read_file(const fs::path& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *bytes = ss.str();
  return true;
}

// Parses `bytes` as JSON; on failure records "invalid JSON: …" and returns null.
json parse_json(const std::string& bytes, FileReader& reader) {
  try {
    return json::parse(bytes);
  } catch (const json::parse_error& e) {
    reader.error("", std::string("invalid JSON: ") + e.what());
  }
  return json();
}

std::optional<HandoffMode> parse_handoff(const std::string& s) {
  if (s.empty() || s == "none") return HandoffMode::kNone;
  if (s == "offer") return HandoffMode::kOffer;
  if (s == "hand") return HandoffMode::kHand;
  if (s == "hand_priority") return HandoffMode::kHandPriority;
  return std::nullopt;
}

void load_category(const json& doc, const std::string& rel, KnowledgeBase* kb,
                   std::vector<Diagnostic>* diags) {
  FileReader reader(rel, diags);
  if (!doc.is_object()) {
    reader.error("", "a category file must be a JSON object with \"entries\"");
    return;
  }
  std::string category = reader.string_field(doc, "category", "", false);
  if (category.empty()) category = fs::path(rel).stem().string();
  auto entries = doc.find("entries");
  if (entries == doc.end() || !entries->is_array()) {
    reader.error("", "missing list \"entries\"");
    return;
  }
  size_t index = 0;
  for (const json& item : *entries) {
    ++index;
    if (!item.is_object()) {
      reader.error("#" + std::to_string(index), "an entry must be a JSON object");
      continue;
    }
    Entry e;
    e.source_file = rel;
    e.category = category;
    e.id = reader.string_field(item, "id", "#" + std::to_string(index), true);
    const std::string label = e.id.empty() ? "#" + std::to_string(index) : e.id;
    e.title = reader.string_field(item, "title", label, false);
    e.questions = reader.string_list(item, "questions", label, true);
    e.answer = reader.string_field(item, "answer", label, true);
    std::string handoff = reader.string_field(item, "handoff", label, false);
    if (auto mode = parse_handoff(handoff)) {
      e.handoff = *mode;
    } else {
      reader.error(label, "unknown handoff mode \"" + handoff +
                              "\" (expected none, offer, hand or hand_priority)");
    }
    e.tags = reader.string_list(item, "tags", label, false);
    e.follow_ups = reader.string_list(item, "follow_ups", label, false);
    e.topic = reader.string_field(item, "topic", label, false);
    e.type = reader.string_field(item, "type", label, false);
    e.explicit_topic = !e.topic.empty();
    e.explicit_type = !e.type.empty();
    for (auto [key, field] : {std::pair{"effective", &e.effective}, std::pair{"expires", &e.expires}}) {
      *field = reader.string_field(item, key, label, false);
      if (!field->empty() && !parse_date(*field)) {
        reader.error(label, std::string("field \"") + key + "\" must be a date YYYY-MM-DD, not \"" + *field + "\"");
      }
    }
    if (e.title.empty() && !e.questions.empty()) e.title = e.questions.front();
    kb->entries.push_back(std::move(e));
  }
}

// The named things of a list of other_products.json ("products" or
// "kinds"): each {"name", "aliases", "company" (products only),
// "not_a_means" (kinds only, optional boolean)}.
std::vector<OtherProduct> read_named(const json& list, const std::string& what, bool with_company,
                                     FileReader& reader) {
  std::vector<OtherProduct> out;
  size_t index = 0;
  for (const json& item : list) {
    const std::string label = what + " #" + std::to_string(++index);
    if (!item.is_object()) {
      reader.error(label, "a " + what + " must be a JSON object with \"name\"");
      continue;
    }
    OtherProduct p;
    p.name = reader.string_field(item, "name", label, true);
    p.aliases = reader.string_list(item, "aliases", label, false);
    if (with_company) p.company = reader.string_field(item, "company", label, false);
    if (!with_company) {
      auto flag = item.find("not_a_means");
      if (flag != item.end()) {
        if (flag->is_boolean()) {
          p.not_a_means = flag->get<bool>();
        } else {
          reader.error(label, "field \"not_a_means\" must be true or false");
        }
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

// out_of_scope.json "lookups" (or "domains", `section`; `one` names an
// item in messages): each {"name", "all_of": [[word…]…], "none_of": [word…],
// "reply": key} (groups required, each a list of strings; none_of optional, a
// list of strings; reply optional, `default_reply` when absent or empty).
std::vector<Lookup> read_lookups(const json& list, FileReader& reader, const std::string& section,
                                 const std::string& one, const std::string& default_reply) {
  std::vector<Lookup> out;
  if (!list.is_array()) {
    reader.error(section, "must be a list of {\"name\", \"all_of\"}");
    return out;
  }
  size_t index = 0;
  for (const json& item : list) {
    const std::string label = one + " #" + std::to_string(++index);
    if (!item.is_object()) {
      reader.error(label, "a " + one + " must be a JSON object with \"name\" and \"all_of\"");
      continue;
    }
    Lookup l;
    l.name = reader.string_field(item, "name", label, true);
    auto groups = item.find("all_of");
    if (groups == item.end() || !groups->is_array() || groups->empty()) {
      reader.error(label, "field \"all_of\" must be a non-empty list of word lists");
      continue;
    }
    for (const json& g : *groups) {
      std::vector<std::string> words;
      for (const json& w : g.is_array() ? g : json::array({nullptr})) {
        if (w.is_string()) words.push_back(w.get<std::string>());
      }
      if (!g.is_array() || words.size() != g.size()) {
        reader.error(label, "each group of \"all_of\" must be a list of strings");
      }
      l.all_of.push_back(std::move(words));
    }
    l.none_of = reader.string_list(item, "none_of", label, false);
    l.reply = reader.string_field(item, "reply", label, false);
    if (l.reply.empty()) l.reply = default_reply;
    out.push_back(std::move(l));
  }
  return out;
}

// other_products.json "services": each {"name", "holders" (required),
// "words", "own_actions"}.
std::vector<OtherService> read_services(const json& list, FileReader& reader) {
  std::vector<OtherService> out;
  size_t index = 0;
  for (const json& item : list) {
    const std::string label = "service #" + std::to_string(++index);
    if (!item.is_object()) {
      reader.error(label, "a service must be a JSON object with \"name\" and \"holders\"");
      continue;
    }
    OtherService s;
    s.name = reader.string_field(item, "name", label, true);
    s.holders = reader.string_list(item, "holders", label, true);
    s.words = reader.string_list(item, "words", label, false);
    s.own_actions = reader.string_list(item, "own_actions", label, false);
    out.push_back(std::move(s));
  }
  return out;
}

// other_products.json "issuers" or "wealth_products" (`one` names an item
// in messages): each {"name", "aliases", "not_in"}.
std::vector<NamedIssue> read_issues(const json& list, const std::string& one, FileReader& reader) {
  std::vector<NamedIssue> out;
  size_t index = 0;
  for (const json& item : list) {
    const std::string label = one + " #" + std::to_string(++index);
    if (!item.is_object()) {
      reader.error(label, "a " + one + " must be a JSON object with \"name\"");
      continue;
    }
    NamedIssue n;
    n.name = reader.string_field(item, "name", label, true);
    n.aliases = reader.string_list(item, "aliases", label, false);
    n.not_in = reader.string_list(item, "not_in", label, false);
    out.push_back(std::move(n));
  }
  return out;
}

// other_products.json: {"products": [{"name", "aliases", "company"}…],
// "kinds": [{"name", "aliases"}…] (optional), "services": [{"name",
// "holders", "words", "own_actions"}…] (optional), "issuers" and
// "wealth_products": [{"name", "aliases", "not_in"}…] (optional),
// "issued_products": […], "as_means": […], "about_us": […], "our_actions": […]}.
void load_other_products(const json& doc, FileReader& reader, KnowledgeBase* kb) {
  auto products = doc.is_object() ? doc.find("products") : doc.end();
  if (!doc.is_object() || products == doc.end() || !products->is_array()) {
    reader.error("", "must be an object with a list \"products\"");
    return;
  }
  kb->other_products_list = read_named(*products, "product", true, reader);
  if (auto kinds = doc.find("kinds"); kinds != doc.end()) {
    if (kinds->is_array()) {
      kb->other_kinds_list = read_named(*kinds, "kind", false, reader);
    } else {
      reader.error("kinds", "must be a list of {\"name\", \"aliases\"}");
    }
  }
  if (auto services = doc.find("services"); services != doc.end()) {
    if (services->is_array()) {
      kb->other_services = read_services(*services, reader);
    } else {
      reader.error("services", "must be a list of {\"name\", \"holders\", \"words\"}");
    }
  }
  for (const auto& [key, one, target] : {std::tuple{"issuers", "issuer", &kb->issued_products.issuers},
                                         std::tuple{"wealth_products", "wealth product",
                                                    &kb->issued_products.wealth_products}}) {
    auto list = doc.find(key);
    if (list == doc.end()) continue;
    if (list->is_array()) {
      *target = read_issues(*list, one, reader);
    } else {
      reader.error(key, "must be a list of {\"name\", \"aliases\", \"not_in\"}");
    }
  }
  kb->issued_products.product_words = reader.string_list(doc, "issued_products", "", false);
  kb->other_product_cues.as_means = reader.string_list(doc, "as_means", "", false);
  kb->other_product_cues.about_us = reader.string_list(doc, "about_us", "", false);
  kb->other_product_cues.our_actions = reader.string_list(doc, "our_actions", "", false);
}

std::string sha256_hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

}  // namespace

std::string format(const Diagnostic& d) {
  return d.file + ": " + d.entry_id + ": " +
         (d.severity == Severity::kError ? "error: " : "warning: ") + d.message;
}

LoadOutcome load(const std::string& config_dir) {
  LoadOutcome outcome;
  auto& diags = outcome.diagnostics;
  auto kb = std::make_shared<KnowledgeBase>();
  kb->config_dir = config_dir;
  const fs::path root(config_dir);
  std::string hashed;  // every file's relative path and bytes, in a fixed order

  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    diags.push_back({Severity::kError, config_dir, "-", "configuration directory not found"});
    return outcome;
  }

  // Reads one optional/required top-level file; returns null JSON if absent.
  auto read_json = [&](const std::string& rel, bool required, FileReader& reader) -> json {
    std::string bytes;
    if (!read_file(root / rel, &bytes)) {
      if (required) reader.error("", "file not found");
      return json();
    }
    hashed += rel + '\0' + bytes + '\0';
    return parse_json(bytes, reader);
  };

  // kb/*.json, sorted by name so the order is the same on every machine.
  std::vector<std::string> category_files;
  if (fs::is_directory(root / "kb", ec)) {
    for (const auto& de : fs::directory_iterator(root / "kb", ec)) {
      if (de.is_regular_file() && de.path().extension() == ".json") {
        category_files.push_back("kb/" + de.path().filename().string());
      }
    }
  }
  std::sort(category_files.begin(), category_files.end());
  if (category_files.empty()) {
    diags.push_back({Severity::kError, "kb/", "-", "no knowledge base files (kb/*.json)"});
  }
  for (const std::string& rel : category_files) {
    FileReader reader(rel, &diags);
    json doc = read_json(rel, true, reader);
    if (!doc.is_null()) load_category(doc, rel, kb.get(), &diags);
  }

  {
    FileReader reader("out_of_scope.json", &diags);
    json doc = read_json("out_of_scope.json", false, reader);
    if (doc.is_object()) {
      kb->out_of_scope = reader.string_list(doc, "questions", "", true);
      if (auto lookups = doc.find("lookups"); lookups != doc.end()) {
        kb->lookups = read_lookups(*lookups, reader, "lookups", "lookup", "lookup_refusal");
      }
      // Needs of daily life no entry covers, told by their words (营业执照 +
      // 年报, 外币 + 兑换): refused as a lookup is.
      if (auto domains = doc.find("domains"); domains != doc.end()) {
        for (Lookup& d : read_lookups(*domains, reader, "domains", "domain", "scope_refusal")) kb->lookups.push_back(std::move(d));
      }
    } else if (!doc.is_null()) {
      reader.error("", "must be an object with \"questions\"");
    }
  }
  {
    FileReader reader("replies.json", &diags);
    json doc = read_json("replies.json", true, reader);
    if (!doc.is_null()) kb->replies = reader.string_map(doc, "replies");
  }
  {
    FileReader reader("synonyms.json", &diags);
    json doc = read_json("synonyms.json", false, reader);
    if (!doc.is_null()) kb->synonyms = reader.string_map(doc, "synonyms");
  }
  {
    FileReader reader("variables.json", &diags);
    json doc = read_json("variables.json", false, reader);
    if (!doc.is_null()) kb->variables = reader.string_map(doc, "variables");
  }
  {
    FileReader reader("hedge.json", &diags);
    json doc = read_json("hedge.json", false, reader);
    if (doc.is_object()) {
      kb->hedge.banned = reader.string_list(doc, "banned", "", false);
      kb->hedge.absolute = reader.string_list(doc, "absolute", "", false);
      kb->hedge.dead_end = reader.string_list(doc, "dead_end", "", false);
      kb->hedge.negations = reader.string_list(doc, "negations", "", false);
      // "rewrites": their name when the bot rewrote them at run time.
      for (const char* key : {"rewrites", "suggestions"}) {
        if (doc.contains(key)) kb->hedge.suggestions = reader.string_map(doc[key], key);
      }
    } else if (!doc.is_null()) {
      reader.error("", "must be a JSON object");
    }
  }
  {
    FileReader reader("other_products.json", &diags);
    json doc = read_json("other_products.json", false, reader);
    if (!doc.is_null()) load_other_products(doc, reader, kb.get());
  }
  {
    // settings.json belongs to the bot and retrieval; here it is only hashed
    // (it changes the index) and checked to be JSON.
    FileReader reader("settings.json", &diags);
    json doc = read_json("settings.json", false, reader);
    if (!doc.is_null() && !doc.is_object()) reader.error("", "must be a JSON object");
  }

  {
    FileReader reader("followup.json", &diags);
    json doc = read_json("followup.json", false, reader);
    if (!doc.is_null()) parse_followup_cues(doc, &kb->followup, &diags);
  }
  {
    FileReader reader("calendar.json", &diags);
    json doc = read_json("calendar.json", false, reader);
    if (!doc.is_null()) parse_calendar(doc, &kb->calendar, &diags);
  }
  assign_slots(kb.get());

  kb->content_hash = sha256_hex(hashed);
  for (Diagnostic& d : lint(*kb)) diags.push_back(std::move(d));

  bool has_error = std::any_of(diags.begin(), diags.end(),
                               [](const Diagnostic& d) { return d.severity == Severity::kError; });
  if (!has_error) outcome.kb = std::move(kb);
  return outcome;
}

}  // namespace faqbot::knowledge
