#pragma once
// The words of the step readings (followup.json "steps",
// knowledge::FollowupCues::StepWords; the readings are bot/followup_steps.h),
// normalised once with the Retriever's normalisation and kept in the
// operator's order, and what they tell of normalised text: where a step ends
// and what is asked after it. Immutable after construction; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

class StepWords {
 public:
  StepWords() = default;  // no words: no text names a step
  StepWords(const knowledge::FollowupCues::StepWords& words, const retrieval::Retriever& normalizer);

  // `text` without the first word of time after a step (`after`, in list
  // order) that ends it ("借款审核通过以后" -> "借款审核通过"). False, `text`
  // unchanged, when none ends it.
  bool strip_after(std::string* text) const;

  // `text` without the first word telling the step is done (`done`, in
  // list order) that ends it ("借款审核通过" -> "借款审核"); unchanged when
  // none does.
  void strip_done(std::string* text) const;

  // The earliest word of sequence (`then`) after the first byte of `text`
  // (at one place, the first listed): `step` is the text before it, `asked`
  // the text after it ("放款以后怎么还": 放款, 怎么还). False when none.
  bool split_then(const std::string& text, std::string* step, std::string* asked) const;

  // `text` holds a word asking how to go on (`how_on`: 怎么, 咋 …).
  bool asks_how_on(std::string_view text) const;

 private:
  std::vector<std::string> after_, done_, then_, how_on_;  // normalised, non-empty
};

}  // namespace faqbot::bot
