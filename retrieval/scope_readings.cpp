// EngineRetriever: whose question a reading is. The readings without the
// names of another company's product or of a kind of product we do not
// offer, and whether a clause names our topics, addresses us, or only
// points at a kind named elsewhere.
#include <algorithm>
#include <cstring>
#include <iterator>

#include "knowledge/utf8.h"
#include "retrieval/background_mentions.h"
#include "retrieval/clauses.h"
#include "retrieval/engine_retriever.h"

namespace faqbot::retrieval {
namespace {

// Characters besides a kind's name and pointer words below which a clause
// naming the kind is an afterthought (afterthought()).
constexpr size_t kAfterthoughtChars = 3;
// Pointer and filler words of an afterthought ("社保局那个", "信用卡的呢").
constexpr const char* kPointerWords[] = {"那个", "这个", "那种", "这种", "的", "呢", "啊", "吧", "嗯"};
// Verbs taking money out whose object is elided (takes_out_without_object),
// as written.
constexpr const char* kElidedTakeOut[] = {"出来", "出去", "回来", "取出"};

// P(out of scope) of a message's own clauses, read without the clauses
// naming another product, from which they do not read as ours
// (Background::kIfOurs).
constexpr double kOwnOutOfScope = 0.5;

// Words with which a clause says the message is not about us ("我不是问你
// 们平台", "跟你们没关系"), as written: a disclaimer, not a question put
// to us. (A correction of which of our questions is meant, "不是问提现的
// 上限", names no 你们.)
constexpr const char* kDisclaimers[] = {"不是问你们", "不是说你们", "跟你们没关系", "和你们没关系", "与你们无关",
                                        "跟你们无关", "和你们无关", "跟你们没啥关系", "和你们没啥关系",
                                        "不是你们平台的", "不是你们家的", "不关你们的事", "帮朋友问别家",
                                        "问的是别家", "问的是别的平台"};

}  // namespace

// The message's clauses without those naming another product or a kind of
// product we do not offer only as background (background_of), normalised
// and joined; "" when those names are not background.
std::string EngineRetriever::reading_beside_background(std::string_view text, size_t k) const {
  const std::vector<std::string> clauses = split_clauses(text);
  if (clauses.size() < 2) return {};
  std::vector<MentionClause> read;
  std::string own;
  for (const std::string& clause : clauses) {
    MentionClause c;
    c.normalized = normalizer_->normalize(clause);
    if (c.normalized.empty()) continue;
    c.names_other = state_.products.asked_about(c.normalized) >= 0 || state_.kinds.asked_about(c.normalized) >= 0;
    // A disclaimer ("我不是问你们平台") puts no question to us.
    c.addresses_us = (addresses_us(c.normalized) || turns_to_us(c.normalized)) && !disclaims_us(clause);
    c.names_topic = names_topic(c.normalized);
    if (!c.names_other) own += (own.empty() ? "" : "，") + clause;
    read.push_back(std::move(c));
  }
  const Background background = background_of(read);
  if (background == Background::kNone) return {};
  std::string normalized = normalizer_->normalize(own);
  if (background == Background::kIfOurs) {
    SearchResult alone;
    alone.out_of_scope = 1.0;
    score(normalized, k, alone);
    if (alone.out_of_scope >= kOwnOutOfScope) return {};
  }
  return normalized;
}

// The readings of the message without the names of another company's
// product or a kind of product we do not offer that it does not ask about
// (`product`, `kind`: what it asks about, -1 none), each kept when better().
void EngineRetriever::read_without_other_names(int product, int kind, size_t k, SearchResult& r) const {
  if (product < 0) {
    // A product named only as a means of ours ("能用支付宝充值吗") may
    // read as someone else's question: the reading without its name
    // when that is more answerable.
    const std::string without = state_.products.without_names(r.normalized);
    if (without != r.normalized) consider(without, k, r);
  }
  if (kind < 0 && (state_.kinds.named_beside_subject_in(r.normalized) ||
                   state_.kinds.named_in_comparison_in(r.normalized))) {
    // The same for a kind of product we do not offer named beside the
    // subject ("招行信用卡能绑不", "没有房贷"): the investor's question is
    // the rest, which look-alike out-of-scope examples of the kind ("招商
    // 银行信用卡怎么申请") only make less answerable; and for a kind set
    // against ours after a word of comparison ("像基金定投那样自动帮我投").
    // (Not a kind named after another means word: "你们支持炒外汇吗" asks
    // whether we offer it.)
    const std::string without = state_.kinds.without_names(r.normalized);
    if (without != r.normalized) consider(without, k, r);
  }
}

// Whether a sentence asks about taking money out with a verb whose object
// is left to the sentences before it ("怎么取出来？", "能转出来吗"), as
// written (before the synonyms make 取出来 our 提现).
bool EngineRetriever::takes_out_without_object(std::string_view sentence) const {
  const std::string written = normalizer_->normalize_without_synonyms(sentence);
  return std::any_of(std::begin(kElidedTakeOut), std::end(kElidedTakeOut),
                     [&](const char* w) { return written.find(w) != std::string::npos; });
}

// Whether a normalised clause names one of the knowledge base's topics
// (always true when the corpus lists none).
bool EngineRetriever::names_topic(const std::string& normalized) const {
  if (topic_words_.empty()) return true;
  return std::any_of(topic_words_.begin(), topic_words_.end(), [&](const std::string& w) {
    return normalized.find(w) != std::string::npos;
  });
}

// Whether a normalised clause addresses us (Corpus::product_about_us:
// 你们, 贵平台 …): a question put to us, not a fragment of someone else's.
bool EngineRetriever::addresses_us(const std::string& normalized) const {
  return std::any_of(about_us_.begin(), about_us_.end(), [&](const std::string& w) {
    return normalized.find(w) != std::string::npos;
  });
}

// Whether a clause says the message is not about us (kDisclaimers, as
// written, before the synonyms).
bool EngineRetriever::disclaims_us(std::string_view clause) const {
  const std::string written = normalizer_->normalize_without_synonyms(clause);
  return std::any_of(std::begin(kDisclaimers), std::end(kDisclaimers),
                     [&](const char* w) { return written.find(w) != std::string::npos; });
}

// Whether a normalised clause puts a question about one of our topics to
// us ("不知道你们支持不支持广发的卡充值"): its subject is its own, not a kind
// of product we do not offer named in the investor's story before it. An
// ellipsis put to us ("我想办张信用卡，你们能办吗") still asks about the kind.
bool EngineRetriever::asks_us_of_ours(const std::string& normalized) const {
  return addresses_us(normalized) && names_topic(normalized);
}

// Whether a normalised clause naming a kind of product we do not offer
// says nothing else but a pointer ("社保局那个", "信用卡的"): an afterthought
// telling what the question before it is about, where a situation or chat
// beside the question says something of its own ("今天股市又跌了", "我急着
// 还信用卡").
bool EngineRetriever::afterthought(const std::string& normalized) const {
  std::string rest = state_.kinds.without_names(normalized);
  for (const char* w : kPointerWords) {
    for (size_t at = rest.find(w); at != std::string::npos; at = rest.find(w, at)) rest.erase(at, std::strlen(w));
  }
  return utf8::decode(rest).size() < kAfterthoughtChars;
}

}  // namespace faqbot::retrieval
