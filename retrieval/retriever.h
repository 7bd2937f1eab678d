#pragma once
// The retrieval engine: from an investor's raw question to ranked entry ids
// with a calibrated confidence. Knows entry ids and texts only; nothing about
// handoffs, replies or channels.
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/issued_products.h"
#include "knowledge/status.h"

namespace faqbot::retrieval {

// One answerable unit: an entry id and its question variants (plus title).
struct Document {
  std::string id;
  std::vector<std::string> texts;
  // The entry's topic and question type ("withdraw", "fee"; "" = none;
  // Corpus::type_cues names the types): entries of one topic are siblings
  // that slot evidence tells apart (slot_evidence.h).
  std::string topic, type;
  // Weak evidence for the entry beside its variants: the sentences of its
  // answer and its tags (corpus.cpp). The models train on them only when
  // the entry has few variants (engine_trainer.h).
  std::vector<std::string> evidence;
};

// Another company's product ("花呗") under its names; a question naming it is
// likely about their service, not ours (a scope feature the calibrators
// weigh against the knowledge base's own variants that mention it).
struct OtherProduct {
  std::string name;                // how replies name it
  std::vector<std::string> forms;  // name and aliases as typed
  bool not_a_means = false;        // kinds only: knowledge::OtherProduct::not_a_means
};

// Another company's own service (knowledge::OtherService, as typed).
struct OtherService {
  std::string name;                  // how replies name it
  std::vector<std::string> holders;  // who offers it
  std::vector<std::string> words;    // its own words; empty: the holder alone
  std::vector<std::string> own_actions;  // product_our_actions it uses in its own sense
};

struct Corpus {
  std::vector<Document> docs;
  std::vector<OtherProduct> other_products;
  // Kinds of financial product the knowledge base's platform does not offer
  // (股票, 房贷 …, forms as typed): named other than as a means (after
  // product_as_means), a scope feature the scope calibrator weighs.
  std::vector<OtherProduct> other_kinds;
  // A product named right after one of `product_as_means` (用, 提到 …), or in
  // a question holding one of `product_about_us` (你们 …), is not what the
  // question is about.
  std::vector<std::string> product_as_means;
  std::vector<std::string> product_about_us;
  // Other companies' own services that look like ours (knowledge::
  // OtherService, as typed): a question naming one without any of
  // `product_our_actions` (充值, 提现 …) or `product_about_us` is about it.
  std::vector<OtherService> other_services;
  std::vector<std::string> product_our_actions;
  // Other companies' named wealth products and their issuers (as typed;
  // knowledge/issued_products.h): a question naming one is about it.
  knowledge::IssuedProducts issued_products;
  std::vector<std::string> negatives;  // out-of-scope example questions
  // Questions only an agent can look up (knowledge::Lookup::all_of, as
  // typed): one holding a word of every group of a lookup is refused.
  std::vector<std::vector<std::vector<std::string>>> lookups;
  // Parallel to `lookups` (may be shorter): words any one of which keeps a
  // question from asking for that lookup (knowledge::Lookup::none_of).
  std::vector<std::vector<std::string>> lookup_exclusions;
  // Parallel to `lookups` (may be shorter): the label a question refused by
  // that lookup carries (SearchResult::refusal; knowledge::Lookup::reply,
  // the canned reply it is told). Opaque to retrieval.
  std::vector<std::string> lookup_labels;
  // Entries that answer courtesy, not a question (greetings, thanks …): a
  // clause matching one does not make a message with another question
  // clause about it ("您好，打扰一下，怎么提现").
  std::vector<std::string> small_talk;
  // Words naming the knowledge base's topics (提现, 充值, 借款 …). A clause
  // read on its own must name one or address us (product_about_us: "你们保
  // 本吗"): a fragment without its subject ("要交违约金吗" after "房贷提前
  // 还款…") is not a question of ours. Empty: any clause may be read on its
  // own.
  std::vector<std::string> topic_words;
  // The same topics' and the question types' cue words (followup.json,
  // name -> words): what similarity() compares two questions by, and what
  // search weighs against each candidate's type and variants.
  std::map<std::string, std::vector<std::string>> topic_cues, type_cues;
  std::map<std::string, std::string> synonyms;  // variant -> canonical
};

struct Settings {
  std::string index_factory = "Flat";  // any faiss::index_factory string
  int dim = 128;                       // dense embedding dimension
  std::string cache_dir;               // "" = no on-disk cache
  // When true and the corpus has more than 20,000 documents, the default
  // "Flat" factory is replaced by a "PCA64,HNSW16" graph whose proposals are
  // re-scored exactly ("HNSW16" when dim <= 64; exact search over that many
  // vectors costs several milliseconds a query). Any other factory string is
  // used as given.
  bool auto_large_index = true;
  // Components switched off (comma separated names from components.h, for
  // ablation measurements); the FAQBOT_ABLATE environment variable adds to it.
  std::string ablate;
  // Unihan readings (kMandarin) for the pinyin channel; when the file is
  // absent the channel is off and warnings() says so. Read at build time
  // only: a cached engine keeps the table it was built with.
  std::string pinyin_readings = "/usr/share/unicode/Unihan_Readings.txt.bz2";
};

struct Candidate {
  std::string id;
  double confidence = 0;  // calibrated P(this entry answers the question), [0,1]
  double dense = 0;       // raw dense similarity (diagnostics)
  double lexical = 0;     // raw lexical score (diagnostics)
  std::string topic;      // the entry's topic (Document::topic), "" = none
};

struct SearchResult {
  std::vector<Candidate> candidates;  // best first, at most k
  double out_of_scope = 0;            // P(no entry answers), [0,1]
  std::string normalized;             // the normalised question
  std::string other_product;          // name of another company's product the
                                      // question is about ("花呗怎么提额"), ""
                                      // when none or only named as a means of
                                      // ours ("能用支付宝充值吗")
  std::string other_kind;             // name of a kind of product we do not
                                      // offer that the question is about
                                      // (Corpus::other_kinds: "信用卡怎么提额"),
                                      // "" when none or named as a means
  // The discriminative base model's (linear SVMs over entries and "none")
  // first choice on the whole normalised message, and that class's own
  // one-vs-rest margin (> 0: "this class"). "" / -infinity when "none" wins,
  // the model is empty (large corpora) or off, or the message is unknown.
  // Independent of how the candidates were reranked: compare with their ids.
  std::string base_choice;
  double base_margin = -std::numeric_limits<double>::infinity();
  // The label (Corpus::lookup_labels) of the lookup or domain rule that
  // refused the question (out_of_scope set to 1 by it), "" when no rule did
  // (the calibrated models alone, or nothing refused). Says why a refusal
  // is one, so that it can be worded for that reason.
  std::string refusal;

