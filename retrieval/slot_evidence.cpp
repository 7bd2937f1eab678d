#include "retrieval/slot_evidence.h"

#include <algorithm>
#include <map>
#include <set>

namespace faqbot::retrieval {
namespace {

constexpr size_t kClasses = QuestionFacets::kMaxClasses;
constexpr size_t kFacets = 3;  // type, action, subject

// The classes named, as global ids (facet * kClasses + class), ascending.
std::vector<uint16_t> class_ids(const QuestionFacets::Named& n) {
  std::vector<uint16_t> out;
  const QuestionFacets::Classes* facets[kFacets] = {&n.type, &n.action, &n.subject};
  for (size_t f = 0; f < kFacets; ++f) {
    if (facets[f]->none()) continue;
    for (size_t c = 0; c < kClasses; ++c) {
      if (facets[f]->test(c)) out.push_back(static_cast<uint16_t>(f * kClasses + c));
    }
  }
  return out;
}

}  // namespace

SlotEvidence::SlotEvidence(std::shared_ptr<const QuestionFacets> facets,
                           const std::vector<std::string>& entry_topics,
                           const std::vector<std::string>& entry_types)
    : facets_(std::move(facets)), profile_offsets_(entry_types.size() + 1, 0) {
  std::map<std::string, int32_t> topics;
  for (const std::string& t : entry_topics) {
    if (!t.empty()) topics.emplace(t, 0);
  }
  int32_t next = 0;
  for (auto& [name, number] : topics) number = next++;
  for (size_t e = 0; e < entry_types.size(); ++e) {
    const std::string& t = e < entry_topics.size() ? entry_topics[e] : std::string();
    entry_topic_.push_back(t.empty() ? -1 : topics[t]);
  }
  entry_type_.reserve(entry_types.size());
  for (const std::string& t : entry_types) entry_type_.push_back(t.empty() ? -1 : facets_->type_class(t));
  collect_types();
}

void SlotEvidence::collect_types() {
  entry_types_.reset();
  for (int32_t t : entry_type_) {
    if (t >= 0) entry_types_.set(static_cast<size_t>(t));
  }
}

SlotEvidence SlotEvidence::fitted(const std::vector<size_t>& entries,
                                  const std::vector<std::vector<std::string>>& variants) const {
  SlotEvidence s;
  s.facets_ = facets_;
  s.profile_offsets_.push_back(0);
  for (size_t i = 0; i < entries.size(); ++i) {
    const size_t e = entries[i];
    s.entry_topic_.push_back(e < entry_topic_.size() ? entry_topic_[e] : -1);
    s.entry_type_.push_back(e < entry_type_.size() ? entry_type_[e] : -1);
    std::set<uint16_t> named;
    if (facets_ && i < variants.size()) {
      for (const std::string& t : variants[i]) {
        for (uint16_t id : class_ids(facets_->named(t))) named.insert(id);
      }
    }
    s.profile_class_.insert(s.profile_class_.end(), named.begin(), named.end());
    s.profile_offsets_.push_back(static_cast<uint32_t>(s.profile_class_.size()));
  }
  s.collect_types();
  return s;
}

SlotEvidence::Named SlotEvidence::read(const std::string& normalized) const {
  return facets_ ? facets_->named(normalized) : Named{};
}

void SlotEvidence::features(const Named& named, int entry, float* out) const {
  std::fill(out, out + kSlotFeatureCount, 0.0f);
  if (!facets_ || entry < 0 || static_cast<size_t>(entry) >= entry_type_.size()) return;
  const auto e = static_cast<size_t>(entry);
  const uint16_t* cls = profile_class_.data() + profile_offsets_[e];
  const uint16_t* cls_end = profile_class_.data() + profile_offsets_[e + 1];
  const std::vector<uint16_t> asked = class_ids(named);
  if (!asked.empty()) {
    size_t unseen = 0;
    for (uint16_t id : asked) unseen += !std::binary_search(cls, cls_end, id);
    out[0] = static_cast<float>(unseen) / static_cast<float>(asked.size());
  }
  const int32_t own = entry_type_[e];
  if (own >= 0) {
    const bool names_own = named.type.test(static_cast<size_t>(own));
    out[1] = names_own ? 1.0f : 0.0f;
    // Another entry's type (not a built-in interrogative).
    out[2] = !names_own && (named.type & entry_types_).any() ? 1.0f : 0.0f;
  }
}

void SlotEvidence::serialize(BinaryWriter& w) const {
  w.vec(entry_topic_);
  w.vec(entry_type_);
  w.vec(profile_offsets_);
  w.vec(profile_class_);
}

bool SlotEvidence::deserialize(BinaryReader& r) {
  if (!r.vec(entry_topic_) || !r.vec(entry_type_) || !r.vec(profile_offsets_) || !r.vec(profile_class_)) {
    return false;
  }
  if (profile_offsets_.size() != entry_type_.size() + 1 || entry_topic_.size() != entry_type_.size() ||
      profile_offsets_.front() != 0 || profile_offsets_.back() != profile_class_.size()) {
    return false;
  }
  for (size_t e = 0; e + 1 < profile_offsets_.size(); ++e) {
    if (profile_offsets_[e] > profile_offsets_[e + 1]) return false;
  }
  for (int32_t t : entry_type_) {
    if (t < -1 || t >= static_cast<int32_t>(kClasses)) return false;
  }
  for (uint16_t c : profile_class_) {
    if (c >= kFacets * kClasses) return false;
  }
  collect_types();
  return true;
}

}  // namespace faqbot::retrieval
