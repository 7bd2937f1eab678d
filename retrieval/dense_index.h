#pragma once
// FAISS inner-product index over unit vectors, built from an index_factory
// string and wrapped in an IndexIDMap2 so results carry our own int64 ids.
// faiss exceptions never leave this class: failures become Status values.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "knowledge/status.h"

namespace faiss {
struct Index;
}

namespace faqbot::retrieval {

class DenseIndex {
 public:
  struct Hit {
    int64_t id;
    float score;  // inner product (= cosine for unit vectors)
  };

  // `vectors` holds ids.size() rows of `dim` floats. Building is single
  // threaded (deterministic HNSW graphs).
  static Result<std::unique_ptr<DenseIndex>> build(const std::string& factory, int dim,
                                                   const std::vector<float>& vectors,
                                                   const std::vector<int64_t>& ids);
  static Result<std::unique_ptr<DenseIndex>> load(const std::string& path);
  ~DenseIndex();

  Status save(const std::string& path) const;
  // The index as faiss::write_index bytes, and back (for checksummed caches).
  Result<std::string> serialize() const;
  static Result<std::unique_ptr<DenseIndex>> deserialize(const std::string& bytes);
  // Best `k` rows for a query of dim() floats, best first. Thread-safe;
  // returns nothing on failure.
  std::vector<Hit> search(const float* query, size_t k) const;

  int dim() const;
  int64_t size() const;

 private:
  DenseIndex() = default;
  void tune();
  std::unique_ptr<faiss::Index> index_;
};

}  // namespace faqbot::retrieval
