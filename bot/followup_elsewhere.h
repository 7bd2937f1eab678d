#pragma once
// A follow-up-only cue is a word that names a type only within the topics
// whose entries of that type are asked with it (followup.json followup_cues:
// 利率 names the loan's cost after a loan question). A message holding such
// a word of another topic's type, which the text alone surely reads as that
// topic's entry of that type, asks about that topic ("为什么利率降了" after 借
// 款利率多少: 降了 names invest's falling rates, and the text alone is sure of
// them), not about the kept one; a type many topics have (amounts: "朋友要投
// 多少才算" after 邀请好友奖励怎么拿) or a marker ("工行的呢") ties it to the kept
// topic. Pure.
#include "bot/followup.h"
#include "bot/followup_cues.h"
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

// The text alone's best entry is confident (the policy would answer it, at
// kSureAlone or above), of another topic than `c`'s, and `alone`'s text
// read within that topic names that entry's type, a type no other topic has
// an entry of, by a follow-up-only cue not gated to `c`'s topic; the message
// names no topic and no pointer, and carries no follow-up marker.
bool names_another_topics_type(const CueReader& cues, const knowledge::KnowledgeBase& kb,
                               const MessageCues& named, const retrieval::SearchResult& alone,
                               const Conversation& c, const Thresholds& t);

}  // namespace faqbot::bot
