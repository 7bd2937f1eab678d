#pragma once
// What a follow-up read in context searches (bot/followup.h): the previous
// question's subject, the answer's title, and the message rewritten with
// them as a reading kind says. Pure given the Retriever.
#include <string>

#include "bot/followup.h"
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

// What the previous question was about: the words that named its topic (the
// kept one: words of other topics it named are its story, not its subject:
// "有人打电话说是平台客服 让我把验证码念给他听" is about fraud, not about
// the platform, service or verification codes), else the title of the entry
// answered last, else the whole question.
std::string previous_subject(const CueReader& cues, const knowledge::KnowledgeBase& kb,
                             const retrieval::Retriever& retriever, const Conversation& c);

// What was answered last: the entry's title, else the previous question.
std::string previous_title(const knowledge::KnowledgeBase& kb, const retrieval::Retriever& retriever,
                           const Conversation& c);

// The search a reading rests on: the text rewritten in context.
std::string rewrite(ReadingKind kind, const MessageCues& cues, const CueReader& reader,
                    const std::string& normalized, const std::string& subject,
                    const std::string& title, const std::string& type, const Conversation& c);

}  // namespace faqbot::bot
