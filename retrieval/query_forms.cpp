#include "retrieval/query_forms.h"

#include <cctype>

namespace faqbot::retrieval {
namespace {

struct Form {
  std::string_view word;  // lower case
  std::string_view plain;
};
// English repayment-early phrases with the loan between the verb and
// "early" (the synonym map knows "repay early", not "repay my loan early").
constexpr Form kForms[] = {{"月供", "每月还款"},
                           {"repay my loan early", "提前还款"},
                           {"repay the loan early", "提前还款"},
                           {"repay loan early", "提前还款"},
                           {"pay my loan off early", "提前还款"},
                           {"pay off my loan early", "提前还款"},
                           {"pay back my loan early", "提前还款"}};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string with_query_forms(std::string_view text) {
  std::string out(text);
  for (const Form& f : kForms) {
    // ASCII lower-casing keeps every byte where it was.
    std::string lower = lower_ascii(out);
    for (size_t at = lower.find(f.word); at != std::string::npos; at = lower.find(f.word, at + f.plain.size())) {
      out.replace(at, f.word.size(), f.plain);
      lower.replace(at, f.word.size(), f.plain);
    }
  }
  return out;
}

}  // namespace faqbot::retrieval
