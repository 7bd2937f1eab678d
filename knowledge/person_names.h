#pragma once
// Whether a question names one person ("借款人张某", "借款人叫刘二", "王女士
// 那笔"): a record only an agent can look up when it is a borrower
// (out_of_scope.json "lookups", a group holding kNamedPerson: a person named
// right after a word of the lookup's other groups). Pure; thread-safe.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::knowledge {

// A lookup group word matched by names_person_after() the words of the
// lookup's other groups instead of as a substring.
inline constexpr std::string_view kNamedPerson = "{人名}";

// Whether `text` (UTF-8, normalised or as typed) names a person: a common
// surname right before 某 / 某某 / 先生 / 女士 / 小姐 (not 某 as "a certain":
// 某些, 某个, 某天 …: "对于某些借款人"), or 叫 / 姓 right before a common
// surname ("叫刘二", "姓王"; not "叫人去催", "姓名", "叫什么").
bool names_person(std::string_view text);

// Whether names_person() holds within a few characters (kNameWindow) right
// after an occurrence of a word of `anchors` in `text`: "借款人张某", "借款人是
// 叫孙二的", not "我姓李，借款人不还钱怎么办" (the investor's own name).
// Empty anchors are ignored.
inline constexpr size_t kNameWindow = 6;
bool names_person_after(std::string_view text, const std::vector<std::string>& anchors);

}  // namespace faqbot::knowledge
