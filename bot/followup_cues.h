#pragma once
// What a message names, read with the operator's follow-up cues
// (config/followup.json, knowledge/slots.h): the topics and question types
// it names, whether it points back at what was asked before (这个, 它…),
// whether it names another company's product (other_products.json: a cue of
// the product type, FollowupCues::product_type), and how much it says
// besides cue and filler words. A follow-up-only cue (followup_cues) names
// its type only within the topics whose entry of that type is asked with it
// (the entries' questions, normalised, are looked at once when the reader is
// built).
//
// Cue words are normalised once, with the Retriever's normalisation, when the
// reader is built; read() takes normalised text. Matching is leftmost-longest
// ("交易密码" before "密码"). A topic word of a place money goes (账户, 银行卡)
// right after a verb of money going there ("钱会退回到银行卡吗", "是打到账户里
// 吗") names no topic: it tells where the money goes. Immutable after construction; thread-safe.
#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bot/step_words.h"
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

struct NamedSlot {
  std::string slot;  // topic or type name
  std::string word;  // the normalised text that named it
  bool followup_only = false;  // named by a follow-up-only cue (followup_cues)
  bool product = false;        // named by a product's name (the product type)
};

struct MessageCues {
  std::vector<NamedSlot> topics;  // in text order; a topic may repeat
  std::vector<NamedSlot> types;   // in text order
  // Words naming the contrary condition of the answered type (read()'s
  // `type`; FollowupCues::contrasts): slot the type, in text order.
  std::vector<NamedSlot> contrasts;
  bool reference = false;         // a reference word (这个, 它…) occurs
  bool product = false;           // a product is named right after an answer
                                  // of the product type (read()'s `type`)
  bool names_product = false;     // some product is named, whatever the context
  // A product named is of the kind of read()'s `topic` (a peer of ours there:
  // FollowupCues::peer_marks): never a means of ours.
  bool peer_product = false;
  bool place = false;             // a place money goes is named (followup.json places: 招行)
  size_t residual_chars = 0;      // code points outside every cue, filler and place word
  // Of residual_chars, those of a yes-no tag asking whether something will
  // do (可不可以, 行不行, 能不能, 可以, 行: "翼支付可不可以"): no subject of
  // their own.
  size_t yes_no_chars = 0;
  // Words outside every cue that only out-of-scope examples use
  // (CueReader::read): two characters each, in text order ("股票" in "那股票
  // 手续费呢", "快递" in "快递到哪了"). Such a remark is about something of
  // another kind, not a follow-up to our answer.
  std::vector<std::string> foreign;
  // Words outside every cue that no entry's text holds (CueReader::read): a
  // run of two or more characters, none of grammar, none making with a
  // neighbour a pair some entry's text holds ("签证" in "签证审核要多久",
  // "吃饭" in "你吃饭了吗"). The message's own subject is then something our
  // entries never speak of.
  std::vector<std::string> unknown;
  // Characters outside every cue, none of grammar, that make with neither
  // neighbour a pair some entry's text holds: the unknown words' characters
  // and single ones ("玩" in "周末你们去哪玩").
  size_t strange_chars = 0;

  bool names_topic(const std::string& topic) const;
  bool names_only(const std::string& topic) const;  // topics non-empty, all `topic`
  // residual_chars less the yes-no tags among them: what the message says
  // besides its cues and asking whether something will do.
  size_t residual_besides_yes_no() const { return residual_chars - std::min(yes_no_chars, residual_chars); }
  // The words that named topics, concatenated in text order ("借款审核"): the
  // subject of the message.
  std::string subject() const;
};

class CueReader {
 public:
  CueReader() = default;  // reads nothing: every message is all residual
  // The cues of kb.followup, the names of kb.other_products(), the topics
  // where each follow-up-only cue applies (from kb.entries), and the words
  // only kb.out_of_scope uses.
  CueReader(const knowledge::KnowledgeBase& kb, const retrieval::Retriever& normalizer);

  // `topic`, `type`: the conversation's slots. Follow-up-only cues name
  // their type only within their topics, products only right after an
  // answer of the product type ("" = neither applies; such a word is then
  // residual, as any other word).
  MessageCues read(std::string_view normalized, const std::string& topic = "",
                   const std::string& type = "") const;

