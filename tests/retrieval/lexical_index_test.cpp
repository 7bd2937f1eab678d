#include "retrieval/lexical_index.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace faqbot::retrieval {
namespace {

EncodedText text(std::vector<int32_t> ids) {
  EncodedText t;
  t.ids = std::move(ids);
  t.weights.assign(t.ids.size(), 1.0f);
  t.known_weight = t.total_weight = static_cast<float>(t.ids.size());
  return t;
}

// Entries: 0 = {0,1} {0,2}; 1 = {3,4}; 2 = {1,3,5}; 3 = {6}.
LexicalIndex build_index(size_t max_postings) {
  const std::vector<EncodedText> variants = {text({0, 1}), text({0, 2}), text({3, 4}),
                                             text({1, 3, 5}), text({6})};
  LexicalIndex x = LexicalIndex::build(variants, {0, 2, 3, 4, 5}, 7);
  x.build_postings(max_postings);
  return x;
}

TEST(LexicalIndexTest, CandidatesRankEntriesByTheirBestVariantOnce) {
  const LexicalIndex x = build_index(100);
  const auto q = x.prepare(text({1, 3, 5}));
  const std::vector<int> c = x.candidates(q, 10);
  ASSERT_EQ(c.size(), 3u);  // entry 3 shares nothing
  EXPECT_EQ(c[0], 2);       // all three terms
  // Repeated calls reuse the scratch and give the same answer.
  EXPECT_EQ(x.candidates(q, 10), c);
  EXPECT_EQ(x.candidates(q, 1), std::vector<int>{2});
  const auto other = x.prepare(text({6}));
  EXPECT_EQ(x.candidates(other, 5), std::vector<int>{3});
  EXPECT_EQ(x.candidates(q, 10), c);
}

TEST(LexicalIndexTest, CommonTermsAreLeftOutOfCappedPostings) {
  const LexicalIndex x = build_index(1);  // terms in 2+ variants dropped
  EXPECT_TRUE(x.has_postings());
  EXPECT_FALSE(x.has_complete_postings());
  EXPECT_TRUE(x.score_all(x.prepare(text({0}))).empty());
  EXPECT_TRUE(x.candidates(x.prepare(text({0, 1, 3})), 5).empty());  // all common
  EXPECT_EQ(x.candidates(x.prepare(text({0, 6})), 5), std::vector<int>{3});
}

TEST(LexicalIndexTest, ScoreEntriesEqualsScoreOfEachEntry) {
  const LexicalIndex x = build_index(1);
  for (const auto& ids : std::vector<std::vector<int32_t>>{{1, 3, 5}, {0, 2}, {6}, {0, 1, 2, 3, 4}}) {
    const auto q = x.prepare(text(ids));
    const std::vector<int> entries = {3, 0, 2, 1, 2, -1, 9};
    const std::vector<float> got = x.score_entries(q, entries);
    ASSERT_EQ(got.size(), entries.size());
    for (size_t k = 0; k < entries.size(); ++k) {
      EXPECT_EQ(got[k], x.score(q, entries[k])) << "entry " << entries[k];
    }
    EXPECT_GT(*std::max_element(got.begin(), got.end()), 0.0f);
  }
}

}  // namespace
}  // namespace faqbot::retrieval
