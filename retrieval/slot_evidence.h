#pragma once
// Ranking evidence between sibling entries from what a question names
// (QuestionFacets: question types, actions and subjects, the operator's
// followup.json types and topics among them) set against each candidate
// entry: the entry's own type (knowledge/slots.h: withdraw.fee has type
// fee) and the classes its own variants name (its profile: none of
// withdraw.arrival_time's variants name a fee). "提现要收手续费吗" names fee,
// which withdraw.arrival_time's variants never do; "借款需要什么资格" names
// the type of loan.requirements, not of loan.apply. What an entry's
// variants name and the question leaves out is no evidence: investors leave
// out much (提现都超过预计到账时间一天了 is withdraw.delayed without its
// 没到账). The calibrators weigh it (fitted by cross-validation on the
// knowledge base, the profiles learned from each fold's training variants
// only); search lets it move confidence between candidates, never add any
// (candidate_scores.cpp). Immutable after construction; thread-safe.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "retrieval/binary_io.h"
#include "retrieval/question_facets.h"

namespace faqbot::retrieval {

// Features SlotEvidence::features writes per candidate.
constexpr size_t kSlotFeatureCount = 3;

class SlotEvidence {
 public:
  SlotEvidence() = default;  // no matcher: every feature 0
  // `facets`: the matcher (shared, not null). entry_topics, entry_types: per
  // entry (engine entry index) its topic and type names, "" = none (the same
  // size). No profiles yet (see fitted()).
  SlotEvidence(std::shared_ptr<const QuestionFacets> facets, const std::vector<std::string>& entry_topics,
               const std::vector<std::string>& entry_types);

  // The evidence over entries `entries` (entries[i] becomes entry i), each
  // profiled from `variants[i]` (normalised texts; the same size as
  // `entries`).
  SlotEvidence fitted(const std::vector<size_t>& entries,
                      const std::vector<std::vector<std::string>>& variants) const;

  using Named = QuestionFacets::Named;
  // What a normalised question names (nothing without a matcher).
  Named read(const std::string& normalized) const;

  // Evidence for entry `entry` into out[0..kSlotFeatureCount), each in [0, 1]:
  //   0  share of the classes the question names that none of the entry's
  //      variants name (0 when it names none);
  //   1  the question names the entry's type;
  //   2  the question names another entry's type, not this one's (0 when
  //      the entry has none).
  // All 0 for an unknown entry or without a matcher. analyze() (scorer.h)
  // shifts 0 so that the shortlist's least is 0.
  void features(const Named& named, int entry, float* out) const;

  size_t num_entries() const { return entry_type_.size(); }
  // The topic of an entry as a number shared by its siblings, -1 when it has
  // none or is unknown.
  int32_t topic_of(int entry) const {
    return entry >= 0 && static_cast<size_t>(entry) < entry_topic_.size() ? entry_topic_[entry] : -1;
  }

  // Types and profiles; the matcher is not stored (set_facets after
  // deserialize, from the same cues).
  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);
  void set_facets(std::shared_ptr<const QuestionFacets> facets) { facets_ = std::move(facets); }

 private:
  std::shared_ptr<const QuestionFacets> facets_;
  void collect_types();
  std::vector<int32_t> entry_topic_;  // topic number per entry, -1 = none
  std::vector<int32_t> entry_type_;  // type class per entry, -1 = none
  QuestionFacets::Classes entry_types_;  // the type classes of entry_type_
  // Profiles: the classes (facet * kMaxClasses + class, ascending) some
  // variant of entry e names, in [profile_offsets_[e], profile_offsets_[e+1]).
  std::vector<uint32_t> profile_offsets_;
  std::vector<uint16_t> profile_class_;
};

}  // namespace faqbot::retrieval
