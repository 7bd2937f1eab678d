// EngineRetriever: one normalised text scored into calibrated candidates
// and P(out of scope).
#include <algorithm>
#include <map>

#include "retrieval/calibrator.h"
#include "retrieval/engine_retriever.h"

namespace faqbot::retrieval {

// Fills r.candidates (best first, at most k), r.out_of_scope and the base
// model's choice (r.base_choice, r.base_margin) for one normalised text.
void EngineRetriever::score(const std::string& normalized, size_t k, SearchResult& r) const {
  const Analysis a = analyze(view_, normalized);
  if (a.linear_best >= 0 && a.linear_best < view_.num_entries) {
    r.base_choice = state_.entry_ids[static_cast<size_t>(a.linear_best)];
    r.base_margin = a.linear_best_margin;
  } else {
    r.forget_base_choice();  // "none" wins, or the model is empty or off
  }
  if (!a.known) return;
  r.out_of_scope = state_.calibrators.scope.predict(a.scope.data(), a.scope.size());
  std::vector<Candidate> cands;
  cands.reserve(a.candidates.size());
  const Calibrator& slots = state_.calibrators.slots;
  const bool weigh_slots = state_.components.slots && slots.num_features() == kSlotFeatureCount;
  // The evidence relative to a candidate with none against it (all 0).
  const float no_evidence[kSlotFeatureCount] = {};
  const double shift = weigh_slots ? slots.logit(no_evidence, kSlotFeatureCount) : 0.0;
  // Per sibling group (a topic, or an entry without one): the confidence
  // from the words alone and with the slot evidence.
  std::map<int64_t, std::pair<double, double>> mass;
  std::vector<int64_t> group;
  group.reserve(a.candidates.size());
  for (const auto& c : a.candidates) {
    Candidate out;
    out.id = state_.entry_ids[c.entry];
    out.topic = entry_topics_[c.entry];
    const double z = words_logit(c, a.chars_read);
    const double words = sigmoid(z);
    out.confidence = words;
    if (weigh_slots) {
      out.confidence = sigmoid(z + slots.logit(c.features.data() + kWordFeatureCount, kSlotFeatureCount) - shift);
    }
    const int32_t topic = state_.slots.topic_of(c.entry);
    group.push_back(topic >= 0 ? topic : -1 - static_cast<int64_t>(c.entry));
    mass[group.back()].first += words;
    mass[group.back()].second += out.confidence;
    out.dense = c.dense;
    out.lexical = c.lexical;
    cands.push_back(std::move(out));
  }
  // Slot evidence moves confidence between sibling candidates and adds
  // none: each topic's candidates hold in total what the words alone give
  // them (an out-of-scope question naming one of our question types is no
  // more ours, nor is one that merely asks 怎么回事 like some entries do).
  if (weigh_slots) {
    for (size_t i = 0; i < cands.size(); ++i) {
      const auto [words, slotted] = mass[group[i]];
      if (slotted > 0) cands[i].confidence = std::min(1.0, cands[i].confidence * words / slotted);
    }
  }
  std::sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) {
    return x.confidence != y.confidence ? x.confidence > y.confidence : x.id < y.id;
  });
  if (cands.size() > k) cands.resize(k);
  r.candidates = std::move(cands);
}

// Calibrated log-odds that the candidate is right from the question's
// words, with its entry's own correction.
double EngineRetriever::words_logit(const ScoredCandidate& c, bool chars_read) const {
  const auto& offsets = state_.calibrators.entry_offsets;
  const double offset = static_cast<size_t>(c.entry) < offsets.size() ? offsets[c.entry] : 0.0;
  return state_.calibrators.words_logit(c.features.data(), chars_read) + offset;
}

}  // namespace faqbot::retrieval
