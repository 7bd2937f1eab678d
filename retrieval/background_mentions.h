#pragma once
// Whether the other companies' products and the kinds of product we do not
// offer that a message names are only its background: told in a clause of
// their own ("基金十块钱就能买", "支付宝从来不会这样", "同一张卡在京东上付款
// 都没问题") beside a clause asking about ours ("你们这最低投多少", "充值老
// 是失败"). Such a message is ours; one asking about the other product
// itself ("花呗额度太低，怎么提额", "我想办张信用卡，你们能办吗") is not.
// Pure functions of normalised (simplified) text.
#include <string>
#include <vector>

namespace faqbot::retrieval {

// One clause of a message, normalised, with what the retriever knows of it.
struct MentionClause {
  std::string normalized;
  bool names_other = false;   // asks about another product or kind (ProductMentions::asked_about)
  bool addresses_us = false;  // puts its words to us (about-us words or turns_to_us)
  bool names_topic = false;   // names one of our topics
};

// How sure it is that the other names of a message are background.
enum class Background {
  kNone,    // some clause asks about (or asks for) the other product, or no clause is ours
  kIfOurs,  // background if the message without those clauses reads as ours
  kSure,    // a clause put to us names one of our topics
};

// Whether a normalised clause turns to us with a word the about-us list
// leaves out because alone it does not make a message ours (这边, 平台 …).
bool turns_to_us(const std::string& normalized);

// Whether a normalised clause only tells something (no question, request or
// wish): a clause naming another product that asks ("支付宝怎么提现"),
// requests ("想了解花呗") or wishes ("我想办张信用卡") is about it.
bool only_tells(const std::string& normalized);

// Whether a normalised clause holds a word of comparison or contrast (都,
// 从来, 早就, 人家, 就能, 没这么 …): what it says of the other product is
// set against us.
bool compares(const std::string& normalized);

// Whether the clauses naming another product or kind are background: each
// only_tells() and is not put to us, another clause names none, and a
// clause of those is put to us (kSure when it also names a topic of ours,
// else kIfOurs), or every naming clause compares() and the rest asks nothing
// after the first name (tells of ours: "提了三天还没到", or asks before it:
// "借款要什么条件，微粒贷都不要资料"; a question not put to us that follows
// the name may be elliptical, its object the other product's: "余额宝都是随
// 存随取，怎么转出"), kSure when the rest names a topic of ours, else kIfOurs.
Background background_of(const std::vector<MentionClause>& clauses);

}  // namespace faqbot::retrieval
