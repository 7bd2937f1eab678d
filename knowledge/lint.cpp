#include "knowledge/lint.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "knowledge/calendar_file.h"
#include "knowledge/hedge_lint.h"
#include "knowledge/issued_products.h"
#include "knowledge/means_words.h"
#include "knowledge/other_companies.h"
#include "knowledge/person_names.h"
#include "knowledge/slots.h"
#include "knowledge/utf8.h"

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

// The category of entries that answer courtesy, not a question.
constexpr const char* kSmallTalkCategory = "smalltalk";

class Linter {
 public:
  explicit Linter(const KnowledgeBase& kb) : kb_(kb) {}

  std::vector<Diagnostic> run() {
    check_entries();
    check_replies();
    check_other_products();
    check_synonyms();
    check_courtesy_clauses();
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
    // Variables' values included: they are said as part of the text.
    for (const Unhedged& u : unhedged_phrases(kb_.render(text), h)) {
      add(Severity::kError, file, id, "absolute wording \"" + u.phrase + "\": write " + u.suggestion + " instead");
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

  // Errors: an empty name or alias, a name or alias given twice (among
  // products and kinds). Warnings: entries whose variants name another
  // company's product, or a kind of product we do not offer other than as a
  // means of ours (用信用卡充值), so operators see which of their questions
  // look like questions about someone else's.
  void check_other_products() {
    const std::string file = "other_products.json";
    std::map<std::string, std::string> owner;  // name or alias -> product or kind name
    std::vector<std::pair<const OtherProduct*, const char*>> named_things;  // (thing, "product" | "kind")
    for (const OtherProduct& p : kb_.other_products()) named_things.emplace_back(&p, "product");
    for (const OtherProduct& p : kb_.other_kinds()) named_things.emplace_back(&p, "kind");
    for (const auto& [thing, what] : named_things) {
      const OtherProduct& p = *thing;
      if (p.name.find_first_not_of(" \t\r\n") == std::string::npos) {
        add(Severity::kError, file, "", std::string("a ") + what + " with an empty name");
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
    std::vector<OtherProduct> products = kb_.other_products();
    const std::vector<OtherProduct> companies = companies_as_products(kb_);
    products.insert(products.end(), companies.begin(), companies.end());
    for (const Entry& e : kb_.entries) {
      std::string named;  // "product (variant)", one per product or company
      for (const OtherProduct& p : products) {
        std::string variant = first_variant_naming(e, p);
        if (variant.empty()) continue;
        named += (named.empty() ? "" : ", ") + p.name + " (\"" + variant + "\")";
      }
      if (!named.empty()) {
        add(Severity::kWarning, e.source_file, e.id,
            "variants name another company's product: " + named +
                "; check that they ask about ours (other_products.json)");
      }
      std::string kinds;  // "kind (variant)", one per kind
      for (const OtherProduct& k : kb_.other_kinds()) {
        std::string variant = first_variant_naming(e, k, /*skip_means=*/true);
        if (variant.empty()) continue;
        kinds += (kinds.empty() ? "" : ", ") + k.name + " (\"" + variant + "\")";
      }
      if (!kinds.empty()) {
        add(Severity::kWarning, e.source_file, e.id,
            "variants name a kind of product the platform does not offer, not as a means (用, 绑 …): " +
                kinds + "; check that they ask about ours (other_products.json kinds)");
      }
    }
    check_other_services();
    check_issued_products();
    check_lookups();
  }

  // Errors: an issuer or wealth product with an empty name, a blank alias,
  // not_in word or issued_products word. Warnings: a not_in word holding
  // none of its spellings (it guards nothing), and entries with a variant
  // that names another company's issued or wealth product
  // (knowledge/issued_products.h), so operators see which of their
  // questions the bot reads as someone else's.
  void check_issued_products() {
    const std::string file = "other_products.json";
    const IssuedProducts& list = kb_.issued_products;
    auto blank = [](const std::string& w) { return w.find_first_not_of(" \t\r\n") == std::string::npos; };
    for (const auto& [items, what] : {std::pair{&list.issuers, "an issuer"}, std::pair{&list.wealth_products, "a wealth product"}}) {
      for (const NamedIssue& n : *items) {
        if (blank(n.name)) {
          add(Severity::kError, file, "", std::string(what) + " with an empty name");
          continue;
        }
        std::vector<std::string> spellings = {n.name};
        for (const std::string& a : n.aliases) {
          if (blank(a)) add(Severity::kError, file, n.name, "empty alias");
          else spellings.push_back(a);
        }
        for (const std::string& g : n.not_in) {
          if (blank(g)) {
            add(Severity::kError, file, n.name, "empty not_in word");
            continue;
          }
          const bool guards = std::any_of(spellings.begin(), spellings.end(),
                                          [&](const std::string& s) { return g.find(s) != std::string::npos; });
          if (!guards) add(Severity::kWarning, file, n.name, "not_in word \"" + g + "\" holds none of its spellings");
        }
      }
    }
    for (const std::string& w : list.product_words) {
      if (blank(w)) add(Severity::kError, file, "issued_products", "empty word");
    }
    if (list.empty()) return;
    for (const Entry& e : kb_.entries) {
      for (const std::string& q : e.questions) {
        const std::string named =
            issued_product_named(ascii_lower(q), list, kb_.other_product_cues.as_means, kb_.other_product_cues.about_us);
        if (named.empty()) continue;
        add(Severity::kWarning, e.source_file, e.id,
            "variant \"" + q + "\" names another company's product: " + named +
                "; check that it asks about ours (other_products.json issuers, wealth_products)");
        break;
      }
    }
  }

  // Errors: a lookup whose group holds no word (it would never match), a
  // blank none_of word. Warnings: a rule whose "reply" replies.json lacks
  // (and the bot has no text of its own for), entries with a variant holding a word of
  // every group of a lookup and none of its none_of words: the bot refuses
  // such questions (retrieval/lookups.h).
  void check_lookups() {
    for (const Lookup& l : kb_.lookups) {
      for (const auto& group : l.all_of) {
        const bool blank = std::all_of(group.begin(), group.end(), [](const std::string& w) {
          return w.find_first_not_of(" \t\r\n") == std::string::npos;
        });
        if (blank) add(Severity::kError, "out_of_scope.json", l.name, "a lookup group without a word");
      }
      for (const std::string& w : l.none_of) {
        if (w.find_first_not_of(" \t\r\n") == std::string::npos) {
          add(Severity::kError, "out_of_scope.json", l.name, "a blank word in none_of");
        }
      }
      // The bot has texts of its own for the sections' replies (bot/wording.h).
      const bool built_in = l.reply == "lookup_refusal" || l.reply == "scope_refusal";
      if (!l.reply.empty() && !built_in && !kb_.replies.count(l.reply)) {
        add(Severity::kWarning, "out_of_scope.json", l.name,
            "reply \"" + l.reply + "\" is not in replies.json: its refusal says the fallback");
      }
    }
    for (const Entry& e : kb_.entries) {
      for (const Lookup& l : kb_.lookups) {
        for (const std::string& q : e.questions) {
          const std::string lower = ascii_lower(q);
          std::vector<std::string> anchors;  // what a named person follows (person_names.h)
          for (const auto& group : l.all_of) {
            for (const std::string& w : group) {
              if (w != kNamedPerson) anchors.push_back(ascii_lower(w));
            }
          }
          const bool asked = std::all_of(l.all_of.begin(), l.all_of.end(), [&](const auto& group) {
            return std::any_of(group.begin(), group.end(), [&](const std::string& w) {
              if (w == kNamedPerson) return names_person_after(lower, anchors);
              return !w.empty() && lower.find(ascii_lower(w)) != std::string::npos;
            });
          });
          const bool excluded = std::any_of(l.none_of.begin(), l.none_of.end(), [&](const std::string& w) {
            return w.find_first_not_of(" \t\r\n") != std::string::npos && lower.find(ascii_lower(w)) != std::string::npos;
          });
          if (!asked || excluded) continue;
          add(Severity::kWarning, e.source_file, e.id,
              "variant \"" + q + "\" asks for the lookup " + l.name +
                  ", which the bot refuses; check it (out_of_scope.json lookups or domains)");
          break;
        }
      }
    }
  }

  // Errors: a service with an empty name, an empty holder or word. Warnings:
  // entries with a variant that reads as another company's own service
  // (reads_as_service), so operators see which of their questions the bot
  // would refuse when an investor asked them so.
  void check_other_services() {
    const std::string file = "other_products.json";
    for (const OtherService& s : kb_.other_services) {
      if (s.name.find_first_not_of(" \t\r\n") == std::string::npos) {
        add(Severity::kError, file, "", "a service with an empty name");
        continue;
      }
      for (const auto& [list, what] : {std::pair{&s.holders, "holder"}, std::pair{&s.words, "word"},
                                       std::pair{&s.own_actions, "own action"}}) {
        for (const std::string& w : *list) {
          if (w.find_first_not_of(" \t\r\n") == std::string::npos) {
            add(Severity::kError, file, s.name, std::string("empty ") + what);
          }
        }
      }
      for (const std::string& w : s.own_actions) {
        const auto& ours = kb_.other_product_cues.our_actions;
        if (!w.empty() && std::find(ours.begin(), ours.end(), w) == ours.end()) {
          add(Severity::kWarning, file, s.name, "own action \"" + w + "\" is not one of our_actions: it changes nothing");
        }
      }
    }
    for (const Entry& e : kb_.entries) {
      std::string named;  // "service (variant)", one per service
      for (const OtherService& s : kb_.other_services) {
        for (const std::string& q : e.questions) {
          if (!reads_as_service(ascii_lower(q), s)) continue;
          named += (named.empty() ? "" : ", ") + s.name + " (\"" + q + "\")";
          break;
        }
      }
      if (!named.empty()) {
        add(Severity::kWarning, e.source_file, e.id,
            "variants read as another company's own service: " + named +
                "; check that they ask about ours or name one of our_actions (other_products.json services)");
      }
    }
  }

  // Whether a lowercased question names a holder of `s` (not right after an
  // as_means word) and, when `s` lists words, one of them, without an
  // about_us word or an our_actions word `s` does not use in its own sense:
  // the runtime rule (retrieval/service_mentions.h) on the text as written
  // (a holder after 没到 / 未到 is no means either).
  bool reads_as_service(const std::string& q, const OtherService& s) const {
    auto has = [&](const std::string& w) { return !w.empty() && q.find(ascii_lower(w)) != std::string::npos; };
    const auto& cues = kb_.other_product_cues;
    if (std::any_of(cues.about_us.begin(), cues.about_us.end(), has)) return false;
    for (const std::string& w : cues.our_actions) {
      if (has(w) && std::find(s.own_actions.begin(), s.own_actions.end(), w) == s.own_actions.end()) return false;
    }
    if (!s.words.empty() && std::none_of(s.words.begin(), s.words.end(), has)) return false;
    for (const std::string& h : s.holders) {
      const std::string holder = ascii_lower(h);
      if (holder.empty()) continue;
      for (size_t at = q.find(holder); at != std::string::npos; at = q.find(holder, at + 1)) {
        const std::string before = q.substr(0, at);
        if (!after_means(before) || ends_with_failed_arrival(before)) return true;
      }
    }
    return false;
  }

  // The synonym map rewrites investors' text before matching (longest key
  // first, left to right), so a key must not damage the words it lands in.
  // Errors: a single-character key; a key that rewrites a canonical word (a
  // value of the map: the map must leave its own output alone); a key that,
  // in a question of the knowledge base or of out_of_scope.json, destroys a
  // canonical word, straddles the edge of another product's name or alias
  // (one wholly inside a name rewrites it the same way everywhere), or cuts
  // into a run of Latin letters and digits.
  void check_synonyms() {
    std::set<std::string> canonical, product_names;
    for (const auto& [key, value] : kb_.synonyms) {
      if (utf8::length(value) >= 2) canonical.insert(value);
      longest_key_ = std::max(longest_key_, utf8::length(key));
    }
    for (const OtherProduct& p : kb_.other_products()) {
      product_names.insert(ascii_lower(p.name));
      for (const std::string& a : p.aliases) product_names.insert(ascii_lower(a));
    }
    std::map<std::string, std::string> broken;  // key -> what it breaks, first found
    for (const std::string& word : canonical) {
      if (!kb_.synonyms.count(word)) {
        for (const Firing& f : fire(word)) broken.emplace(f.key, "the canonical word " + word);
      }
    }
    auto check_question = [&](const std::string& question, const std::string& where) {
      const std::string q = ascii_lower(question);
      const std::vector<Firing> firings = fire(q);
      const std::string rewritten = rewrite(q, firings);
      auto blame = [&](const std::string& word, bool inside_is_fine) {
        for (const Firing& f : firings) {
          if (cuts(q, f, word, inside_is_fine)) {
            broken.emplace(f.key, word + " in \"" + question + "\" (" + where + ")");
          }
        }
      };
      for (const std::string& word : canonical) {
        if (count(q, word) > count(rewritten, word)) blame(word, false);
      }
      for (const std::string& word : product_names) blame(word, true);
      for (const Firing& f : firings) {
        if (glued_to_latin(q, f)) broken.emplace(f.key, "a Latin word in \"" + question + "\" (" + where + ")");
      }
    };
    for (const Entry& e : kb_.entries) {
      for (const std::string& q : e.questions) check_question(q, e.id);
    }
    for (const std::string& q : kb_.out_of_scope) check_question(q, "out_of_scope.json");
    for (const auto& [key, value] : kb_.synonyms) {
      if (utf8::length(key) == 1) {
        add(Severity::kError, "synonyms.json", key,
            "single-character key rewrites every word that holds it: use the whole word");
      } else if (broken.count(key)) {
        add(Severity::kError, "synonyms.json", key, "rewriting it breaks " + broken[key]);
      }
    }
  }

  // A small-talk clause ("你好", "hi", "谢谢您") opening or closing a variant
  // of another entry is learned as evidence for that entry, so the bare
  // courtesy is then read as that question (questions are split into
  // clauses when asked, so the question alone is enough). Warnings.
  void check_courtesy_clauses() {
    std::map<std::u32string, std::string> courtesies;  // clause -> "entry: \"variant\""
    for (const Entry& e : kb_.entries) {
      if (e.category != kSmallTalkCategory) continue;
      for (const std::string& q : e.questions) {
        std::vector<std::u32string> c = clauses_of(q);
        if (c.size() == 1) courtesies.emplace(c[0], e.id + ": \"" + q + "\"");
      }
    }
    for (const Entry& e : kb_.entries) {
      if (e.category == kSmallTalkCategory) continue;
      for (const std::string& q : e.questions) {
        std::vector<std::u32string> c = clauses_of(q);
        if (c.size() < 2) continue;
        auto it = courtesies.find(c.front());
        if (it == courtesies.end()) it = courtesies.find(c.back());
        if (it == courtesies.end()) continue;
        add(Severity::kWarning, e.source_file, e.id,
            "variant \"" + q + "\" holds a small-talk clause (" + it->second +
                "), which then counts as evidence for this entry: write the question alone");
      }
    }
  }

  // The clauses of `text` split at punctuation and whitespace, ASCII
  // lowercased and 你 read as 您 (investors write either).
  static std::vector<std::u32string> clauses_of(const std::string& text) {
    static const std::u32string breaks = U",.!?;~，。！？；、～…";
    std::vector<std::u32string> out(1);
    for (char32_t cp : utf8::decode(text)) {
      if (utf8::is_space(cp) || breaks.find(cp) != std::u32string::npos) {
        if (!out.back().empty()) out.emplace_back();
        continue;
      }
      if (cp >= U'A' && cp <= U'Z') cp += U'a' - U'A';
      out.back().push_back(cp == U'你' ? U'您' : cp);
    }
    if (out.back().empty()) out.pop_back();
    return out;
  }

  struct Firing {
    std::string key;
    size_t begin, end;  // byte span in the text
  };

  // Where the synonym map rewrites `text`: longest key first, left to right.
  std::vector<Firing> fire(const std::string& text) const {
    std::vector<size_t> starts;  // byte offset of each character, then the end
    for (size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(text.size());
    std::vector<Firing> out;
    const size_t n = starts.size() - 1;
    for (size_t i = 0; i < n;) {
      size_t len = std::min(longest_key_, n - i);
      for (; len >= 1; --len) {
        std::string piece = text.substr(starts[i], starts[i + len] - starts[i]);
        if (kb_.synonyms.count(piece)) {
          out.push_back({piece, starts[i], starts[i + len]});
          break;
        }
      }
      i += std::max<size_t>(len, 1);
    }
    return out;
  }

  std::string rewrite(const std::string& text, const std::vector<Firing>& firings) const {
    std::string out;
    size_t at = 0;
    for (const Firing& f : firings) {
      out.append(text, at, f.begin - at);
      out += kb_.synonyms.at(f.key);
      at = f.end;
    }
    return out.append(text, at, std::string::npos);
  }

  // True when firing `f` overlaps an occurrence of `word` in `q` without
  // containing it (and, if `inside_is_fine`, without lying inside it).
  static bool cuts(const std::string& q, const Firing& f, const std::string& word, bool inside_is_fine) {
    for (size_t w = q.find(word); w != std::string::npos; w = q.find(word, w + 1)) {
      const size_t w_end = w + word.size();
      bool overlaps = w < f.end && f.begin < w_end;
      bool contains = f.begin <= w && w_end <= f.end;
      bool inside = w <= f.begin && f.end <= w_end;
      if (overlaps && !contains && !(inside_is_fine && inside)) return true;
    }
    return false;
  }

  static bool glued_to_latin(const std::string& q, const Firing& f) {
    auto latin = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    return latin(q[f.begin]) && latin(q[f.end - 1]) &&
           ((f.begin > 0 && latin(q[f.begin - 1])) || (f.end < q.size() && latin(q[f.end])));
  }

  static size_t count(const std::string& text, const std::string& word) {
    size_t n = 0;
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) ++n;
    return n;
  }

  static std::string ascii_lower(std::string s) {
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
  }

  // The first of e's variants that contains p's name or an alias; "" if none.
  // The first of e's variants naming p; with skip_means, one naming it
  // other than right after an as_means word.
  std::string first_variant_naming(const Entry& e, const OtherProduct& p, bool skip_means = false) const {
    std::vector<std::string> spellings = {p.name};
    spellings.insert(spellings.end(), p.aliases.begin(), p.aliases.end());
    for (const std::string& q : e.questions) {
      for (const std::string& s : spellings) {
        if (s.empty()) continue;
        for (size_t at = q.find(s); at != std::string::npos; at = q.find(s, at + 1)) {
          if (!skip_means || !after_means(q.substr(0, at))) return q;
        }
      }
    }
    return {};
  }

  // Whether `before` ends with one of other_products.json's as_means words.
  // (knowledge/means_words.h: not 到 completing 看到, 收到 …)
  bool after_means(const std::string& before) const {
    return ends_with_means_word(before, kb_.other_product_cues.as_means);
  }

  const KnowledgeBase& kb_;
  size_t longest_key_ = 0;  // characters in the longest synonym key
  std::vector<Diagnostic> out_;
};

}  // namespace

const std::vector<std::string>& runtime_variables() {
  static const std::vector<std::string> names = {"queue_position", "reply_time", "customer", "product",
                                                 "agent", "phone_tail"};
  return names;
}

bool contains_unnegated(const std::string& text, const std::string& phrase,
                        const std::vector<std::string>& negations) {
  if (phrase.empty()) return false;
  for (size_t pos = text.find(phrase); pos != std::string::npos; pos = text.find(phrase, pos + 1)) {
    if (!negated_before(text, pos, negations)) return true;
  }
  return false;
}

bool negated_before(const std::string& text, size_t pos, const std::vector<std::string>& negations) {
  for (size_t start : char_starts_before(text, pos, 4)) {
    for (const std::string& neg : negations) {
      if (!neg.empty() && text.compare(start, neg.size(), neg) == 0 && start + neg.size() <= pos &&
          !is_clause_break(text, start, pos)) {
        return true;
      }
    }
  }
  return false;
}

std::vector<Diagnostic> lint(const KnowledgeBase& kb) {
  std::vector<Diagnostic> out = Linter(kb).run();
  for (Diagnostic& d : lint_slots(kb)) out.push_back(std::move(d));
  for (Diagnostic& d : lint_dates(kb, kb.calendar.now().date)) out.push_back(std::move(d));
  return out;
}

}  // namespace faqbot::knowledge
