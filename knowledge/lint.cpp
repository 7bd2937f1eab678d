#include "knowledge/lint.h"

#include <map>
#include <set>

#include "knowledge/slots.h"

namespace faqbot::knowledge {
namespace {

// Byte length of the UTF-8 sequence starting with `lead` (1 for invalid).
size_t utf8_len(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Start offsets of the up to `n` characters before byte offset `pos`.
std::vector<size_t> char_starts_before(const std::string& text, size_t pos, size_t n) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < pos;) {
    starts.push_back(i);
    i += utf8_len(static_cast<unsigned char>(text[i]));
  }
  if (starts.size() > n) starts.erase(starts.begin(), starts.end() - n);
  return starts;
}

bool is_clause_break(const std::string& text, size_t from, size_t to) {
  static const char* breaks[] = {"，", "。", "！", "？", "；", ",", ".", "!", "?", ";", "\n"};
  for (const char* b : breaks) {
    size_t p = text.find(b, from);
    if (p != std::string::npos && p < to) return true;
  }
  return false;
}

// Template variables named in `text`: the words between { and }.
std::vector<std::string> variables_in(const std::string& text) {
  std::vector<std::string> names;
  size_t i = 0;
  while ((i = text.find('{', i)) != std::string::npos) {
    size_t close = text.find('}', i + 1);
    if (close == std::string::npos) break;
    names.push_back(text.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  return names;
}

// 你 that is not part of 您 (different code points, so any 你 counts).
bool has_informal_you(const std::string& text) { return text.find("你") != std::string::npos; }

class Linter {
 public:
  explicit Linter(const KnowledgeBase& kb) : kb_(kb) {}

  std::vector<Diagnostic> run() {
    check_entries();
    check_replies();
    check_other_products();
    return std::move(out_);
  }

 private:
  void add(Severity s, const std::string& file, const std::string& id, const std::string& msg) {
    out_.push_back({s, file, id.empty() ? "-" : id, msg});
  }

  // Wording rules shared by answers and canned replies.
  void check_wording(const std::string& file, const std::string& id, const std::string& text) {
    const auto& h = kb_.hedge;
    for (const std::string& phrase : h.banned) {
      if (contains_unnegated(text, phrase, h.negations)) {
        add(Severity::kError, file, id, "banned promise \"" + phrase + "\"");
      }
    }
    for (const std::string& word : h.absolute) {
      if (contains_unnegated(text, word, h.negations)) {
        add(Severity::kWarning, file, id, "absolute wording \"" + word + "\": prefer 预计/一般/通常");
      }
    }
    for (const std::string& phrase : h.dead_end) {
      if (text.find(phrase) != std::string::npos) {
        add(Severity::kWarning, file, id, "dead-end phrasing \"" + phrase + "\": say what happens next");
      }
    }
    if (has_informal_you(text)) add(Severity::kWarning, file, id, "uses 你: address the investor as 您");
    for (const std::string& name : variables_in(text)) {
      bool known = kb_.variables.count(name) > 0;
      for (const std::string& r : runtime_variables()) known = known || r == name;
      if (!known) add(Severity::kError, file, id, "unknown template variable {" + name + "}");
    }
  }

  void check_entries() {
    std::map<std::string, std::string> first_file;  // id -> file
    std::map<std::string, std::string> question_owner;
    std::set<std::string> ids;
    for (const Entry& e : kb_.entries) ids.insert(e.id);
    for (const Entry& e : kb_.entries) {
      const std::string& file = e.source_file;
      if (e.id.empty()) continue;  // already reported by the loader
      auto [it, fresh] = first_file.emplace(e.id, file);
      if (!fresh) add(Severity::kError, file, e.id, "duplicate id (first defined in " + it->second + ")");
      if (e.questions.empty()) add(Severity::kError, file, e.id, "no question variants");
      else if (e.questions.size() < kMinQuestions)
        add(Severity::kWarning, file, e.id,
            "only " + std::to_string(e.questions.size()) + " question variants (want at least " +
                std::to_string(kMinQuestions) + ")");
      for (const std::string& q : e.questions) {
        if (q.find_first_not_of(" \t\r\n") == std::string::npos) {
          add(Severity::kError, file, e.id, "empty question variant");
          continue;
        }
        auto [owner, new_q] = question_owner.emplace(q, e.id);
        if (!new_q) {
          add(Severity::kWarning, file, e.id,
              "question \"" + q + "\" also belongs to " + owner->second);
        }
      }
      if (e.answer.find_first_not_of(" \t\r\n") == std::string::npos) {
        add(Severity::kError, file, e.id, "empty answer");
      } else {
        check_wording(file, e.id, e.answer);
      }
      for (const std::string& f : e.follow_ups) {
        if (!ids.count(f)) add(Severity::kError, file, e.id, "unknown follow-up entry \"" + f + "\"");
      }
    }
  }

  void check_replies() {
    static const char* required[] = {"fallback", "clarify_prompt", "handoff_notice"};
    for (const char* key : required) {
      if (!kb_.replies.count(key)) add(Severity::kError, "replies.json", key, "missing canned reply");
    }
    for (const auto& [key, text] : kb_.replies) {
      if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        add(Severity::kError, "replies.json", key, "empty reply");
      } else {
        check_wording("replies.json", key, text);
      }
    }
  }

  // Errors: an empty name or alias, a name or alias given twice. Warnings:
  // entries whose variants name another company's product, so operators see
  // which of their questions look like questions about someone else's.
  void check_other_products() {
    const std::string file = "other_products.json";
    std::map<std::string, std::string> owner;  // name or alias -> product name
    for (const OtherProduct& p : kb_.other_products()) {
      if (p.name.find_first_not_of(" \t\r\n") == std::string::npos) {
        add(Severity::kError, file, "", "a product with an empty name");
        continue;
      }
      std::vector<std::string> spellings = {p.name};
      spellings.insert(spellings.end(), p.aliases.begin(), p.aliases.end());
      for (const std::string& s : spellings) {
        if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
          add(Severity::kError, file, p.name, "empty alias");
          continue;
        }
        auto [it, fresh] = owner.emplace(s, p.name);
        if (!fresh) add(Severity::kError, file, p.name, "\"" + s + "\" is already listed under " + it->second);
      }
    }
    for (const Entry& e : kb_.entries) {
      std::string named;  // "product (variant)", one per product
      for (const OtherProduct& p : kb_.other_products()) {
        std::string variant = first_variant_naming(e, p);
        if (variant.empty()) continue;
        named += (named.empty() ? "" : ", ") + p.name + " (\"" + variant + "\")";
      }
      if (!named.empty()) {
        add(Severity::kWarning, e.source_file, e.id,
            "variants name another company's product: " + named +
                "; check that they ask about ours (other_products.json)");
      }
    }
  }

  // The first of e's variants that contains p's name or an alias; "" if none.
  static std::string first_variant_naming(const Entry& e, const OtherProduct& p) {
    for (const std::string& q : e.questions) {
      if (!p.name.empty() && q.find(p.name) != std::string::npos) return q;
      for (const std::string& a : p.aliases) {
        if (!a.empty() && q.find(a) != std::string::npos) return q;
      }
    }
    return {};
  }

  const KnowledgeBase& kb_;
  std::vector<Diagnostic> out_;
};

}  // namespace

const std::vector<std::string>& runtime_variables() {
  static const std::vector<std::string> names = {"queue_position", "reply_time", "customer", "product"};
  return names;
}

bool contains_unnegated(const std::string& text, const std::string& phrase,
                        const std::vector<std::string>& negations) {
  if (phrase.empty()) return false;
  for (size_t pos = text.find(phrase); pos != std::string::npos; pos = text.find(phrase, pos + 1)) {
    bool negated = false;
    for (size_t start : char_starts_before(text, pos, 4)) {
      for (const std::string& neg : negations) {
        if (!neg.empty() && text.compare(start, neg.size(), neg) == 0 &&
            start + neg.size() <= pos && !is_clause_break(text, start, pos)) {
          negated = true;
        }
      }
    }
    if (!negated) return true;
  }
  return false;
}

std::vector<Diagnostic> lint(const KnowledgeBase& kb) {
  std::vector<Diagnostic> out = Linter(kb).run();
  for (Diagnostic& d : lint_slots(kb)) out.push_back(std::move(d));
  return out;
}

}  // namespace faqbot::knowledge
