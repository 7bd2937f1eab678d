// The pinyin readings table and the tokenizer's pinyin channel.
#include "retrieval/pinyin.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "retrieval/pinyin_features.h"
#include "retrieval/retriever.h"
#include "fixture.h"

namespace faqbot::retrieval {
namespace {

const char* kSample =
    "# comment line\n"
    "U+63D0\tkMandarin\ttí\n"
    "U+4F53\tkMandarin\ttǐ\n"
    "U+73B0\tkMandarin\txiàn\n"
    "U+624B\tkMandarin\tshǒu\n"
    "U+7EED\tkMandarin\txù\n"
    "U+8D39\tkMandarin\tfèi\n"
    "U+5973\tkMandarin\tnǚ\n"
    "U+884C\tkMandarin\txíng háng\n"
    "U+63D0\tkCantonese\ttai4\n";

std::vector<uint64_t> keys(const PinyinTable& t, std::u32string text) {
  std::vector<Feature> f;
  append_pinyin_features(t, text, f);
  std::vector<uint64_t> k;
  for (const auto& x : f) k.push_back(x.key);
  std::sort(k.begin(), k.end());
  k.erase(std::unique(k.begin(), k.end()), k.end());
  return k;
}

TEST(PinyinTable, ParsesTonelessFirstReadings) {
  const PinyinTable t = PinyinTable::parse(kSample);
  EXPECT_EQ(t.size(), 8u);
  EXPECT_EQ(t.syllable(U'提'), "ti");
  EXPECT_EQ(t.syllable(U'体'), "ti");
  EXPECT_EQ(t.syllable(U'女'), "nv");
  EXPECT_EQ(t.syllable(U'行'), "xing");  // first reading only
  EXPECT_EQ(t.syllable(U'钱'), "");       // not in the sample
  EXPECT_TRUE(t.is_syllable("xian"));
  EXPECT_FALSE(t.is_syllable("tx"));
}

TEST(PinyinTable, RoundTripsThroughSerialisation) {
  const PinyinTable t = PinyinTable::parse(kSample);
  BinaryWriter w;
  t.serialize(w);
  PinyinTable back;
  BinaryReader r(w.data());
  ASSERT_TRUE(back.deserialize(r));
  EXPECT_EQ(back.syllable(U'现'), "xian");
  EXPECT_EQ(back.size(), t.size());
}

TEST(PinyinTable, MissingFileIsNotFound) {
  auto t = PinyinTable::load("/nonexistent/Unihan_Readings.txt.bz2");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kNotFound);
}

TEST(PinyinTable, LoadsThePackagedReadingsWhenInstalled) {
  if (!std::filesystem::exists(PinyinTable::kDefaultPath)) GTEST_SKIP() << "unicode-data not installed";
  auto t = PinyinTable::load(PinyinTable::kDefaultPath);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_GT(t->size(), 20000u);
  EXPECT_EQ(t->syllable(U'提'), "ti");
  EXPECT_EQ(t->syllable(U'费'), "fei");
}

TEST(PinyinFeatures, HomophonesShareFeatures) {
  const PinyinTable t = PinyinTable::parse(kSample);
  EXPECT_EQ(keys(t, U"提现"), keys(t, U"体现"));
  EXPECT_FALSE(keys(t, U"提现").empty());
}

TEST(PinyinFeatures, LatinInitialsAndFullPinyinMatchTheCharacters) {
  const PinyinTable t = PinyinTable::parse(kSample);
  const auto chars = keys(t, U"手续费");
  for (const auto& typed : {std::u32string(U"sxf"), std::u32string(U"shouxufei")}) {
    const auto latin = keys(t, typed);
    std::vector<uint64_t> common;
    std::set_intersection(chars.begin(), chars.end(), latin.begin(), latin.end(),
                          std::back_inserter(common));
    EXPECT_FALSE(common.empty());
  }
  EXPECT_TRUE(keys(PinyinTable(), U"提现").empty());  // no table, no channel
}

TEST(PinyinChannel, AbsentReadingsFileTurnsTheChannelOffWithAWarning) {
  Settings s;
  s.pinyin_readings = "/nonexistent/readings.txt";
  auto r = Retriever::build(testing::tiny_corpus(), s);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r.value()->warnings().size(), 1u);
  EXPECT_NE(r.value()->warnings()[0].find("pinyin"), std::string::npos);
  // Still answers.
  auto res = r.value()->search("提现多久到账", 3);
  ASSERT_FALSE(res.candidates.empty());
  EXPECT_EQ(res.candidates[0].id, "withdraw.arrival_time");
}

TEST(PinyinChannel, AnswersAbbreviationsTypedInLatinLetters) {
  if (!std::filesystem::exists(PinyinTable::kDefaultPath)) GTEST_SKIP() << "unicode-data not installed";
  Settings s;
  auto r = Retriever::build(testing::tiny_corpus(), s);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r.value()->warnings().empty());
  // Initials of 充值 / 提现, and 提现 in full pinyin: no character in common
  // with the corpus, only the pinyin channel links them.
  const std::pair<const char*, const char*> cases[] = {
      {"cz", "recharge."}, {"tx", "withdraw."}, {"tixian", "withdraw."}};
  for (const auto& [q, prefix] : cases) {
    auto res = r.value()->search(q, 3);
    ASSERT_FALSE(res.candidates.empty()) << q;
    EXPECT_EQ(res.candidates[0].id.rfind(prefix, 0), 0u) << q << " -> " << res.candidates[0].id;
  }
  s.ablate = "pinyin";
  auto off = Retriever::build(testing::tiny_corpus(), s);
  ASSERT_TRUE(off.ok());
  EXPECT_TRUE(off.value()->search("cz", 3).candidates.empty());
}

}  // namespace
}  // namespace faqbot::retrieval
