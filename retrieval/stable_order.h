#pragma once
// Content-keyed randomness for training: every random choice about a text
// (its cross-validation fold, its place in an epoch, its dropout and sampled
// negatives, its synthetic variants) is drawn from a hash of the text itself,
// never from its position in the corpus or from one shared stream. So an
// operator's edit of one variant moves that variant's choices and nothing
// else: a text added to the knowledge base is inserted into each epoch's
// order, the others keep their relative order, folds and random draws.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "retrieval/hashing.h"
#include "retrieval/prng.h"

namespace faqbot::retrieval {

// The stable key of a training text with its label (class index, or -1).
inline uint64_t content_key(std::string_view text, int64_t label) {
  StableHasher h;
  h.add(text);
  h.add_u64(static_cast<uint64_t>(label));
  return h.digest();
}

// Key of `key` salted by a purpose and a round (epoch, pass, class): keys of
// different salts are independent.
inline uint64_t salted_key(uint64_t key, uint64_t purpose, uint64_t round = 0) {
  return mix64(key ^ mix64(purpose * 0x9e3779b97f4a7c15ULL + round));
}

// A generator for the random draws of one text in one round.
inline Prng keyed_prng(uint64_t key, uint64_t purpose, uint64_t round = 0) {
  return Prng(salted_key(key, purpose, round));
}

// Cross-validation fold in [0, folds) of a text: a function of the text only.
inline int fold_of(std::string_view text, int folds) {
  return static_cast<int>(salted_key(content_key(text, -1), /*purpose=*/0xf01d) %
                          static_cast<uint64_t>(folds));
}

// Indices of `keys` in a pseudo-random order that depends on the keys and
// `round` only: adding or removing a key leaves the others' relative order
// unchanged. Equal keys keep their index order.
inline std::vector<size_t> keyed_order(const std::vector<uint64_t>& keys, uint64_t purpose,
                                       uint64_t round) {
  std::vector<std::pair<uint64_t, size_t>> tagged(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) tagged[i] = {salted_key(keys[i], purpose, round), i};
  std::sort(tagged.begin(), tagged.end());
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) order[i] = tagged[i].second;
  return order;
}

}  // namespace faqbot::retrieval
