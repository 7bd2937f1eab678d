// EngineRetriever: the clauses and the question sentences of a message read
// alone, for a message that is not a clear match as a whole.
#include <algorithm>
#include <optional>

#include "knowledge/utf8.h"
#include "retrieval/clauses.h"
#include "retrieval/detail_mentions.h"
#include "retrieval/engine_retriever.h"
#include "retrieval/message_cues.h"

namespace faqbot::retrieval {
namespace {

// Characters beside a message's courtesy clauses from which it asks a
// question of its own ("你好，在吗" asks none).
constexpr size_t kMinQuestionChars = 4;
// P(out of scope) of a whole message below which a clause naming no topic is
// read alone when it agrees with the whole message on the best entry. Over 7
// dense seeds, pooled over dev and every probe set (1,354 in-catalog, 504
// out-of-catalog questions), against no such reading: answered right +3.1
// (handoffs on probe_bank 0.75 -> 0.85), refused -0.3; bound 0.5: +3.5,
// -0.5; no bound: +3.5, -1.9. (With kAsksElsewhere; without it the 2-variant
// knowledge base refuses 0.7 fewer of probe_oos's 155.)
constexpr double kOursAsAWhole = 0.4;
// P(out of scope) of a clause, read alone, from which a question it asks is
// someone else's.
constexpr double kAsksElsewhere = 0.5;
// Sentences from which a message is a story around its question: a kind of
// product we do not offer named in another sentence is background.
constexpr size_t kStorySentences = 3;
// Characters beside the about-us words up to which a clause turning to us
// without a topic or a question word is only an opener ("你们懂行", "你们最
// 专业了"): preamble().
constexpr size_t kPreambleChars = 5;

}  // namespace

// The clauses of a message that is not a clear match as a whole (or reads
// as a courtesy): each clause naming a topic or addressing us (a courtesy
// when the message asks nothing else), then the message without its
// courtesy clauses ("您好，打扰一下，我上个月投了两万，怎么提现到卡上，谢谢").
// A clause naming neither is read alone when the whole message reads as
// ours (kOursAsAWhole) and ranks the clause's best entry first too: the
// story around it ("前天弄的两万，一直显示处理中，家里等着用钱") only
// diluted the evidence. Its scope is the whole message's (the story is
// what tells whether the question is about us at all). `as_written`: the
// message's P(out of scope) as written (before a reading without another
// company's product named as a means), which must read as ours too.
// `names_kind`: the whole message asks about a kind of product we do not
// offer (ProductMentions::asked_about on r.normalized).
void EngineRetriever::read_clauses(std::string_view text, size_t k, bool names_kind, double as_written,
                                   SearchResult& r) const {
  const std::vector<std::string> clauses = split_clauses(text);
  if (clauses.size() < 2) return;
  const std::string whole_top = r.candidates.empty() ? std::string() : r.candidates[0].id;
  const double whole_out_of_scope = r.out_of_scope;
  // A kind of product we do not offer named in one clause is the subject
  // of the clauses after it too (车贷还剩12期，能提前还吗): such a clause
  // without it is read with the whole message's scope. A question asked
  // before the kind is named has its own subject, and what follows is the
  // investor's situation ("一天最多能提现多少，我下个月要交首付") or chat
  // beside it ("充值单笔限额多少，今天股市又跌了").
  // Index in `clauses` of the first naming the kind (0 when none does on
  // its own: then every clause is read with the whole message's scope).
  size_t kind_from = 0;
  for (size_t i = 0; names_kind && i < clauses.size(); ++i) {
    if (state_.kinds.asked_about(normalizer_->normalize(clauses[i])) >= 0) {
      kind_from = i;
      break;
    }
  }
  // A kind named in a bare afterthought after the question ("养老金怎么提现
  // 社保局那个") names the question's subject, not the investor's situation.
  if (kind_from > 0 && afterthought(normalizer_->normalize(clauses[kind_from]))) kind_from = 0;
  auto agrees_with_whole = [&](const SearchResult& clause) {
    return std::max(whole_out_of_scope, as_written) < kOursAsAWhole && !clause.candidates.empty() &&
           clause.candidates[0].id == whole_top;
  };
  struct ClauseReading {
    std::string normalized;
    SearchResult result;
    bool preamble = false;  // only turns to us (preamble())
  };
  std::vector<ClauseReading> readings;
  std::string rest;
  size_t dropped = 0, asked_chars = 0;
  bool details_told = false;  // some clause only tells a detail (only_details)
  for (size_t i = 0; i < clauses.size(); ++i) {
    const std::string& clause = clauses[i];
    // A one-character clause ("行", "嗯") is a filler, not a question.
    const size_t chars = utf8::decode(clause).size();
    if (chars < 2) {
      ++dropped;
      continue;
    }
    ClauseReading c;
    c.normalized = normalizer_->normalize(clause);
    if (c.normalized.empty()) {
      ++dropped;
      continue;
    }
    // A clause telling only which record is meant ("订单号CZ2024…",
    // "合同编号HT…的借款") is no reading of its own; the rest of the
    // message, with what the clause says beside the number, is.
    if (only_details(c.normalized)) {
      details_told = true;
      const std::string beside = without_detail_mentions(c.normalized);
      if (!beside.empty()) rest += beside + "，";
      continue;
    }
    c.result.out_of_scope = 1.0;
    c.preamble = preamble(clause, c.normalized);
    score(c.normalized, k, c.result);
    if (names_kind && i >= kind_from && state_.kinds.asked_about(c.normalized) < 0 &&
        !asks_us_of_ours(c.normalized)) {
      c.result.out_of_scope = std::max(c.result.out_of_scope, whole_out_of_scope);
    }
    if (courtesy(c.result) && answerable(c.result) >= kClearAnswerable) {
      ++dropped;
    } else {
      rest += clause;
      rest += "，";
      asked_chars += chars;
    }
    readings.push_back(std::move(c));
  }
  // What the courtesies leave is a question of its own ("你好，哪个网贷平台
  // 利息最低"): a courtesy does not answer the message, however clear.
  const bool asks = asked_chars >= kMinQuestionChars;
  // Whether some clause asks a question of its own that is not ours
  // ("医保卡里的钱能取吗，怎么操作"): then the message is not a story around
  // one of our questions.
  bool asks_elsewhere = false;
  for (const ClauseReading& c : readings) {
    asks_elsewhere = asks_elsewhere || (!courtesy(c.result) && c.result.out_of_scope >= kAsksElsewhere &&
                                        asks_question(c.normalized));
  }
  // Whether some clause beside the preambles asks a question (not a clear
  // courtesy, "在吗"): then a preamble ("你们懂行，帮我看看", "跟你们没关系
  // 哈") lends the message none of its evidence; the question decides.
  const bool question_beside = std::any_of(readings.begin(), readings.end(), [&](const ClauseReading& c) {
    return !c.preamble && asks_question(c.normalized) &&
           !(courtesy(c.result) && answerable(c.result) >= kClearAnswerable);
  });
  for (ClauseReading& c : readings) {
    if (c.preamble && question_beside) continue;
    bool own = courtesy(c.result) ? !asks : names_topic(c.normalized) || addresses_us(c.normalized);
    if (!own && !courtesy(c.result) && !asks_elsewhere && agrees_with_whole(c.result)) {
      own = true;
      c.result.out_of_scope = whole_out_of_scope;
    }
    if (own && better(c.result, r)) {
      r.candidates = std::move(c.result.candidates);
      r.out_of_scope = c.result.out_of_scope;
    }
  }
  if ((dropped > 0 || details_told) && clauses.size() - dropped >= 2) consider(normalizer_->normalize(rest), k, r);
  // The whole message without its detail mentions: the clauses above keep
  // only the first and the last ones of a long story.
  if (details_told) consider(without_detail_mentions(r.normalized), k, r);
  read_question_sentences(text, k, names_kind, whole_out_of_scope, r);
}

// The sentences of a written message that ask a question (a question mark
// or word) and name one of our topics or address us, each read alone, or
// after the sentence before it when alone it names neither ("…流标了。那笔
// 钱什么时候解冻？"): the greeting, the story and the sign-off around it
// only diluted the evidence, and the clauses above may split the question
// or leave its sentence out. A kind of product we do not offer named in a
// short message (fewer than kStorySentences) is the subject of a question
// that needs the sentence before it (车贷还剩12期。能提前还吗？) or of any
// question when the kind is named in a question sentence too (信用卡提额要
// 什么条件？多久能提一次？); a question sentence naming our topic on its own
// after a story that only names the kind ("我在银行有房贷，每月自动扣款。提
// 现几天到账？") is read with its own scope, as is one naming the kind;
// after a story naming the kind as holding money ("公积金账户里有6万。怎么
// 取出来？": ProductMentions::named_as_holder) a question sentence taking
// money out without an object of its own (takes_out_without_object) that
// does not put its question to us asks about that money.
// The question sentence decides over the clauses of the story: its
// reading, when clear(), replaces one of theirs with another best entry
// ("我想在你们这里借点钱装修。借款的利息和手续费怎么算？": the first
// clause reads as loan.apply, more answerable).
// `clear_only`: the whole message is answerable but its best entry is not
// ahead of its siblings; only a clear question sentence's reading replaces
// it. (Replacing a clear whole message's reading with a clear question
// sentence's other entry too cost a right answer a seed over dev and
// every probe set, 5 dense seeds: the story's words were the right ones.)
void EngineRetriever::read_question_sentences(std::string_view text, size_t k, bool names_kind,
                                              double whole_out_of_scope, SearchResult& r, bool clear_only) const {
  const std::vector<std::string> sentences = split_sentences(text);
  if (sentences.size() < 2) return;
  std::vector<std::string> own(sentences.size());
  std::vector<bool> asks(sentences.size(), false);
  bool kind_asked = false;  // the kind is named in a question sentence
  for (size_t i = 0; i < sentences.size(); ++i) {
    const std::string& s = sentences[i];
    own[i] = normalizer_->normalize(s);
    const bool marked = s.find("？") != std::string::npos || s.find('?') != std::string::npos;
    asks[i] = !own[i].empty() && (marked || asks_or_requests(own[i]));
    kind_asked = kind_asked || (asks[i] && state_.kinds.asked_about(own[i]) >= 0);
  }
  std::optional<SearchResult> best;  // the best question sentence's reading
  bool holder_told = false;  // a sentence before names the kind as holding money
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) holder_told = holder_told || (names_kind && state_.kinds.named_as_holder(own[i - 1]));
    if (!asks[i]) continue;
    std::string n = own[i];
    bool joined = false;
    if (!names_topic(n) && !addresses_us(n)) {
      if (i == 0) continue;
      n = normalizer_->normalize(sentences[i - 1] + sentences[i]);
      if (!names_topic(n) && !addresses_us(n)) continue;
      joined = true;
    }
    SearchResult c;
    c.out_of_scope = 1.0;
    score(n, k, c);
    if (courtesy(c)) continue;
    const bool takes_it_out = holder_told && takes_out_without_object(sentences[i]);
    if (names_kind && sentences.size() < kStorySentences && (joined || kind_asked || takes_it_out) &&
        state_.kinds.asked_about(n) < 0 && !asks_us_of_ours(n)) {
      c.out_of_scope = std::max(c.out_of_scope, whole_out_of_scope);
    }
    if (!clear_only && better(c, r)) {
      r.candidates = c.candidates;
      r.out_of_scope = c.out_of_scope;
    }
    if (!best || better(c, *best)) best = std::move(c);
  }
  if (best && clear(*best) && (!clear(r) || (!clear_only && best->candidates[0].id != r.candidates[0].id))) {
    r.candidates = std::move(best->candidates);
    r.out_of_scope = best->out_of_scope;
  }
}

