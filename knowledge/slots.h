#pragma once
// Conversation slots of a knowledge base: every entry's topic and question
// type, and the operator's follow-up cues (config/followup.json).
//
// An entry's topic is its "topic" field, else the part of its id before the
// first '.' (the category when the id has no '.'). Its type is its "type"
// field, else the part of its id after the last '.', mapped through the
// cues' suffix table so that ids written differently share a type
// (recharge.fee and loan.cost are both "fee"; withdraw.arrival_time and
// loan.review_time both "how_long").
//
// followup.json (optional):
//   {"types":  {"<type>": {"suffixes": ["cost", …], "cues": ["手续费", …],
//                          "refined_by": ["how_long", …],
//                          "refined_where_missing": ["holiday", …],
//                          "followup_cues": ["利息", …],
//                          "named_by_products": true,
//                          "contrasts": ["工作日", …]}, …},
//              refined_by: types that, named alone right after an answer of
//              this type, ask about that same answer: a type that tells what
//              happened (failed) is refined by how long or how to go on
//              ("提现失败了" → "几天能回来" is still withdraw.failed);
//              refined_where_missing: types that refine this type's answer
//              as refined_by ones do, but only where its topic has no entry
//              of them (a weekend after how long a loan takes to pay out);
//              followup_cues: words naming the type in a follow-up only, not
//              in ranking, and only within a topic whose entry of the type
//              is asked with the word (FollowupCues::followup_type_cues);
//              named_by_products (one type at most): other companies'
//              products name it in a follow-up, and right after its answer
//              a product is a means of ours (FollowupCues::product_type)
//              contrasts: words naming the contrary condition of the type
//              (FollowupCues::contrasts)
//    "topics": {"<topic>": ["提现", "取现", …], …},
//    "peer_products": {"<topic>": ["贷", "借", …], …}: marks of other
//              companies' products of the topic's own kind (a name holding
//              one): right after an answer of the topic such a product is a
//              peer of ours asked about, never a means of ours
//              (FollowupCues::peer_marks)
//    "references": ["这个", "它", …],   words pointing back at what was asked
//    "fillers":    ["那边", "的话", …],  words a short follow-up carries besides
//                                       its topic ("提现那边呢" names only a topic)
//    "hesitations": ["嗯", "呃", …],     hesitations of speech a follow-up is read
//                                       without (voice notes)
//    "outside":    ["交税", "个税", …],  words of subjects no entry answers: a
//                                       message naming one is answered with no
//                                       entry (FollowupCues::outside)
//    "plain_words": ["其他", "他人", …], words holding a reference word that
//                                       point at nothing (FollowupCues::plain_words)
//    "places": ["建行", "储蓄卡", …],    where money goes or comes from: not what a
//                                       follow-up asks (FollowupCues::places)
//    "persons": ["老婆", "儿子", …],   words naming someone else than the asker
//    "belongings": ["账号", …],         what of theirs a follow-up may name beside
//                                       them (FollowupCues::persons, belongings)
//    "modifiers": {"交易": ["付钱", …]}, other words for a modifier that tells
//                                       siblings apart (FollowupCues::modifier_synonyms)
//    "opposites": {"topics": {"recharge": "withdraw", …}, "words": ["反过来", …]},
//                                       topics of opposite movements and the words
//                                       naming the opposite (FollowupCues::opposites),
//    "steps": {"after": ["以后", …], "done": ["通过", …], "then": ["接下来", …],
//              "how_on": ["怎么", …]}: words of the step readings
//              (FollowupCues::steps, bot/followup_steps.h): after, words of
//              time ending a message after a step ("借款审核通过以后呢"); done,
//              words telling the step is done, just before them (the first
//              listed that ends the step is dropped: list a longer word before
//              a shorter one it ends with, 通过了 before 过了); then, words of
//              sequence before a question of what comes next ("放款以后怎么
//              还"); how_on, words asking how to go on. Another key is an error;
//              a list left out is empty and its reading never applies.
//    "of_the_answer": [{"asks": ["怎么算", …], "stated_by": ["%", "元", …],
//              "bare": true}, …]}: a short follow-up asking what the answer
//              just given states (FollowupCues::of_the_answer): asks, words
//              asking it (matched as written in the normalised message);
//              stated_by, marks of an answer that states it (matched in the
//              answer as written); bare, the message must say nothing else
//              (else what else it says must be in the answer); topic_first,
//              the text alone reading another entry of the kept topic reads
//              it (where to look: the place may be an entry); other_topics,
//              the message may name another topic's words when the answer
//              names that topic too (what must be done first). Both lists
//              are required and non-empty; another key is an error; left
//              out, the reading never applies.
// Cue words are written as investors type them; matching happens on
// normalised text (the engine normalises the cues the same way).
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"
#include "knowledge/loader.h"

namespace faqbot::knowledge {

// The topic and type an id implies without explicit fields.
std::string topic_from_id(const std::string& id, const std::string& category);
std::string type_from_id(const std::string& id, const FollowupCues& cues);

// Fills every entry's topic and type that was not set explicitly.
void assign_slots(KnowledgeBase* kb);

// Reads a parsed followup.json into `cues`; findings go to `diags` as
// "followup.json: -: …". `doc` must be a JSON object (else an error).
void parse_followup_cues(const nlohmann::json& doc, FollowupCues* cues,
                         std::vector<Diagnostic>* diags);

// Lint of the slots (warnings): explicit topic/type values no other entry
// and no cue list knows (a typo, or a slot no follow-up can reach), cue lists
// for topics/types no entry has, a cue word listed under two topics, a
// refined_by naming a type without cues, cues or named_by_products for a
// type no entry has, an outside word an entry's own text holds.
std::vector<Diagnostic> lint_slots(const KnowledgeBase& kb);

}  // namespace faqbot::knowledge
