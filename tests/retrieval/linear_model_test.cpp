#include "retrieval/linear_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "encoded_text_fixture.h"
#include "retrieval/stable_order.h"

namespace faqbot::retrieval {
namespace {

// Features 0..5 of a 6-feature vocabulary (all of type "unigram"), one class
// per pair of features.
FeatureVocab vocab6() {
  std::vector<uint64_t> keys;
  for (uint64_t k = 1; k <= 6; ++k) keys.push_back(feature_key(FeatureType::kUnigram, k));
  return FeatureVocab::from_keys(keys);
}

TEST(LinearModel, SeparatesClassesByTheirFeatures) {
  std::vector<TrainingExample> ex = {{text({0, 1}), 0}, {text({0}), 0}, {text({1}), 0},
                                     {text({2, 3}), 1}, {text({2}), 1}, {text({3}), 1},
                                     {text({4, 5}), 2}, {text({4}), 2}, {text({5}), 2}};
  const LinearModel m = LinearModel::train(ex, vocab6(), 3);
  ASSERT_EQ(m.num_classes(), 3);
  for (int c = 0; c < 3; ++c) {
    float s[3];
    m.scores(text({2 * c}), s);
    for (int o = 0; o < 3; ++o) {
      if (o != c) EXPECT_GT(s[c], s[o]) << "class " << c;
    }
    EXPECT_GT(s[c], 0.0f);
  }
}

TEST(LinearModel, TrainingDoesNotDependOnTheExamplesPositions) {
  std::vector<TrainingExample> ex;
  for (int c = 0; c < 3; ++c) {
    ex.push_back({text({2 * c, 2 * c + 1}), c, content_key("a" + std::to_string(c), c)});
    ex.push_back({text({2 * c}), c, content_key("b" + std::to_string(c), c)});
    ex.push_back({text({2 * c + 1, (2 * c + 2) % 6}), c, content_key("c" + std::to_string(c), c)});
  }
  const LinearModel a = LinearModel::train(ex, vocab6(), 3);
  std::reverse(ex.begin(), ex.end());
  std::rotate(ex.begin(), ex.begin() + 2, ex.end());
  const LinearModel b = LinearModel::train(ex, vocab6(), 3);
  for (int32_t f = 0; f < 6; ++f) {
    float sa[3], sb[3];
    a.scores(text({f}), sa);
    b.scores(text({f}), sb);
    for (int c = 0; c < 3; ++c) EXPECT_EQ(sa[c], sb[c]) << f << " " << c;
  }
}

TEST(LinearModel, TypeWeightZeroIgnoresAType) {
  std::vector<uint64_t> keys = {feature_key(FeatureType::kUnigram, 1),
                                feature_key(FeatureType::kTrigram, 2)};
  const FeatureVocab v = FeatureVocab::from_keys(keys);
  std::vector<TrainingExample> ex = {{text({0}), 0}, {text({1}), 1}};
  const LinearModel m = LinearModel::train(ex, v, 2);  // trigrams off by default
  float s[2];
  m.scores(text({1}), s);
  float bias_only[2];
  m.scores(text({}), bias_only);
  EXPECT_FLOAT_EQ(s[0], bias_only[0]);
  EXPECT_FLOAT_EQ(s[1], bias_only[1]);
}

TEST(LinearModel, RoundTripsAndRejectsTruncation) {
  std::vector<TrainingExample> ex = {{text({0}), 0}, {text({1}), 1}, {text({2}), 1}};
  const LinearModel m = LinearModel::train(ex, vocab6(), 2);
  BinaryWriter w;
  m.serialize(w);
  LinearModel back;
  BinaryReader r(w.data());
  ASSERT_TRUE(back.deserialize(r));
  float a[2], b[2];
  m.scores(text({0, 2}), a);
  back.scores(text({0, 2}), b);
  EXPECT_FLOAT_EQ(a[0], b[0]);
  EXPECT_FLOAT_EQ(a[1], b[1]);
  LinearModel cut;
  BinaryReader rc(std::string_view(w.data()).substr(0, w.data().size() - 3));
  EXPECT_FALSE(cut.deserialize(rc));
}

}  // namespace
}  // namespace faqbot::retrieval
