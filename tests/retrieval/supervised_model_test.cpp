#include "retrieval/supervised_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "encoded_text_fixture.h"
#include "retrieval/stable_order.h"

namespace faqbot::retrieval {
namespace {

std::vector<uint64_t> row_keys(uint64_t first, size_t n) {
  std::vector<uint64_t> keys;
  for (size_t i = 0; i < n; ++i) keys.push_back(feature_key(FeatureType::kUnigram, first + i));
  return keys;
}

// Three classes, features 2c and 2c+1 for class c, with content keys.
std::vector<TrainingExample> three_classes() {
  std::vector<TrainingExample> ex;
  for (int c = 0; c < 3; ++c) {
    for (int v = 0; v < 3; ++v) {
      std::vector<int32_t> ids = v == 2 ? std::vector<int32_t>{2 * c, 2 * c + 1}
                                        : std::vector<int32_t>{2 * c + v};
      ex.push_back({text(ids), c, content_key(std::to_string(c) + "/" + std::to_string(v), c)});
    }
  }
  return ex;
}

TrainOptions small_options(int epochs) {
  TrainOptions o;
  o.dim = 16;
  o.epochs = epochs;
  return o;
}

std::vector<float> hidden_of(const SupervisedModel& m, std::vector<int32_t> ids) {
  std::vector<float> h(static_cast<size_t>(m.dim()));
  m.hidden(text(ids), h.data());
  return h;
}

int nearest_class(const SupervisedModel& m, const std::vector<float>& h) {
  float best = -2;
  int arg = -1;
  for (int k = 0; k < m.num_classes(); ++k) {
    float s = 0;
    for (int i = 0; i < m.dim(); ++i) s += h[i] * m.class_vector(k)[i];
    if (s > best) best = s, arg = k;
  }
  return arg;
}

float norm_of(const float* v, int n) {
  float s = 0;
  for (int i = 0; i < n; ++i) s += v[i] * v[i];
  return std::sqrt(s);
}

TEST(SupervisedModel, LearnsToSeparateClasses) {
  const SupervisedModel m = SupervisedModel::train(three_classes(), row_keys(1, 6), 3, small_options(40));
  for (int c = 0; c < 3; ++c) EXPECT_EQ(nearest_class(m, hidden_of(m, {2 * c})), c);
}

TEST(SupervisedModel, MembersSideBySideGiveUnitVectorsAndRoundTrip) {
  TrainOptions o = small_options(40);
  o.members = 4;  // 4 members of 4 columns
  const SupervisedModel m = SupervisedModel::train(three_classes(), row_keys(1, 6), 3, o);
  ASSERT_EQ(m.dim(), 16);
  for (int c = 0; c < 3; ++c) {
    const std::vector<float> h = hidden_of(m, {2 * c, 2 * c + 1});
    EXPECT_NEAR(norm_of(h.data(), m.dim()), 1.0f, 1e-5f);
    // Each member's part has length 1/2: the cosine is the members' mean.
    EXPECT_NEAR(norm_of(h.data() + 4, 4), 0.5f, 1e-5f);
    EXPECT_NEAR(norm_of(m.class_vector(c), m.dim()), 1.0f, 1e-5f);
    EXPECT_EQ(nearest_class(m, h), c);
  }
  BinaryWriter w;
  m.serialize(w);
  SupervisedModel back;
  BinaryReader r(w.data());
  ASSERT_TRUE(back.deserialize(r));
  EXPECT_EQ(hidden_of(back, {0, 3}), hidden_of(m, {0, 3}));
}

TEST(SupervisedModel, AFeatureInitialRowDependsOnItsKeyOnly) {
  // Untrained (0 epochs): rows are their initial draws. A vocabulary with one
  // more key in front shifts every row id but no row's vector.
  const SupervisedModel a = SupervisedModel::train({}, row_keys(10, 4), 2, small_options(0));
  std::vector<uint64_t> grown = row_keys(10, 4);
  grown.insert(grown.begin(), feature_key(FeatureType::kUnigram, 3));
  const SupervisedModel b = SupervisedModel::train({}, grown, 2, small_options(0));
  for (int32_t r = 0; r < 4; ++r) EXPECT_EQ(hidden_of(a, {r}), hidden_of(b, {r + 1})) << r;
}

TEST(SupervisedModel, TrainingDoesNotDependOnTheExamplesPositions) {
  std::vector<TrainingExample> ex = three_classes();
  const SupervisedModel a = SupervisedModel::train(ex, row_keys(1, 6), 3, small_options(5));
  std::reverse(ex.begin(), ex.end());
  std::rotate(ex.begin(), ex.begin() + 4, ex.end());
  const SupervisedModel b = SupervisedModel::train(ex, row_keys(1, 6), 3, small_options(5));
  for (int c = 0; c < 3; ++c) {
    EXPECT_TRUE(std::equal(a.class_vector(c), a.class_vector(c) + a.dim(), b.class_vector(c))) << c;
  }
  for (int32_t r = 0; r < 6; ++r) EXPECT_EQ(hidden_of(a, {r}), hidden_of(b, {r})) << r;
}

}  // namespace
}  // namespace faqbot::retrieval
