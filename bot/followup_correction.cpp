#include "bot/followup_correction.h"

#include <algorithm>
#include <vector>

#include "bot/word_lists.h"
#include "retrieval/clauses.h"

namespace faqbot::bot {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool holds(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }

// Openings of a clause denying the answer.
constexpr std::string_view kDenials[] = {"不是", "不对", "错了", "搞错", "弄错", "理解错", "你理解错",
                                         "你搞错", "你弄错", "答非所问", "我问的不是", "我说的不是",
                                         "我要问的不是", "我想问的不是", "并不是"};

// Openings of the corrected question, longest first.
constexpr std::string_view kAsked[] = {"我想问的是", "我要问的是", "我想说的是", "我问的是", "我说的是",
                                       "我是想问", "我是说", "我是问", "我想问", "我要问", "我问的",
                                       "我说的", "问的是", "说的是"};

bool denies(std::string_view clause) {
  return std::any_of(std::begin(kDenials), std::end(kDenials),
                     [&](std::string_view d) { return starts_with(clause, d); });
}

// Words of a clause asking something: a question of its own, not a denial.
constexpr std::string_view kAsking[] = {"吗", "呢", "么", "?", "？", "是不是", "怎么", "为什么", "为啥"};

// `clause` with the opening of a corrected question dropped; `bare_is` lets
// a bare 是 open one. npos when it opens none.
size_t asked_from(std::string_view clause, bool bare_is) {
  for (std::string_view a : kAsked) {
    if (starts_with(clause, a)) return a.size();
  }
  if (bare_is && starts_with(clause, "是") && !starts_with(clause, "是不是")) return std::string_view("是").size();
  return std::string_view::npos;
}

std::string joined(const std::vector<std::string>& clauses, size_t from, size_t skip) {
  std::string out = clauses[from].substr(skip);
  for (size_t i = from + 1; i < clauses.size(); ++i) out += " " + clauses[i];
  return out;
}

bool usable(const std::string& rest) { return !rest.empty() && !holds(rest, "不是"); }

}  // namespace

std::string corrected_question(std::string_view written) {
  const std::vector<std::string> clauses = retrieval::split_all_clauses(written);
  if (clauses.empty() || !denies(clauses.front()) || holds_any(clauses.front(), kAsking)) return "";
  // The denial and the corrected question in one clause: 不是这个我问的是充值.
  if (clauses.size() == 1) {
    const std::string& only = clauses.front();
    for (std::string_view a : kAsked) {
      const size_t at = only.find(a);
      if (at == std::string::npos || at == 0) continue;
      const std::string rest = only.substr(at + a.size());
      return usable(rest) ? rest : "";
    }
    return "";
  }
  const bool bare_is = holds(clauses.front(), "不是");
  const size_t skip = asked_from(clauses[1], bare_is);
  if (skip == std::string_view::npos) return "";
  const std::string rest = joined(clauses, 1, skip);
  return usable(rest) ? rest : "";
}

}  // namespace faqbot::bot
