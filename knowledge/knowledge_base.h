#pragma once
// The knowledge-base model: what an operator writes under config/, loaded and
// validated. A KnowledgeBase is immutable after loading; share it through
// std::shared_ptr<const KnowledgeBase>.
//
// On-disk layout of a configuration directory (all UTF-8 JSON):
//   kb/<category>.json   {"category","title","entries":[Entry…]}
//   out_of_scope.json    {"questions":[…]}  example questions no entry answers,
//                        "lookups":[{"name","all_of":[[…]…],"none_of":[…],"reply"}…] (optional),
//                        "domains": the same, for needs of daily life (optional)
//   replies.json         {"<reply key>": "text", …}   canned replies
//   synonyms.json        {"<variant>": "<canonical>", …}
//   hedge.json           see HedgeRules
//   variables.json       {"platform": "示例贷", …}   template variables
//   other_products.json  {"products":[{"name","aliases":[…],"company"}…],
//                         "kinds":[{"name","aliases":[…]}…],
//                         "services":[{"name","holders","words","own_actions"}…],
//                         "as_means":[…], "about_us":[…], "our_actions":[…]}
//                        other companies' products, their own services and
//                        kinds of financial product the platform does not
//                        offer (optional file)
//   followup.json        topic/type cues for follow-ups (knowledge/slots.h)
//   settings.json        bot and retrieval settings (read by their owners)
//   calendar.json        working days, bank cut-off, timed answers (knowledge/calendar.h)
#include <map>
#include <string>
#include <vector>

#include "knowledge/calendar.h"
#include "knowledge/issued_products.h"

namespace faqbot::knowledge {

// What the bot does besides answering (catalog.md column `hand`).
enum class HandoffMode {
  kNone,          // "none"          answer only
  kOffer,         // "offer"         answer and offer a human
  kHand,          // "hand"          hand over at once
  kHandPriority,  // "hand_priority" hand over at once, high priority
};

const char* to_string(HandoffMode mode);

struct Entry {
  std::string id;                      // stable, e.g. "withdraw.arrival_time"
  std::string category;                // e.g. "withdraw"
  std::string title;                   // short topic shown in suggestions
  std::vector<std::string> questions;  // question variants; [0] is canonical
  std::string answer;                  // house-style text, may hold {variables}
  HandoffMode handoff = HandoffMode::kNone;
  std::vector<std::string> tags;
  std::vector<std::string> follow_ups;  // ids of related entries
  // Conversation slots (knowledge/slots.h): the optional "topic" / "type"
  // fields, else derived from the id by assign_slots().
  std::string topic;                    // e.g. "withdraw"
  std::string type;                     // e.g. "fee", "how_long"
  bool explicit_topic = false;          // "topic" was written in the entry
  bool explicit_type = false;           // "type" was written in the entry
  std::string source_file;              // file it was loaded from (for errors)
  // Optional dates in platform local time ("YYYY-MM-DD", validated by the
  // loader; "" = open): the entry is answered from `effective` through
  // `expires`, both inclusive, and never outside them.
  std::string effective;
  std::string expires;

