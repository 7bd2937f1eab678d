#include "retrieval/dense_index.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <unistd.h>

namespace faqbot::retrieval {
namespace {

std::vector<float> unit_rows(int n, int d) {
  std::vector<float> v(static_cast<size_t>(n) * d, 0.0f);
  for (int i = 0; i < n; ++i) {
    v[i * d + (i % d)] = 1.0f;
    v[i * d + ((i + 1) % d)] = 0.5f;
    float norm = std::sqrt(1.25f);
    v[i * d + (i % d)] /= norm;
    v[i * d + ((i + 1) % d)] /= norm;
  }
  return v;
}

TEST(DenseIndexTest, ReturnsOurIds) {
  const int d = 8;
  const auto vectors = unit_rows(4, d);
  const std::vector<int64_t> ids = {1000, 7, 42, 123456789012LL};
  for (const char* factory : {"Flat", "HNSW32,Flat"}) {
    auto index = DenseIndex::build(factory, d, vectors, ids);
    ASSERT_TRUE(index.ok()) << index.status().message();
    const auto hits = index.value()->search(vectors.data() + 3 * d, 2);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].id, 123456789012LL) << factory;
    EXPECT_NEAR(hits[0].score, 1.0f, 1e-5);
  }
}

TEST(DenseIndexTest, BadFactoryIsAnErrorNotAnException) {
  const auto vectors = unit_rows(2, 8);
  auto index = DenseIndex::build("NoSuchIndex,17", 8, vectors, {1, 2});
  EXPECT_FALSE(index.ok());
  EXPECT_FALSE(DenseIndex::build("Flat", 8, vectors, {1}).ok());  // size mismatch
}

TEST(DenseIndexTest, SaveLoadRoundTripAndCorruptFile) {
  const auto vectors = unit_rows(3, 8);
  auto index = DenseIndex::build("Flat", 8, vectors, {5, 6, 7});
  ASSERT_TRUE(index.ok());
  const auto dir = std::filesystem::temp_directory_path() / ("dense_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "x.faiss").string();
  ASSERT_TRUE(index.value()->save(path).ok());
  auto loaded = DenseIndex::load(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value()->search(vectors.data() + 8, 1).at(0).id, 6);
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    std::fputs("garbage", f);
    std::fclose(f);
  }
  EXPECT_FALSE(DenseIndex::load(path).ok());
  EXPECT_FALSE(DenseIndex::load((dir / "missing.faiss").string()).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace faqbot::retrieval

namespace faqbot::retrieval {
namespace {

// The large-corpus factory: PCA-reduced HNSW still finds a row's own id, and
// search after a save/load round trip keeps its tuning.
TEST(DenseIndexTest, PcaHnswFindsOwnRows) {
  const int d = 128, n = 2000;
  std::vector<float> vectors(static_cast<size_t>(n) * d);
  uint64_t s = 12345;
  for (float& x : vectors) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    x = static_cast<float>((s >> 40) % 1000) / 1000.0f - 0.5f;
  }
  for (int i = 0; i < n; ++i) {
    float norm = 0;
    for (int k = 0; k < d; ++k) norm += vectors[i * d + k] * vectors[i * d + k];
    for (int k = 0; k < d; ++k) vectors[i * d + k] /= std::sqrt(norm);
  }
  std::vector<int64_t> ids(n);
  for (int i = 0; i < n; ++i) ids[i] = 10 * i + 3;
  auto index = DenseIndex::build("PCA64,HNSW16", d, vectors, ids);
  ASSERT_TRUE(index.ok()) << index.status().message();
  auto bytes = index.value()->serialize();
  ASSERT_TRUE(bytes.ok());
  auto loaded = DenseIndex::deserialize(bytes.value());
  ASSERT_TRUE(loaded.ok());
  int found = 0;
  for (int i = 0; i < n; i += 20) {
    for (const auto& hit : loaded.value()->search(vectors.data() + static_cast<size_t>(i) * d, 16)) {
      found += hit.id == ids[i];
    }
  }
  EXPECT_GE(found, 95);  // of 100 rows
}

}  // namespace
}  // namespace faqbot::retrieval
