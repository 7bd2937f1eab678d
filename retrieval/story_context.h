#pragma once
// Investors' circumstances: the story a real question comes wrapped in (an
// age, an amount, a date or weekday, a percentage, what the money is for),
// none of it a question of its own. Cross-validation reads each held-out
// text once more inside such a story, with the same label, so that the
// calibrators learn the decision does not turn on it: a variant with a story
// is still ours, an out-of-scope example with a story still is not (the
// knowledge base's variants are bare, and without this the words and
// numbers of a story count only as "not like a variant"). Deterministic.
#include <cstdint>
#include <string>
#include <vector>

namespace faqbot::retrieval {

// `count` stories (raw text, to be normalised like questions), drawn from
// fixed pools by a fixed seed: the same list on every machine.
std::vector<std::string> investor_stories(size_t count);

// A normalised `text` told inside one of the normalised `stories` (chosen,
// and placed before or after it, by a hash of the text); `text` itself when
// there are none.
std::string with_story(const std::string& text, const std::vector<std::string>& stories);

}  // namespace faqbot::retrieval
