#include "retrieval/clauses.h"

#include "knowledge/utf8.h"

namespace faqbot::retrieval {
namespace {

bool is_separator(char32_t cp) {
  switch (cp) {
    case U',': case U'.': case U'!': case U'?': case U';': case U'~':
    case U'，': case U'。': case U'！': case U'？': case U'；': case U'、': case U'～':
    case U'…': case U'｡': case U'､':
      return true;
    default:
      return utf8::is_space(cp);
  }
}

}  // namespace

std::vector<std::string> split_clauses(std::string_view raw) {
  std::vector<std::string> out;
  std::u32string current;
  auto flush = [&]() {
    if (!current.empty() && out.size() < kMaxClauses) out.push_back(utf8::encode(current));
    current.clear();
  };
  for (char32_t cp : utf8::decode(raw)) {
    if (is_separator(cp)) {
      flush();
    } else {
      current.push_back(cp);
    }
  }
  flush();
  return out;
}

}  // namespace faqbot::retrieval
