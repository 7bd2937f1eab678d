#include "bot/step_words.h"

#include <algorithm>

namespace faqbot::bot {
namespace {

std::vector<std::string> normalised(const std::vector<std::string>& words,
                                    const retrieval::Retriever& normalizer) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    std::string text = normalizer.normalize(w);
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Drops the first of `words` that ends `text`; false when none does.
bool strip_first(const std::vector<std::string>& words, std::string* text) {
  for (const std::string& w : words) {
    if (ends_with(*text, w)) {
      text->resize(text->size() - w.size());
      return true;
    }
  }
  return false;
}

}  // namespace

StepWords::StepWords(const knowledge::FollowupCues::StepWords& words,
                     const retrieval::Retriever& normalizer)
    : after_(normalised(words.after, normalizer)),
      done_(normalised(words.done, normalizer)),
      then_(normalised(words.then, normalizer)),
      how_on_(normalised(words.how_on, normalizer)) {}

bool StepWords::strip_after(std::string* text) const { return strip_first(after_, text); }

void StepWords::strip_done(std::string* text) const { strip_first(done_, text); }

bool StepWords::split_then(const std::string& text, std::string* step, std::string* asked) const {
  size_t at = std::string::npos;
  const std::string* word = nullptr;
  for (const std::string& w : then_) {
    const size_t found = text.find(w);
    if (found != std::string::npos && found > 0 && found < at) {
      at = found;
      word = &w;
    }
  }
  if (word == nullptr) return false;
  *step = text.substr(0, at);
  *asked = text.substr(at + word->size());
  return true;
}

bool StepWords::asks_how_on(std::string_view text) const {
  return std::any_of(how_on_.begin(), how_on_.end(),
                     [&](const std::string& w) { return text.find(w) != std::string_view::npos; });
}

}  // namespace faqbot::bot
