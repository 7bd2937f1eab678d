#pragma once
// Word-list checks shared by the bot's story readers (wait_story,
// charge_story, contact_question): fixed lists of words matched as
// substrings of normalised text.
#include <algorithm>
#include <iterator>
#include <string_view>

namespace faqbot::bot {

// Whether some word of `words` occurs anywhere in `text`.
template <size_t N>
bool holds_any(std::string_view text, const std::string_view (&words)[N]) {
  return std::any_of(std::begin(words), std::end(words),
                     [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

}  // namespace faqbot::bot
