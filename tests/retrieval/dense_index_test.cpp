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
