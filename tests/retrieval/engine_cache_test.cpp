#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "fixture.h"
#include "retrieval/retriever.h"

namespace faqbot::retrieval {
namespace {
namespace fs = std::filesystem;

class EngineCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("faqbot_retrieval_cache_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    settings_.cache_dir = dir_.string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<fs::path> engine_dirs() const {
    std::vector<fs::path> out;
    if (!fs::exists(dir_)) return out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path());
    return out;
  }

  fs::path dir_;
  Settings settings_;
};

void expect_same_answers(const Retriever& a, const Retriever& b) {
  for (const char* q : {"提现多久到账", "体现要钱吗", "天气怎么样", "注册"}) {
    const SearchResult x = a.search(q, 4), y = b.search(q, 4);
    ASSERT_EQ(x.candidates.size(), y.candidates.size()) << q;
    for (size_t i = 0; i < x.candidates.size(); ++i) {
      EXPECT_EQ(x.candidates[i].id, y.candidates[i].id) << q;
      EXPECT_EQ(x.candidates[i].confidence, y.candidates[i].confidence) << q;
    }
    EXPECT_EQ(x.out_of_scope, y.out_of_scope) << q;
  }
}

TEST_F(EngineCacheTest, SecondBuildLoadsFromCacheAndAnswersTheSame) {
  auto first = Retriever::build(testing::tiny_corpus(), settings_);
  ASSERT_TRUE(first.ok()) << first.status().message();
  const auto dirs = engine_dirs();
  ASSERT_EQ(dirs.size(), 1u);
  EXPECT_EQ(dirs[0].filename().string().rfind("retrieval-", 0), 0u);
  EXPECT_TRUE(fs::exists(dirs[0] / "engine.bin"));
  EXPECT_TRUE(fs::exists(dirs[0] / "dense.faiss"));
  const auto mtime = fs::last_write_time(dirs[0] / "engine.bin");

  auto second = Retriever::build(testing::tiny_corpus(), settings_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(fs::last_write_time(dirs[0] / "engine.bin"), mtime);  // loaded, not rewritten
  expect_same_answers(*first.value(), *second.value());
}

TEST_F(EngineCacheTest, ChangedCorpusGetsItsOwnFolder) {
  ASSERT_TRUE(Retriever::build(testing::tiny_corpus(), settings_).ok());
  Corpus changed = testing::tiny_corpus();
  changed.docs[0].texts.push_back("提现到账慢吗");
  ASSERT_TRUE(Retriever::build(changed, settings_).ok());
  EXPECT_EQ(engine_dirs().size(), 2u);
}

TEST_F(EngineCacheTest, CorruptCacheIsRebuilt) {
  auto first = Retriever::build(testing::tiny_corpus(), settings_);
  ASSERT_TRUE(first.ok());
  const fs::path folder = engine_dirs().at(0);
  for (const char* file : {"engine.bin", "dense.faiss"}) {
    {
      std::fstream f(folder / file, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(40);
      f.write("corrupted!", 10);
    }
    auto again = Retriever::build(testing::tiny_corpus(), settings_);
    ASSERT_TRUE(again.ok()) << file;
    expect_same_answers(*first.value(), *again.value());
  }
  // The rebuilt cache is whole again: a truncated file is rebuilt too.
  fs::resize_file(folder / "engine.bin", 16);
  auto again = Retriever::build(testing::tiny_corpus(), settings_);
  ASSERT_TRUE(again.ok());
  expect_same_answers(*first.value(), *again.value());
  EXPECT_GT(fs::file_size(folder / "engine.bin"), 16u);
}

TEST_F(EngineCacheTest, UnwritableCacheDirIsNotFatal) {
  settings_.cache_dir = "/proc/definitely/not/writable";
  EXPECT_TRUE(Retriever::build(testing::tiny_corpus(), settings_).ok());
}

}  // namespace
}  // namespace faqbot::retrieval
