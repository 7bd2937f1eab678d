#pragma once
// Training of the engine's learned parts from a prepared (normalised,
// tokenised) corpus: the feature vocabulary, the supervised model, the
// lexical index and the per-variant vectors; and the fitting of the two
// calibrators from k-fold cross-validated predictions. Deterministic and
// single threaded.
#include <cstdint>
#include <string>
#include <vector>

#include "retrieval/augment.h"
#include "retrieval/calibrator.h"
#include "retrieval/components.h"
#include "retrieval/feature_vocab.h"
#include "retrieval/lexical_index.h"
#include "retrieval/linear_model.h"
#include "retrieval/product_mentions.h"
#include "retrieval/supervised_model.h"
#include "retrieval/scorer.h"
#include "retrieval/tokenizer.h"

namespace faqbot::retrieval {

// An entry with at most this many variants (its title counted) trains the
// models on its weak evidence too (Document::evidence: its answer's
// sentences and its tags; PreparedCorpus::evidence): with so few questions
// the models see little of the entry's wording. On quality_bench.py's
// 2-variant knowledge base (three texts an entry with the title), over 7
// dense seeds: dev answered right 0.622 -> 0.677 (lowest 0.608 -> 0.661),
// top-3 0.873 -> 0.944, the FewVariant probe sets pooled 0.589 -> 0.645,
// refused 0.985 -> 0.983; probe_oos refused 0.971 -> 0.968 (150-151 -> 149-
// 151 of 155). (Encoded with the variants' vocabulary alone, without words
// of their own: dev 0.688 but probe_oos 0.961-0.968; split at commas too:
// probe_oos 0.955-0.961.) Every entry of the default knowledge base has 22
// variants or more: its engine is the one trained before.
constexpr size_t kEvidenceUpToVariants = 8;

// A corpus after normalisation and tokenisation. Entry e (in id order) has
// normalised variant texts variants[e] with features variant_features[e].
struct PreparedCorpus {
  std::vector<std::vector<std::string>> variants;
  std::vector<std::vector<std::vector<Feature>>> variant_features;
  // Synthetic variants (augment.h) per entry, with their features: they
  // train the models but are no variants of their own (no lexical row).
  std::vector<std::vector<AugmentedVariant>> augmented;
  std::vector<std::vector<std::vector<Feature>>> augmented_features;
  // Weak evidence (Document::evidence, normalised) per entry, with its
  // features, for entries of at most kEvidenceUpToVariants variants (else
  // empty): it trains the models and adds its words to the vocabulary, but
  // is no variant (no lexical row, no variant vector) and never held out.
  // A text two entries share (a closing formula) is left out.
  std::vector<std::vector<std::string>> evidence;
  std::vector<std::vector<std::vector<Feature>>> evidence_features;
  std::vector<std::string> negatives;
  std::vector<std::vector<Feature>> negative_features;
  SlotEvidence slots;  // matcher and entry types, no profiles (may be empty)
  const ProductMentions* kinds = nullptr;  // kinds we do not offer (may be null)
  size_t num_entries() const { return variants.size(); }
  size_t num_variants() const;
};

struct TrainedEngine {
  FeatureVocab vocab;
  SupervisedModel model;  // classes: entries, then "none"
  LexicalIndex lexical;
  LinearModel linear;  // classes: entries, then "none"; empty on large corpora
  // As `linear`, over characters and character pairs alone (char_linear_options()):
  // a second opinion for questions that describe a situation in words of
  // their own rather than the entry's terms. Empty when `linear` is.
  LinearModel char_linear;
  std::vector<uint8_t> term_sources;  // per vocabulary id, kTermIn* bits (scorer.h)
  std::vector<uint32_t> entry_offsets;  // num_entries + 1
  std::vector<float> variant_vectors;   // num_variants x dim, or empty
};

struct Calibrators {
  // P(candidate is the right entry | its first kWordFeatureCount features:
  // the question's words)
  Calibrator correct;
  // The same over the features before kCharFeatureBegin, for texts the
  // character model gives no features (Analysis::chars_read false: under
  // kCharModelMinChars characters). `correct` reads their zeros at the
  // weight it learned for the features beside the linear model's, which it
  // fitted jointly with them, and so under-reads the linear evidence of a
  // short text (see fit_calibrators()).
  Calibrator correct_without_chars;
  // Log-odds that a candidate is right from its first kWordFeatureCount
  // features: `correct` when the character model read the text, else
  // correct_without_chars over the features before kCharFeatureBegin (no
  // entry offset).
  double words_logit(const float* features, bool chars_read) const;
  // per entry: log-odds correction of `correct` (or correct_without_chars,
  // as each held-out text was read)
  std::vector<float> entry_offsets;
  // The slot evidence's log-odds added to the words' (those of `correct`
  // or correct_without_chars with the entry's offset), over the kSlotFeatureCount slot features;
  // empty when the slots component is off.
  Calibrator slots;
  Calibrator scope;    // P(no entry answers | question features)
};

// Options derived from the corpus size (epochs, sampled softmax, whether
// to keep variant vectors) for a model of dimension `dim`.
TrainOptions train_options_for(size_t num_examples, int num_classes, int dim);

// Options of TrainedEngine::char_linear.
LinearOptions char_linear_options();

TrainedEngine train_engine(const PreparedCorpus& corpus, int dim, const Components& components);

// k-fold cross-validation over the variants (and negatives), each text's
// fold a hash of the text (stable_order.h: an edit moves no other text to
// another fold); on corpora with many entries, a deterministic sample of
// entries and a single fold.
Calibrators fit_calibrators(const Tokenizer& tokenizer, const PreparedCorpus& corpus, int dim,
                            const Components& components);

// A view of a trained engine for scoring; dense search is brute force over
// the class vectors (no FAISS index).
EngineView brute_force_view(const Tokenizer& tokenizer, const TrainedEngine& t, int num_entries,
                            const Components& components);

}  // namespace faqbot::retrieval
