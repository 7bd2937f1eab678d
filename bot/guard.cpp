#include "bot/guard.h"

#include <algorithm>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

constexpr size_t kNegationReach = 3;  // code points between negation and phrase

const char kBuiltinRefusal[] =
    "非常抱歉，这个问题我先帮您记录下来，稍后由同事为您进一步解答。"
    "您也可以随时联系人工客服，欢迎您随时再来咨询。";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// Courtesy: the investor is addressed as 您 (你们 -> 咱们).
std::string polite(std::string text) {
  text = replace_all(std::move(text), "你们", "咱们");
  return replace_all(std::move(text), "你", "您");
}

}  // namespace

bool negated_at(std::string_view text, size_t pos, const std::vector<std::string>& negations) {
  // The clause before the phrase, code point by code point, back to punctuation.
  const std::u32string before = utf8::decode(text.substr(0, pos));
  size_t clause_start = before.size();
  while (clause_start > 0 && !utf8::is_punct(before[clause_start - 1]) &&
         before[clause_start - 1] != '\n') {
    --clause_start;
  }
  const std::u32string clause = before.substr(clause_start);
  for (const std::string& neg_utf8 : negations) {
    const std::u32string neg = utf8::decode(neg_utf8);
    if (neg.empty() || neg.size() > clause.size()) continue;
    // Any occurrence whose end lies within kNegationReach of the phrase.
    for (size_t gap = 0; gap <= kNegationReach; ++gap) {
      if (neg.size() + gap > clause.size()) break;
      const size_t start = clause.size() - gap - neg.size();
      if (clause.compare(start, neg.size(), neg) == 0) return true;
    }
  }
  return false;
}

Guard::Guard(knowledge::HedgeRules rules, std::string refusal) : rules_(std::move(rules)) {
  refusal_ = polite(std::move(refusal));
  if (refusal_.empty() || has_banned(refusal_)) refusal_ = kBuiltinRefusal;
}

bool Guard::has_banned(std::string_view text) const {
  for (const std::string& phrase : rules_.banned) {
    if (phrase.empty()) continue;
    for (size_t pos = text.find(phrase); pos != std::string_view::npos;
         pos = text.find(phrase, pos + 1)) {
      if (!negated_at(text, pos, rules_.negations)) return true;
    }
  }
  return false;
}

namespace {

struct Span {
  size_t begin, end;  // bytes of the text
};

bool inside(const std::vector<Span>& found, size_t begin, size_t end) {
  for (const Span& s : found) {
    if (s.begin <= begin && end <= s.end) return true;
  }
  return false;
}

// True when text[begin, end) holds no punctuation or line break.
bool one_clause(std::string_view text, size_t begin, size_t end) {
  for (char32_t cp : utf8::decode(text.substr(begin, end - begin))) {
    if (utf8::is_punct(cp) || cp == '\n') return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> promises_in(std::string_view text, const knowledge::HedgeRules& rules) {
  static constexpr std::string_view kArrival = "到账";
  std::vector<std::string> banned = rules.banned;
  std::stable_sort(banned.begin(), banned.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::vector<Span> found;
  for (const std::string& phrase : banned) {
    if (phrase.empty()) continue;
    for (size_t pos = text.find(phrase); pos != std::string_view::npos; pos = text.find(phrase, pos + 1)) {
      const size_t end = pos + phrase.size();
      if (!inside(found, pos, end) && !negated_at(text, pos, rules.negations)) found.push_back({pos, end});
    }
  }
  for (const std::string& word : rules.absolute) {
    if (word.empty()) continue;
    for (size_t pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
      const size_t arrival = text.find(kArrival, pos);
      if (arrival == std::string_view::npos) break;
      const size_t end = std::max(pos + word.size(), arrival + kArrival.size());
      if (inside(found, pos, end) || !one_clause(text, pos, arrival) ||
          negated_at(text, pos, rules.negations)) {
        continue;
      }
      found.push_back({pos, end});
    }
  }
  std::sort(found.begin(), found.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<std::string> phrases;
  for (const Span& s : found) {
    // An absolute word's span that a later, longer arrival promise covers.
    const bool within_longer = std::any_of(found.begin(), found.end(), [&](const Span& o) {
      return o.begin <= s.begin && s.end <= o.end && o.end - o.begin > s.end - s.begin;
    });
    if (within_longer) continue;
    std::string phrase(text.substr(s.begin, s.end - s.begin));
    if (std::find(phrases.begin(), phrases.end(), phrase) == phrases.end()) phrases.push_back(std::move(phrase));
  }
  return phrases;
}

std::string Guard::apply(std::string_view text) const {
  std::string out = polite(std::string(text));
  if (has_banned(out)) return refusal_;
  return out;
}

}  // namespace faqbot::bot
