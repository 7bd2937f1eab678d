#include "knowledge/person_names.h"

#include <string>

#include "knowledge/utf8.h"

namespace faqbot::knowledge {
namespace {

// The most common Chinese surnames (single characters).
constexpr std::u32string_view kSurnames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    U"姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
// Titles after a surname that name a person.
constexpr std::u32string_view kTitles[] = {U"某某", U"某", U"先生", U"女士", U"小姐"};
// What after 某 makes it "a certain", not part of a name.
constexpr std::u32string_view kDeterminerAfter = U"些个种天一位类项段时次方家笔件样";
// Verbs introducing a name, named by its surname ("叫张三", "姓王"; not
// "叫人去催", "姓名").
constexpr std::u32string_view kNaming = U"叫姓";

bool is_surname(char32_t c) { return kSurnames.find(c) != std::u32string_view::npos; }

bool starts_with(std::u32string_view text, std::u32string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Whether a title of kTitles starts `rest` and names a person there.
bool title_at(std::u32string_view rest) {
  for (std::u32string_view t : kTitles) {
    if (!starts_with(rest, t)) continue;
    if (t != U"某") return true;
    const std::u32string_view after = rest.substr(t.size());
    return after.empty() || kDeterminerAfter.find(after[0]) == std::u32string_view::npos;
  }
  return false;
}

}  // namespace

bool names_person(std::string_view text) {
  const std::u32string cps = utf8::decode(text);
  const std::u32string_view s(cps);
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const std::u32string_view rest = s.substr(i + 1);
    if (is_surname(s[i]) && title_at(rest)) return true;
    if (kNaming.find(s[i]) != std::u32string_view::npos && is_surname(rest[0])) return true;
  }
  return false;
}

bool names_person_after(std::string_view text, const std::vector<std::string>& anchors) {
  for (const std::string& a : anchors) {
    if (a.empty()) continue;
    for (size_t at = text.find(a); at != std::string_view::npos; at = text.find(a, at + 1)) {
      const std::u32string after = utf8::decode(text.substr(at + a.size()));
      if (names_person(utf8::encode(after.substr(0, kNameWindow)))) return true;
    }
  }
  return false;
}

}  // namespace faqbot::knowledge
