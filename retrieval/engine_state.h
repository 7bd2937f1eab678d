#pragma once
// Everything a built engine holds; what the cache stores and loads.
#include <memory>
#include <string>
#include <vector>

#include "retrieval/components.h"
#include "retrieval/dense_index.h"
#include "retrieval/engine_trainer.h"
#include "retrieval/pinyin.h"
#include "retrieval/product_mentions.h"
#include "retrieval/question_facets.h"
#include "retrieval/slot_evidence.h"
#include "retrieval/tokenizer.h"

namespace faqbot::retrieval {

struct EngineState {
  std::vector<std::string> entry_ids;  // sorted; index = FAISS id = model class
  std::unique_ptr<Tokenizer> tokenizer;
  TrainedEngine trained;
  Calibrators calibrators;
  std::unique_ptr<DenseIndex> dense;  // entry class vectors, ids = indices
  std::shared_ptr<const PinyinTable> pinyin;  // null: pinyin channel off
  Components components;
  ProductMentions products;
  ProductMentions kinds;  // Corpus::other_kinds (no about_us words)
  SlotEvidence slots;  // profiles of the whole corpus; matcher set after load
  std::vector<std::string> warnings;  // see Retriever::warnings
};

// The engine's pinyin readings when the pinyin channel is on (the lambda
// shares the read-only table), else none; what Retriever::readings gives
// and what the build hands the slot matcher and PairSimilarity.
inline Readings readings_of(const EngineState& state) {
  if (!state.pinyin || state.pinyin->empty()) return {};
  std::shared_ptr<const PinyinTable> table = state.pinyin;
  return [table](char32_t cp) { return table->syllable(cp); };
}

}  // namespace faqbot::retrieval