// Whether a clause only turns to us without asking anything of its own: a
// flattering or chatty opener ("你们最专业了，帮我看看") that addresses us
// but names none of our topics and holds no question word, or a disclaimer
// that the message is not about us (disclaims_us), whatever it names.
bool EngineRetriever::preamble(std::string_view clause, const std::string& normalized) const {
  if (disclaims_us(clause)) return true;
  if (!addresses_us(normalized) || names_topic(normalized) || asks_question(normalized)) return false;
  // Short beside the about-us words: a clause saying more ("想把积蓄放你们
  // 这借出去吃点利息") tells what the investor wants of us.
  std::string beside = normalized;
  for (const std::string& w : about_us_) {
    for (size_t at = beside.find(w); !w.empty() && at != std::string::npos; at = beside.find(w, at)) {
      beside.erase(at, w.size());
    }
  }
  return utf8::decode(beside).size() <= kPreambleChars;
}

// Whether a message says it is not about us (a disclaimer clause,
// disclaims_us) and no other clause puts a question about one of our
// topics to us (asks_us_of_ours: "跟你们没关系，你们提现要多久" still asks
// ours): its question is someone else's, however close to an entry.
bool EngineRetriever::disclaimed(std::string_view text) const {
  bool disclaimer = false, ours = false;
  for (const std::string& clause : split_clauses(text)) {
    if (disclaims_us(clause)) {
      disclaimer = true;
    } else {
      ours = ours || asks_us_of_ours(normalizer_->normalize(clause));
    }
  }
  return disclaimer && !ours;
}

}  // namespace faqbot::retrieval
