#include "retrieval/dense_index.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>
#include <faiss/IndexIDMap.h>
#include <faiss/IndexPreTransform.h>
#include <faiss/index_factory.h>
#include <faiss/impl/io.h>
#include <faiss/index_io.h>
#include <faiss/utils/distances.h>
#include <omp.h>

#include <exception>

namespace faqbot::retrieval {
namespace {

using IdxT = faiss::Index::idx_t;

// HNSW search breadth. Each step of the search costs a scalar distance
// computation per neighbour (faiss is built GENERIC here), so this is the
// main cost of a query on a large corpus: 32 keeps the 16 requested
// neighbours accurate enough (the shortlist also gets lexical candidates and
// is re-scored exactly), at ~0.25 ms instead of ~0.7 ms at 100,000 entries.
constexpr int kHnswEfSearch = 32;
// Graph construction breadth: lower than faiss's 40 to keep a single-threaded
// (deterministic) build of 100,000 vectors affordable; the shortlist is
// re-ranked anyway. Measured at 100k generated entries with PCA64,HNSW16:
// 24 -> 16 saves ~4 s of CPU (59 -> 55 s build), perturbed-question
// recall@3 0.985 -> 0.983, search unchanged. Building on two threads would
// save more but makes the graph depend on thread timing (not deterministic).
constexpr int kHnswEfConstruction = 16;

constexpr int64_t kBlasFromRows = 4096;

// The index that does the searching: below an id map and a pre-transform.
faiss::Index* searching_index(faiss::Index* index) {
  if (auto* map = dynamic_cast<faiss::IndexIDMap2*>(index)) index = map->index;
  if (auto* pre = dynamic_cast<faiss::IndexPreTransform*>(index)) index = pre->index;
  return index;
}

// Runs `fn` with OpenMP limited to one thread in this thread, then restores.
template <typename Fn>
void single_threaded(Fn&& fn) {
  const int before = omp_get_max_threads();
  omp_set_num_threads(1);
  try {
    fn();
  } catch (...) {
    omp_set_num_threads(before);
    throw;
  }
  omp_set_num_threads(before);
}

}  // namespace

DenseIndex::~DenseIndex() = default;

Result<std::unique_ptr<DenseIndex>> DenseIndex::build(const std::string& factory, int dim,
                                                      const std::vector<float>& vectors,
                                                      const std::vector<int64_t>& ids) {
  if (dim <= 0 || vectors.size() != ids.size() * static_cast<size_t>(dim)) {
    return Status(StatusCode::kInvalidArgument, "dense index: vector count does not match ids");
  }
  std::unique_ptr<DenseIndex> out(new DenseIndex());
  try {
    std::unique_ptr<faiss::Index> inner(
        faiss::index_factory(dim, factory.c_str(), faiss::METRIC_INNER_PRODUCT));
    if (!inner) return Status(StatusCode::kInvalidArgument, "index_factory returned null");
    if (auto* hnsw = dynamic_cast<faiss::IndexHNSW*>(searching_index(inner.get()))) {
      hnsw->hnsw.efConstruction = kHnswEfConstruction;
    }
    auto map = std::make_unique<faiss::IndexIDMap2>(inner.get());
    map->own_fields = true;
    inner.release();
    single_threaded([&] {
      if (!map->is_trained) map->train(static_cast<IdxT>(ids.size()), vectors.data());
      map->add_with_ids(static_cast<IdxT>(ids.size()), vectors.data(),
                        reinterpret_cast<const IdxT*>(ids.data()));
    });
    out->index_ = std::move(map);
  } catch (const std::exception& e) {
    return Status(StatusCode::kInvalidArgument,
                  "faiss index '" + factory + "' failed: " + e.what());
  }
  out->tune();
  return std::move(out);
}

Result<std::unique_ptr<DenseIndex>> DenseIndex::load(const std::string& path) {
  std::unique_ptr<DenseIndex> out(new DenseIndex());
  try {
    out->index_.reset(faiss::read_index(path.c_str()));
  } catch (const std::exception& e) {
    return Status(StatusCode::kDataLoss, std::string("faiss read_index: ") + e.what());
  }
  if (!out->index_) return Status(StatusCode::kDataLoss, "faiss read_index returned null");
  out->tune();
  return std::move(out);
}

void DenseIndex::tune() {
  faiss::Index* inner = searching_index(index_.get());
  // A single query on a flat index uses BLAS only above this query-count
  // threshold; over many rows one query is much faster through OpenBLAS
  // (STACK.md: 10 ms -> 5.6 ms at 100,000 x 128). Small indexes stay on the
  // plain loop, which has no BLAS call overhead. (A process-wide faiss knob.)
  if (dynamic_cast<faiss::IndexFlat*>(inner) && inner->ntotal >= kBlasFromRows) {
    faiss::distance_compute_blas_threshold = 1;
  }
  if (auto* hnsw = dynamic_cast<faiss::IndexHNSW*>(inner)) {
    hnsw->hnsw.efSearch = kHnswEfSearch;
  }
}

Status DenseIndex::save(const std::string& path) const {
  try {
    faiss::write_index(index_.get(), path.c_str());
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string("faiss write_index: ") + e.what());
  }
  return Status::Ok();
}

std::vector<DenseIndex::Hit> DenseIndex::search(const float* query, size_t k) const {
  std::vector<Hit> hits;
  if (!index_ || k == 0 || index_->ntotal == 0) return hits;
  k = std::min<size_t>(k, static_cast<size_t>(index_->ntotal));
  std::vector<float> scores(k);
  std::vector<IdxT> labels(k);
  try {
    // One query gains nothing from OpenMP's team (and idle team threads spin,
    // stealing the core other requests need): search on the calling thread.
    single_threaded(
        [&] { index_->search(1, query, static_cast<IdxT>(k), scores.data(), labels.data()); });
  } catch (const std::exception&) {
    return hits;
  }
  for (size_t i = 0; i < k; ++i) {
    if (labels[i] < 0) continue;
    hits.push_back({static_cast<int64_t>(labels[i]), scores[i]});
  }
  return hits;
}

Result<std::string> DenseIndex::serialize() const {
  try {
    faiss::VectorIOWriter writer;
    faiss::write_index(index_.get(), &writer);
    return std::string(writer.data.begin(), writer.data.end());
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string("faiss write_index: ") + e.what());
  }
}

Result<std::unique_ptr<DenseIndex>> DenseIndex::deserialize(const std::string& bytes) {
  std::unique_ptr<DenseIndex> out(new DenseIndex());
  try {
    faiss::VectorIOReader reader;
    reader.data.assign(bytes.begin(), bytes.end());
    out->index_.reset(faiss::read_index(&reader));
  } catch (const std::exception& e) {
    return Status(StatusCode::kDataLoss, std::string("faiss read_index: ") + e.what());
  }
  if (!out->index_) return Status(StatusCode::kDataLoss, "faiss read_index returned null");
  out->tune();
  return std::move(out);
}

int DenseIndex::dim() const { return index_ ? index_->d : 0; }
int64_t DenseIndex::size() const { return index_ ? index_->ntotal : 0; }

}  // namespace faqbot::retrieval