  bool active_on(const CivilDate& today) const;
};

// Hedge and courtesy rules (hedge.json). Phrases are matched on the text as
// written (simplified Chinese).
struct HedgeRules {
  std::vector<std::string> banned;      // promises refused at load time (保本…)
  std::vector<std::string> absolute;    // absolute words: lint errors (一定, 立即到账…)
  std::vector<std::string> dead_end;    // negative dead ends: warnings (不知道…)
  std::vector<std::string> negations;   // prefixes that make a phrase a stated
                                        // risk, not a promise (不, 无法, 不承诺…)
  // Phrase -> the hedged wording lint suggests for it ("立即到账" ->
  // "预计很快到账"); a phrase here that is no absolute word (当天到账,
  // 年化收益) is an error too unless written in its suggested form.
  std::map<std::string, std::string> suggestions;
};

// Another company's product that investors name (花呗, 微粒贷, 支付宝 …):
// a question about it is not about ours (other_products.json).
struct OtherProduct {
  std::string name;                  // as investors write it, e.g. "花呗"
  std::vector<std::string> aliases;  // other spellings, e.g. "蚂蚁花呗"
  std::string company;               // who runs it, e.g. "蚂蚁集团"; may be ""
  // Kinds only ("not_a_means": true): never a means of ours, so named
  // anywhere in a question it is what the question asks about, whatever
  // words of ours surround it: a currency we do not take (外币能充值吗, 港币
  // 可以充到你们这吗) or a thing topped up elsewhere (话费能充值吗).
  // A kind without it (信用卡能充值吗) may be a means of ours.
  bool not_a_means = false;
};

// A kind of financial product the platform does not offer (股票, 房贷,
// 信用卡 …; other_products.json "kinds", OtherProduct::company unused): a
// question about one is likely someone else's even when it uses our words
// (股票账户怎么充值). Unlike a product, it is a scope feature weighed
// against the rest of the question (可以用信用卡充值吗 is ours).

// Words that tell whether a question naming another company's product asks
// about that product or about ours (other_products.json, both optional).
struct OtherProductCues {
  // Just before the name, it is a means of ours: 用支付宝充值, 提到微信零钱,
  // 像余额宝那样.
  std::vector<std::string> as_means;
  // Anywhere in the question, it is about us: 你们, 贵平台.
  std::vector<std::string> about_us;
  // Anywhere in the question, one of our actions (充值, 提现, 绑 …): a
  // question naming another company's own service (OtherService) with one
  // is about ours (招行卡充值限额多少).
  std::vector<std::string> our_actions;
};

// Another company's own service whose questions look like ours: a bank's
// app, 网银, card loss or deposits (建行手机银行登录不了, 银行卡丢了怎么挂失),
// a game or phone plan topped up (游戏充值没到账). A question naming one of
// its holders and, when it lists any, one of its words, without any of
// OtherProductCues::our_actions or about_us, is about it (other_products.json
// "services").
struct OtherService {
  std::string name;                  // how replies name it, e.g. "银行"
  std::vector<std::string> holders;  // who offers it: 建行, 银行卡 …
  std::vector<std::string> words;    // its own words: 登录, 挂失 …; empty: the holder alone
  // our_actions words this service's questions use in its own sense
  // (游戏充值): they do not make a question naming it ours.
  std::vector<std::string> own_actions;
};

// A question only an agent with the records can answer, about one person or
// record the investor points at ("我投的那个标 借款人是干啥的"): one holding
// a word of every group of `all_of` (the borrower; a pointer to the
// investor's own loan; what is asked of the person) is refused, however
// close it comes to an entry (out_of_scope.json "lookups").
struct Lookup {
  std::string name;                               // for lint messages
  std::vector<std::vector<std::string>> all_of;  // word groups
  // Words that, any one present, keep the question from asking for it
  // ("none_of": 我的还款日是哪天 asks for a record, 我的还款日过了怎么办 is ours).
  std::vector<std::string> none_of;
  // The canned reply (replies.json key) a question refused by this rule is
  // told: "reply" as written, else the section's own, "lookup_refusal"
  // (lookups: records only an agent can see) or "scope_refusal" (domains:
  // needs outside the platform's service). "fallback" words it as a
  // question no entry answers (a need of ours the bot has no entry for).
  std::string reply;
};

// Words that tell what a follow-up names (followup.json; knowledge/slots.h).
struct FollowupCues {
  std::map<std::string, std::vector<std::string>> topic_cues;  // topic -> words
  std::map<std::string, std::vector<std::string>> type_cues;   // type -> words
  std::map<std::string, std::string> type_of_suffix;           // id suffix -> type
  // type -> the types that, named alone right after an answer of that type,
  // ask about the same entry (failed -> how_long: 提现失败了 → 几天能回来).
  std::map<std::string, std::vector<std::string>> refined_by;
  // type -> the types that refine it as refined_by does only where the kept
  // topic has no entry of them (how_long -> holiday: 放款要多久 → 周末也放吗
  // asks the payout's own weekend; 提现要多久 → 周末呢 is withdraw.holiday).
  std::map<std::string, std::vector<std::string>> refined_where_missing;
  std::vector<std::string> references;  // 这个, 它 … (point back at the subject)
  std::vector<std::string> fillers;     // 那边, 的话 … (carry no content)
  // 嗯, 呃, 就是说 … : hesitations of speech (voice notes read by speech to
  // text); a follow-up is read without them, as if typed clean.
  std::vector<std::string> hesitations;
  // type -> words naming the contrary condition (holiday: 工作日, 平时): a
  // follow-up naming one right after an answer of the type asks the same of
  // the topic without the condition (周末提现几时到 → 工作日呢).
  std::map<std::string, std::vector<std::string>> contrasts;
  // type -> words that name it in a follow-up only (not for ranking), and
  // only within a topic where an entry of that type has a question holding
  // the word (利息 names fee after a loan question, as loan.cost is asked
  // with it, and nothing after a withdrawal question).
  std::map<std::string, std::vector<std::string>> followup_type_cues;
  // The type another company's product names in a follow-up ("" = none);
  // right after an answer of that type the product is a means of ours
  // (那支付宝呢 after 充值方式: recharging with it, not its own service).
  std::string product_type;
  // Types right after whose answer a product names the product type all the
  // same (named_by_products_after: "how": 用支付宝呢 after 充值怎么操作 asks
  // about recharging with it, the how-to answer being about the means).
  std::vector<std::string> product_after_types;
  // topic -> marks of products of the topic's own kind (loan: 贷, 借, 呗 …):
  // another company's product whose name holds one is a peer of ours there,
  // so right after an answer of that topic naming it asks about it, never
  // about a means of ours (借款要怎么还 → 花呗呢 asks how 花呗 is repaid).
  std::map<std::string, std::vector<std::string>> peer_marks;
  // Words of subjects no entry answers (交税, 个税 …: the catalog has no tax
  // entry): a message naming one asks about that subject, whatever topic it
  // names besides ("那赚的利息要交税吗" after 收益怎么算), and is answered with
  // no entry.
  std::vector<std::string> outside;
  // Words that hold a reference word and point at nothing (其他 and 他人 hold
  // 他, 其它 holds 它): a reference word inside one of them is no reference.
  std::vector<std::string> plain_words;
  // Words naming where money goes or comes from (建行, 工商银行, 储蓄卡 …):
  // they tell where, not what is asked, so a follow-up naming a topic and
  // one of them ("提到建行卡呢" after 充值要手续费吗) names only the topic.
  std::vector<std::string> places;
  // modifier -> other words for it (交易: 付钱, 付款): a follow-up naming a
  // sibling by one of them names the sibling ("付钱用的那个密码呢" after 登录
  // 密码忘了 asks about 交易密码; CueReader::sibling_named).
  std::map<std::string, std::vector<std::string>> modifier_synonyms;
  // Words naming someone else than the asker (老婆, 儿子 …), and what of
  // theirs a follow-up may name beside them without naming a topic (账号,
  // 账户 …): "那我老婆的账号呢" asks the last question again for that person
  // (bot/followup_readings.h read_for_another_person).
  std::vector<std::string> persons;
  std::vector<std::string> belongings;
  // topic -> the topic of the opposite movement (recharge <-> withdraw), and
  // the words naming the opposite movement (反过来 …): "反过来呢" after a
  // recharge question asks the same of withdrawals (CueReader::opposite).
  std::map<std::string, std::string> opposites;
  std::vector<std::string> opposite_words;
  // Words of the step readings (bot/followup_steps.h), in the operator's
  // order: a step said done, then what comes next ("借款审核通过以后呢",
  // "放款以后怎么还"). Empty lists: no step reading applies.
  struct StepWords {
    std::vector<std::string> after;   // time after a step, ending a message (以后, 之后)
    std::vector<std::string> done;    // a step is done, just before them (通过了, 好了)
    std::vector<std::string> then;    // what follows a step (接下来, 然后, 以后)
    std::vector<std::string> how_on;  // asking how to go on (怎么, 咋, 如何)
  } steps;
  // What an answer states, asked about (bot/followup_entry_readings.cpp,
  // read_as_the_answer): words asking how its figure is reckoned (怎么算),
  // whether what it tells of may be undone (撤回), what becomes of what is
  // left (剩下); each with the marks of an answer that states it (a figure:
  // %, 元; that it cannot be undone: 无法; the balance: 余额). Empty: the
  // reading never applies.
  struct OfTheAnswer {
    std::vector<std::string> asks;       // matched in the normalised message
    std::vector<std::string> stated_by;  // matched in the answer as the operator wrote it
    // The message says nothing else besides filler and asking words ("怎么算
    // 的"); else what else it says must be in the answer ("剩下的余额怎么处理").
    bool bare = false;
    // Where the answer says something is seen ("在哪看"): when the text alone
    // reads another entry of the kept topic, that entry is the place asked
    // (信息披露 after 逾期率多少), not the answer.
    bool topic_first = false;
    // What is asked of the answer may be named by another topic's words
    // ("要先" a withdrawal: "里面的钱要先提出来吗" after 注销账户, whose answer
    // requires the balance withdrawn first): each topic the message names
    // besides the kept one is named in the answer too, and its words are
    // what else the message says.
    bool other_topics = false;
  };
  std::vector<OfTheAnswer> of_the_answer;
};

struct KnowledgeBase {
  std::string config_dir;
  std::vector<Entry> entries;            // in file order, ids unique
  std::vector<std::string> out_of_scope;  // negative examples
  std::vector<Lookup> lookups;            // out_of_scope.json "lookups" then "domains", file order
  std::map<std::string, std::string> replies;
  std::map<std::string, std::string> synonyms;
  std::map<std::string, std::string> variables;
  HedgeRules hedge;
  // Filled by the loader (file order; names and aliases unique, non-empty);
  // read it through other_products().
  std::vector<OtherProduct> other_products_list;
  std::vector<OtherProduct> other_kinds_list;  // read it through other_kinds()
  std::vector<OtherService> other_services;    // file order; names non-empty
  OtherProductCues other_product_cues;
  // other_products.json "issuers", "issued_products", "wealth_products"
  // (knowledge/issued_products.h); empty when absent.
  IssuedProducts issued_products;
  FollowupCues followup;
  HolidayCalendar calendar;  // loaded == false when calendar.json is absent
  std::string content_hash;  // hex digest of every loaded file's bytes

  // Other companies' products; empty when other_products.json is absent.
  const std::vector<OtherProduct>& other_products() const { return other_products_list; }
  // Kinds of product the platform does not offer; empty when not listed.
  const std::vector<OtherProduct>& other_kinds() const { return other_kinds_list; }
  // nullptr when no entry has that id.
  const Entry* find(const std::string& id) const;
  // Canned reply by key with variables filled in; "" when the key is absent.
  std::string reply(const std::string& key) const;
  // `text` with {variables} filled in; unknown variables are left as written.
  std::string render(const std::string& text) const;
};

}  // namespace faqbot::knowledge
