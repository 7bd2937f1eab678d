#pragma once
// Whether a question names one person ("借款人张某", "借款人叫刘二", "王女士
// 那笔"): a record only an agent can look up when it is a borrower
// (out_of_scope.json "lookups", a group holding kNamedPerson). Pure; thread-safe.
#include <string_view>

namespace faqbot::knowledge {

// A lookup group word matched by names_person() instead of as a substring.
inline constexpr std::string_view kNamedPerson = "{人名}";

// Whether `text` (UTF-8, normalised or as typed) names a person: a common
// surname right before 某 / 某某 / 先生 / 女士 / 小姐 (not 某 as "a certain":
// 某些, 某个, 某天 …: "对于某些借款人"), or 叫 / 姓 right before a common
// surname ("叫刘二", "姓王"; not "叫人去催", "姓名", "叫什么").
bool names_person(std::string_view text);

}  // namespace faqbot::knowledge
