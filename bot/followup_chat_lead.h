#pragma once
// A follow-up that opens with a remark of small talk or about something of
// another kind, then asks its question in a clause of its own ("哈哈你回得挺
// 快 那要手续费吗", "好的谢谢 顺便问下保本吗", "哎 最近股市又跌了 到账要多久啊"):
// the question clause is the follow-up, the remark is no part of it.
#include <string>
#include <string_view>

#include "bot/followup_cues.h"
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

// The last clause of `written` (the message as written, split by
// retrieval::split_all_clauses), normalised, when
// - it asks (an interrogative or a particle of a question);
// - it names a question type in `topic` / `type` (the conversation's slots),
//   none refining the answered type (followup.json refined_by: then the
//   whole message asks more of the answer), and no other topic;
// - every clause before it names no cue at all (no topic, type, reference,
//   product or place), asks and compares nothing (no interrogative, no 比),
//   and is, searched alone, out of scope or small talk (an entry of topic
//   smalltalk first); or, when the question names only types `topic` has,
//   names only types `topic` has none of, and nothing else, asking nothing
//   (a remark by the way: "等我下班再弄 要手续费不" after 提前还款怎么操作;
//   then a type refining the answered one is read from the question too).
// "" when the message does not open with such a remark.
std::string after_chat_lead(const retrieval::Retriever& retriever, const CueReader& cues,
                            const knowledge::KnowledgeBase& kb, std::string_view written,
                            const std::string& topic, const std::string& type);

}  // namespace faqbot::bot