  // Sets base_choice / base_margin to "" / -infinity (no first choice of the
  // base model), which policy rule 5b never answers on. Contract: call it
  // whenever the result no longer reflects the whole message alone (a
  // reading rewritten in the conversation's context, a failed search), and
  // when the base model's first choice is "none".
  void forget_base_choice() {
    base_choice.clear();
    base_margin = -std::numeric_limits<double>::infinity();
  }
};

class Retriever {
 public:
  virtual ~Retriever() = default;

  // Builds (or loads from Settings::cache_dir, keyed by the corpus content
  // and settings) everything needed to search. Deterministic: same corpus and
  // settings give the same answers on every machine.
  static Result<std::shared_ptr<const Retriever>> build(const Corpus& corpus,
                                                        const Settings& settings);

  // Thread-safe; never throws. k >= 1. Empty or garbage text gives an empty
  // candidate list or low confidences, never an error.
  virtual SearchResult search(std::string_view text, size_t k) const = 0;

  // Similarity of two questions in [0, 1] (1 = same meaning as far as the
  // engine can tell). Used by `faqbot similarity` and the confusability lint.
  virtual double similarity(std::string_view a, std::string_view b) const = 0;

  // Whether two questions are about the same need, whatever form they are put
  // in (发票怎么开 / 可以开增值税发票吗 agree; similarity() tells them apart):
  // how the operators' insights group unanswered questions. In [0, 1].
  // Default: similarity().
  virtual double need_similarity(std::string_view a, std::string_view b) const { return similarity(a, b); }

  // The normalisation applied before search (width, case, t2s, synonyms…).
  virtual std::string normalize(std::string_view text) const = 0;

  // Problems met while building that cost quality but not service (e.g. the
  // pinyin readings file is missing). Empty when none.
  virtual std::vector<std::string> warnings() const { return {}; }

  // Toneless pinyin of a code point ("" when unknown) as the pinyin channel
  // reads it; empty (no function) when the channel is off.
  virtual std::function<std::string_view(char32_t)> readings() const { return {}; }
};

}  // namespace faqbot::retrieval
