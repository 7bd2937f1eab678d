#include "knowledge/phrase_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>

namespace faqbot::knowledge {
namespace {

// Every (id, begin) that std::string::find reports, the reference.
std::set<std::pair<uint32_t, size_t>> by_find(const std::vector<std::string>& phrases, const std::string& text) {
  std::set<std::pair<uint32_t, size_t>> out;
  for (uint32_t id = 0; id < phrases.size(); ++id) {
    if (phrases[id].empty()) continue;
    for (size_t at = text.find(phrases[id]); at != std::string::npos; at = text.find(phrases[id], at + 1)) {
      out.emplace(id, at);
    }
  }
  return out;
}

std::set<std::pair<uint32_t, size_t>> by_matcher(const PhraseMatcher& m, const std::string& text) {
  std::set<std::pair<uint32_t, size_t>> out;
  m.for_each(text, [&](uint32_t id, size_t at) { out.emplace(id, at); });
  return out;
}

TEST(PhraseMatcherTest, NoPhrasesMatchNothing) {
  PhraseMatcher m;
  EXPECT_EQ(m.size(), 0u);
  EXPECT_FALSE(m.any_in("提现多久到账"));
  EXPECT_FALSE(m.present("提现").any());
  PhraseMatcher empty_only({""});
  EXPECT_FALSE(empty_only.any_in("abc"));
  EXPECT_FALSE(empty_only.present("abc").has(0));
}

TEST(PhraseMatcherTest, EmptyTextMatchesNothing) {
  PhraseMatcher m({"提现", "a"});
  EXPECT_FALSE(m.any_in(""));
  EXPECT_FALSE(m.present("").any());
}

TEST(PhraseMatcherTest, OverlappingAndNestedPhrases) {
  const std::vector<std::string> phrases = {"借款人", "借款", "款人", "人", "借款人是谁", "aa"};
  PhraseMatcher m(phrases);
  const std::string text = "借款人是谁借款aaa";
  EXPECT_EQ(by_matcher(m, text), by_find(phrases, text));
  const auto present = m.present(text);
  for (uint32_t id = 0; id < phrases.size(); ++id) EXPECT_TRUE(present.has(id)) << phrases[id];
  // "aaa" holds "aa" twice, overlapping.
  EXPECT_EQ(by_matcher(m, "aaa").size(), 2u);
}

TEST(PhraseMatcherTest, ReportsByEndThenLongestFirst) {
  PhraseMatcher m({"款人", "借款人", "人"});
  std::vector<std::pair<uint32_t, size_t>> seen;
  m.for_each("借款人", [&](uint32_t id, size_t at) { seen.emplace_back(id, at); });
  const std::vector<std::pair<uint32_t, size_t>> expected = {{1, 0}, {0, 3}, {2, 6}};
  EXPECT_EQ(seen, expected);
}

TEST(PhraseMatcherTest, DuplicatePhrasesEachReported) {
  PhraseMatcher m({"提现", "充值", "提现"});
  const auto present = m.present("我要提现");
  EXPECT_TRUE(present.has(0));
  EXPECT_FALSE(present.has(1));
  EXPECT_TRUE(present.has(2));
}

TEST(PhraseMatcherTest, Utf8MultiByteMatchesAsFindDoes) {
  // 提 is E6 8F 90, 现 E7 8E B0; a phrase of bytes spanning two characters
  // matches where find does (both are byte searches).
  const std::vector<std::string> phrases = {"现", "\x90\xE7", "提現", "€", "😀x"};
  PhraseMatcher m(phrases);
  for (const std::string text : {"提现", "提現多久", "100€😀x", "😀😀x", "x"}) {
    EXPECT_EQ(by_matcher(m, text), by_find(phrases, text)) << text;
  }
}

TEST(PhraseMatcherTest, AgreesWithFindOnRandomTexts) {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {"a", "b", "借", "款", "人", "是", "\xE5"};
  auto random_text = [&](size_t max_len) {
    std::string s;
    const size_t n = rng() % (max_len + 1);
    for (size_t i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> phrases;
    for (int i = 0; i < 30; ++i) phrases.push_back(random_text(4));
    PhraseMatcher m(phrases);
    for (int t = 0; t < 20; ++t) {
      const std::string text = random_text(20);
      const auto expected = by_find(phrases, text);
      ASSERT_EQ(by_matcher(m, text), expected) << text;
      ASSERT_EQ(m.any_in(text), !expected.empty()) << text;
      const auto present = m.present(text);
      for (uint32_t id = 0; id < phrases.size(); ++id) {
        const bool found = !phrases[id].empty() && text.find(phrases[id]) != std::string::npos;
        ASSERT_EQ(present.has(id), found) << text << " / " << phrases[id];
      }
    }
  }
}

}  // namespace
}  // namespace faqbot::knowledge