  // `normalized` with every word that names a topic replaced by `word` (the
  // first occurrence) or removed (later ones); `word` put in front when the
  // text names no topic.
  std::string replace_subject(std::string_view normalized, const std::string& word) const;

  // How a follow-up reads typed clean: `normalized` without hesitations of
  // speech (FollowupCues::hesitations: "嗯那个就是提现呢" -> "那个提现呢"),
  // and with a cue word of a topic or type typed or heard as a homophone put
  // right ("提线呢" -> "提现呢", "方款呢" -> "放款呢", "利西" -> 利息 where 利息
  // is a follow-up-only cue): a span of two or more
  // characters reads in toneless pinyin (the engine's readings) as the cue
  // does, shares at least one character with it, and holds a pair of
  // characters no entry's text and no out-of-scope example holds (so a word
  // of ours or of another kind is never rewritten: 重置 stays); a character
  // kept at its edge that makes a pair some text holds with the one beside
  // stays with that word (按全部), unless the texts hold that pair only
  // beside the whole cue (来利 only in 下来利息: "借下来利西" -> 借下来利息).
  std::string clean(std::string_view normalized) const;

  // `normalized` without the cue words of `type` and the words contrasting
  // with it ("周六提现几时能到账" -> "提现几时能到账").
  std::string without_condition(std::string_view normalized, const std::string& type) const;

  // `normalized` without its filler words ("那充值呢" -> "充值").
  std::string without_fillers(std::string_view normalized) const;

  // `normalized` without the products' names ("那支付宝呢" -> "那呢").
  std::string without_products(std::string_view normalized) const;

  // The topic word that `word`, said of `previous` (a topic word of the same
  // topic), stands for: a topic word of that topic that begins with `word`
  // and ends as `previous` does ("登录" said of 交易密码 is 登录密码), else
  // `word` itself.
  std::string said_of(const std::string& word, const std::string& previous) const;

  // The other topic words of the kind `previous` is (a topic word): words of
  // its topic that end with `kind` (a topic word the message names, "密码"),
  // or, when `kind` is empty, with the last two characters of `previous`;
  // neither `previous` nor `kind` itself; in the order the cues list them
  // ("密码" of 登录密码: 交易密码, 支付密码). Empty when `previous` is no topic word.
  std::vector<std::string> others_of(const std::string& kind, const std::string& previous) const;

  // The sibling a message names by its distinguishing modifier: a topic
  // word of `topic` made of a head of two characters or more and a tail that
  // is itself a word of the topic or ends another of its words ("交易" +
  // "密码", "提前" + "还款"), whose tail the last question holds and whose
  // head the message holds as a word of its own (not inside a longer cue of
  // another word: 银行 in 银行卡 is no head) before any pointer (a pointer
  // before it points back: "它跟登录的那个能设成一样吗" asks about the trade
  // password), while the last question holds
  // neither the sibling nor its head and the message not the tail before the
  // head ("交易的那个呢" or "那支付用的那个密码呢" after 登录的密码忘了怎么重设
  // name 交易密码/支付密码; "那提前的呢" after 还款方式有哪些 names 提前还款).
  // The head may be named by one of its other words (followup.json
  // modifiers: "付钱用的那个呢" names 交易密码). False when none; else `word` is the sibling and
  // `rewritten` the last question asking about it: the first word of the
  // family (the tail, or a word ending with it) replaced by the sibling, the
  // family's other heads removed ("的交易密码忘了怎么重设").
  bool sibling_named(std::string_view message, std::string_view last_question,
                     const std::string& topic, std::string* word, std::string* rewritten) const;

  // `normalized` asking the same of the opposite movement (followup.json
  // opposites: "反过来呢" after a recharge question is "提现呢"): its first
  // word of the opposite movement replaced by the first cue word of the
  // topic opposite to `topic`. "" when `topic` has no opposite or the text
  // names none.
  std::string opposite(std::string_view normalized, const std::string& topic) const;

  // The first word of a subject no entry answers (FollowupCues::outside:
  // "交税" in "那赚的利息要交税吗") that `normalized` holds, else "".
  std::string outside(std::string_view normalized) const;

  // The words of the step readings (followup.json steps), normalised.
  const StepWords& steps() const { return steps_; }

  // `normalized` with its first reference word replaced by `subject`;
  // `subject` put in front when the text holds no reference word.
  std::string replace_reference(std::string_view normalized, const std::string& subject) const;

