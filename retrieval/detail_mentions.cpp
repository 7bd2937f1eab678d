#include "retrieval/detail_mentions.h"

#include <string_view>

#include "knowledge/utf8.h"
#include "retrieval/details.h"

namespace faqbot::retrieval {
namespace {

// Labels of a record's number, in normalised form, longest first where one
// contains another.
constexpr std::u32string_view kLabels[] = {
    U"订单编号", U"合同编号", U"申请编号", U"借款编号", U"交易编号", U"手机号码", U"身份证号", U"订单号",
    U"合同号",   U"流水号",   U"交易号",   U"工单号",   U"申请号",   U"手机号",   U"银行卡号", U"卡号",
    U"单号",     U"编号",     U"尾号",     U"账号"};
// Words linking a label to its number ("订单号是…", "订单号后四位…").
constexpr std::u32string_view kLinks[] = {U"后四位", U"后4位", U"是", U"为", U"号"};

bool starts_at(const std::u32string& text, size_t at, std::u32string_view word) {
  return text.compare(at, word.size(), word) == 0;
}

// End of the detail mention starting at `at`, or `at` when none starts there.
size_t mention_end(const std::u32string& text, size_t at) {
  for (std::u32string_view label : kLabels) {
    if (!starts_at(text, at, label)) continue;
    size_t end = at + label.size();
    for (std::u32string_view link : kLinks) {
      if (starts_at(text, end, link)) {
        end += link.size();
        break;
      }
    }
    if (end >= text.size() || text[end] != kDetailPlaceholder) return at;
    ++end;
    if (end < text.size() && text[end] == U'的') ++end;
    return end;
  }
  return at;
}

// `collapsed` without its mentions; `found` tells whether it held any.
std::u32string strip(const std::u32string& collapsed, bool* found) {
  std::u32string out;
  out.reserve(collapsed.size());
  for (size_t i = 0; i < collapsed.size();) {
    const size_t end = mention_end(collapsed, i);
    if (end > i) {
      *found = true;
      i = end;
    } else {
      out.push_back(collapsed[i++]);
    }
  }
  return out;
}

}  // namespace

std::string without_detail_mentions(const std::string& normalized) {
  bool found = false;
  const std::u32string rest = strip(collapse_details(utf8::decode(normalized)), &found);
  return found ? utf8::encode(rest) : normalized;
}

bool only_details(const std::string& normalized) {
  bool found = false;
  const std::u32string rest = strip(collapse_details(utf8::decode(normalized)), &found);
  return found && rest.size() <= kDetailOnlyChars;
}

}  // namespace faqbot::retrieval
