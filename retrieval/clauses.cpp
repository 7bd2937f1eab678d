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

bool ends_sentence(char32_t cp) {
  switch (cp) {
    case U'!': case U'?': case U';':
    case U'。': case U'！': case U'？': case U'；': case U'｡':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view raw) {
  std::vector<std::string> out;
  std::u32string current;
  auto flush = [&]() {
    size_t b = 0, e = current.size();
    while (b < e && utf8::is_space(current[b])) ++b;
    while (e > b && utf8::is_space(current[e - 1])) --e;
    if (e > b) out.push_back(utf8::encode(current.substr(b, e - b)));
    current.clear();
  };
  for (char32_t cp : utf8::decode(raw)) {
    if (cp == U'\n' || cp == U'\r') {
      flush();
      continue;
    }
    // A run of marks ("？！", "。。。") ends one sentence.
    if (!ends_sentence(cp) && !current.empty() && ends_sentence(current.back())) flush();
    current.push_back(cp);
  }
  flush();
  return out;
}

std::vector<std::string> split_clauses(std::string_view raw) {
  std::vector<std::string> out = split_all_clauses(raw);
  if (out.size() > kMaxClauses) {
    // The opening (a greeting or the question) and the closing clauses (the
    // question after the situation): the middle is most often the story.
    out.erase(out.begin() + 1, out.end() - static_cast<std::ptrdiff_t>(kMaxClauses - 1));
  }
  return out;
}

std::vector<std::string> split_all_clauses(std::string_view raw) {
  std::vector<std::string> out;
  std::u32string current;
  auto flush = [&]() {
    if (!current.empty()) out.push_back(utf8::encode(current));
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