 private:
  // kPlain: a word holding a reference word that points at nothing (其他):
  // matched so that the reference inside it is not, and otherwise residual.
  // kPlace: where money goes (followup.json places): covered, not residual.
  enum class Kind { kTopic, kType, kReference, kFiller, kHesitation, kContrast, kPlain, kPlace };
  struct Word {
    std::string text;  // normalised, non-empty
    Kind kind;
    std::string slot;  // topic/type name; "" for references and fillers
    bool product = false;  // a product's name (kind kType, slot the product type)
    std::vector<std::string> peer_of;  // topics the product is a peer in, sorted
    bool gated = false;    // a follow-up-only cue: a type only in `topics`
    std::vector<std::string> topics;  // sorted
    // A topic word that is a type's cue as well ("起投": invest, amount;
    // "能充多少": recharge, amount) names both: the type word's index in
    // words_, else npos.
    size_t also_type = std::string::npos;
  };
  struct Match {
    size_t begin = 0, end = 0;  // byte offsets in the text
    const Word* word = nullptr;
  };
  // The cue words of `normalized`, longest first at each position, left to
  // right. With `topic`, a follow-up-only word closed in it (Word::gated, not
  // of Word::topics) is no candidate: the shorter words inside it are read
  // ("扣款没成功" names overdue after a loan answer, 没成功 a failure after a
  // recharge one).
  std::vector<Match> matches(std::string_view normalized, const std::string* topic = nullptr) const;
  // `m`, a match in `text`, is a word of a place money goes (账户, 银行卡)
  // right after a verb of money going there (退回, 打到 …; filler words
  // between): it names where the money goes, not a topic.
  bool names_a_destination(std::string_view text, const Match& m) const;
  // `normalized` without the words of kind `kind` (and products only, when
  // `products`).
  std::string without(std::string_view normalized, Kind kind, bool products) const;

  // Adds to `out` the foreign words (MessageCues::foreign) of `span`, a run of
  // text no cue word covers.
  void add_foreign(std::string_view span, std::vector<std::string>* out) const;
  // Adds to `out` the unknown words (MessageCues::unknown) of `span`.
  // Counts their characters, and single strange ones, in `strange`.
  void add_unknown(std::string_view span, std::vector<std::string>* out, size_t* strange) const;

  std::vector<Word> words_;  // longest first
  // Indices into words_ of the words that begin with the code point at byte
  // `at` of `text`, longest first (empty when none does).
  const std::vector<size_t>& words_at(std::string_view text, size_t at) const;
  std::unordered_map<uint32_t, std::vector<size_t>> words_by_lead_;  // by utf8::packed_code_point
  // Cue words of topics and types (follow-up-only ones too; not products)
  // that clean() may put right: characters and toneless syllables, longest
  // first.
  struct Sound {
    std::u32string chars;
    std::vector<std::string> syllables;
    // Pairs of a character and the word's first (last) character that the
    // texts hold only right before (after) the whole word: seams, no words.
    std::vector<std::string> seam_before, seam_after;  // UTF-8, sorted
  };
  // Fills the seams of sounds_ from `texts` (every entry's text and
  // out-of-scope example, normalised).
  void add_seams(const std::vector<std::u32string>& texts);
  std::vector<Sound> sounds_;
  std::vector<std::string> hesitations_;  // normalised, sorted
  std::vector<std::string> outside_;      // FollowupCues::outside, normalised
  std::function<std::string_view(char32_t)> readings_;  // empty: no pinyin
  std::vector<std::string> known_;  // pairs of every entry's text and out-of-scope example, sorted
  // Character pairs of kb.out_of_scope examples that no entry's title,
  // question or answer holds and that hold no grammatical character
  // (kGrammatical); UTF-8, normalised, sorted.
  std::vector<std::string> foreign_;
  std::vector<std::string> ours_;  // the pairs some entry's text holds, sorted
  // Topic -> the first cue word of its opposite (FollowupCues::opposites),
  // and the words naming the opposite movement, normalised, longest first.
  std::map<std::string, std::string> opposite_of_;
  std::vector<std::string> opposite_words_;
  // Modifier -> its other words (FollowupCues::modifier_synonyms), normalised.
  std::map<std::string, std::vector<std::string>> synonyms_;
  StepWords steps_;
  // FollowupCues::product_after_types, sorted.
  std::vector<std::string> product_after_types_;
};

}  // namespace faqbot::bot
