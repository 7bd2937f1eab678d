#include "retrieval/query_forms.h"

namespace faqbot::retrieval {
namespace {

struct Form {
  std::string_view word;
  std::string_view plain;
};
constexpr Form kForms[] = {{"月供", "每月还款"}};

}  // namespace

std::string with_query_forms(std::string_view text) {
  std::string out(text);
  for (const Form& f : kForms) {
    for (size_t at = out.find(f.word); at != std::string::npos; at = out.find(f.word, at + f.plain.size())) {
      out.replace(at, f.word.size(), f.plain);
    }
  }
  return out;
}

}  // namespace faqbot::retrieval
