#pragma once
// Stable, platform-independent 64-bit hashing (FNV-1a with a final mix).
// Used for feature keys and cache keys; never std::hash (not stable).
#include <cstdint>
#include <string_view>

namespace faqbot::retrieval {

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;

inline uint64_t fnv1a(std::string_view bytes, uint64_t seed = kFnvOffset) {
  uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// Final avalanche (splitmix64 finaliser) so nearby keys spread.
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Incremental hasher over a sequence of fields (length-prefixed, so
// ("ab","c") and ("a","bc") differ).
class StableHasher {
 public:
  explicit StableHasher(uint64_t seed = kFnvOffset) : h_(seed) {}
  void add(std::string_view bytes) {
    const uint64_t len = bytes.size();
    h_ = fnv1a(std::string_view(reinterpret_cast<const char*>(&len), sizeof len), h_);
    h_ = fnv1a(bytes, h_);
  }
  void add_u64(uint64_t v) {
    h_ = fnv1a(std::string_view(reinterpret_cast<const char*>(&v), sizeof v), h_);
  }
  uint64_t digest() const { return mix64(h_); }

 private:
  uint64_t h_;
};

}  // namespace faqbot::retrieval
