#pragma once
// The step readings of a follow-up (bot/followup.h): a step said done and
// what comes after it. The words they look for are the operator's
// (followup.json "steps", read by CueReader::steps(), bot/step_words.h).
//
//   read_next_step  a step named with a word of time after it and nothing
//                   else ("借款审核通过以后呢" after 提现多久能到, "审核过了以后
//                   呢" after 借款审核要多久) asks what follows the step;
//   read_step_then  the step answered last, said done, then a question of
//                   how to go on after a word of sequence ("放款以后怎么还"
//                   after 借款什么时候放款, "绑好了接下来怎么充钱" after 银行卡
//                   怎么绑) asks the next step.
// Both are pure given the Retriever (thread-safe as it is).
#include <functional>
#include <string>

#include "bot/followup.h"

namespace faqbot::bot {

// What a reading of a follow-up looks at once the message's text alone is
// searched (the readings of bot/followup_readings.h and the step readings
// here).
struct MessageSearch {
  const retrieval::Retriever& retriever;
  const knowledge::KnowledgeBase& kb;
  const CueReader& cues;
  const Conversation& conversation;
  const Thresholds& thresholds;
  size_t k;
  const retrieval::SearchResult& alone;  // the text alone, kContextSearchK deep
};

// What a step reading looks at.
struct StepQuery : MessageSearch {
  // The previous question's subject (its words of the kept topic, else the
  // answer's title), put before a step that names no topic.
  std::function<std::string()> previous_subject;
};

// A step named with a word of time after it and nothing else: the step
// alone (the message without its fillers, the word of time and the word
// telling it is done) is searched; the entry it ranks first, of the topic
// the step names (the kept one when it names none; then the previous
// subject is put before the step), lists the next step first among its
// follow-ups of that topic (the operator's follow_ups: loan.review_time
// lists loan.disbursement). That entry's title is searched and, when it
// answers clearly with that entry, read within the topic, not the step's
// entry, as kSubject. False (reading unchanged) when the message is no
// such step (a step naming a type, a pointer, a product, or more than
// kTopicOnlyResidual other characters) or nothing answers clearly.
bool read_next_step(const StepQuery& q, Reading* reading);

// The step answered last, said done, then a question of how to go on: the
// text (without fillers) split at its earliest word of sequence, the
// question after it holding a word asking how to go on (not "测完以后哪些标能
// 买" after 风险测评在哪, which asks what the assessment decides), the step
// before it, without the word telling it done, being the last answered (it
// searched alone ranks that entry first, or the last question holds each of
// its characters). The question is searched alone, then after the kept
// topic's first word when it names no topic; the first answering clearly an
// entry other than the last is read as kSubject. False (reading unchanged)
// when the message is no such step, names a product or a pointer, or
// nothing answers clearly.
bool read_step_then(const StepQuery& q, Reading* reading);

}  // namespace faqbot::bot
