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
  for (const auto& kv : rules_.rewrites) {
    if (!kv.first.empty()) rewrites_.emplace_back(kv.first, kv.second);
  }
  std::stable_sort(rewrites_.begin(), rewrites_.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
  refusal_ = rewrite(refusal);
  if (refusal_.empty() || has_banned(refusal_)) refusal_ = kBuiltinRefusal;
}

std::string Guard::rewrite(std::string_view input) const {
  std::string text(input);
  for (const auto& [from, to] : rewrites_) {
    const size_t inner = to.find(from);  // "到账" -> "预计到账": skip if already there
    std::string out;
    size_t done = 0;
    for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + 1)) {
      if (pos < done) continue;
      const bool already =
          inner != std::string::npos && pos >= inner &&
          text.compare(pos - inner, to.size(), to) == 0;
      if (already || negated_at(text, pos, rules_.negations)) continue;
      out.append(text, done, pos - done);
      out += to;
      done = pos + from.size();
    }
    if (done == 0 && out.empty()) continue;
    out.append(text, done, std::string::npos);
    text = std::move(out);
  }
  text = replace_all(std::move(text), "你们", "咱们");
  text = replace_all(std::move(text), "你", "您");
  return text;
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

std::string Guard::apply(std::string_view text) const {
  std::string out = rewrite(text);
  if (has_banned(out)) return refusal_;
  return out;
}

}  // namespace faqbot::bot
