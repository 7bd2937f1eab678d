#pragma once
// The team's canned quick replies (快捷短语), indexed by the answering engine
// like the knowledge base: each reply is placed in the engine's entry space
// (the entries the engine finds for the reply's own text, with their
// calibrated confidences) and kept normalised for the engine's pairwise
// similarity. A set of investor questions is scored against every reply by
// both: the overlap of their entry profiles (entry by entry, and, discounted,
// topic by topic: a reply about withdrawals serves every withdrawal entry a
// little) and the best text similarity.
//
// Built once per engine (a reload builds a new one). Immutable after
// construction; thread-safe. Borrows nothing: holds the engine it was built
// with.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bot/engine.h"

namespace faqbot::service {

// Entry id -> weight in [0, 1]: where a text sits among the knowledge base's entries.
using EntryProfile = std::map<std::string, double>;

class QuickReplyIndex {
 public:
  static constexpr size_t kProfileDepth = 5;     // entries kept per profile
  static constexpr double kTopicDiscount = 0.7;  // a shared topic counts this much of a shared entry

  QuickReplyIndex(std::shared_ptr<const bot::Engine> engine, std::vector<std::string> replies);

  const bot::Engine& engine() const { return *engine_; }
  size_t size() const { return replies_.size(); }
  const std::string& text(size_t i) const { return replies_[i].text; }

  // The entry profile of one text (top kProfileDepth candidates).
  EntryProfile profile(const std::string& text) const;

  // Score in [0, 1] of reply `i` for questions whose combined profile is
  // `questions_profile` (weights in [0, 1]): the largest of the entry
  // overlap (sum of per-entry minima, capped at 1), kTopicDiscount x the
  // same over the entries' topics, and the best similarity of the reply to
  // one of `questions`, each weighted by `recency` (same length as questions).
  double score(size_t i, const EntryProfile& questions_profile,
               const std::vector<std::string>& questions,
               const std::vector<double>& recency) const;

 private:
  struct Reply {
    std::string text;
    EntryProfile profile;
    EntryProfile topics;  // topic -> weight
  };
  EntryProfile topics_of(const EntryProfile& entries) const;
  std::shared_ptr<const bot::Engine> engine_;
  std::vector<Reply> replies_;
};

}  // namespace faqbot::service
