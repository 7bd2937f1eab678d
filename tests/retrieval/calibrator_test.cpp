#include "retrieval/calibrator.h"

#include <gtest/gtest.h>

namespace faqbot::retrieval {
namespace {

TEST(CalibratorTest, LearnsMonotoneProbability) {
  std::vector<std::vector<float>> rows;
  std::vector<float> labels;
  for (int i = 0; i < 200; ++i) {
    const float x = static_cast<float>(i) / 200.0f;
    rows.push_back({x});
    labels.push_back((i * 7919) % 200 < i ? 1.0f : 0.0f);  // P(1) grows with x
  }
  const Calibrator c = Calibrator::fit(rows, labels, {});
  const float lo = 0.05f, hi = 0.95f;
  EXPECT_LT(c.predict(&lo, 1), 0.3);
  EXPECT_GT(c.predict(&hi, 1), 0.7);
}

TEST(CalibratorTest, SeparableDataStaysFinite) {
  std::vector<std::vector<float>> rows = {{0}, {0.1f}, {0.9f}, {1}};
  std::vector<float> labels = {0, 0, 1, 1};
  const Calibrator c = Calibrator::fit(rows, labels, {});
  const float x = 0.5f;
  const double p = c.predict(&x, 1);
  EXPECT_GT(p, 0.05);
  EXPECT_LT(p, 0.95);
}

TEST(CalibratorTest, WithOffsetsLearnsOnlyWhatTheOffsetsLeaveOut) {
  // The label follows the offset's sign; the feature x adds evidence of its
  // own only on the samples where it is 1.
  std::vector<std::vector<float>> rows;
  std::vector<float> labels;
  std::vector<double> offsets;
  for (int i = 0; i < 400; ++i) {
    const bool x = i % 4 == 0;
    const double offset = (i % 2 == 0 ? 3.0 : -3.0);
    rows.push_back({x ? 1.0f : 0.0f});
    offsets.push_back(offset);
    labels.push_back(x ? 0.0f : (offset > 0 ? 1.0f : 0.0f));  // x = 1: never right
  }
  const Calibrator c = Calibrator::fit(rows, labels, {}, 1.0, offsets);
  const float on = 1, off = 0;
  // Used as offset + logit: x = 1 pulls a confident offset down, x = 0 keeps it.
  EXPECT_LT(sigmoid(3.0 + c.logit(&on, 1)), 0.5);
  EXPECT_GT(sigmoid(3.0 + c.logit(&off, 1)), 0.9);
  EXPECT_LT(sigmoid(-3.0 + c.logit(&off, 1)), 0.1);
}

TEST(CalibratorTest, DoesNotExtrapolateBeyondWhereBothLabelsWereSeen) {
  // Right answers are seen up to x = 1; longer rows (x up to 3) are all
  // wrong. A row at x = 3 reads as x = 1: no lower than the fit's evidence.
  std::vector<std::vector<float>> rows;
  std::vector<float> labels;
  for (int i = 0; i <= 100; ++i) {
    const float x = static_cast<float>(i) / 100.0f;
    rows.push_back({x});
    labels.push_back(i % 3 == 2 ? 0.0f : 1.0f);
    rows.push_back({3.0f * x});
    labels.push_back(0.0f);
  }
  const Calibrator c = Calibrator::fit(rows, labels, {}, 1.0, {}, {0});
  const auto [lo, hi] = c.fitted_range(0);
  EXPECT_FLOAT_EQ(lo, 0.0f);
  EXPECT_FLOAT_EQ(hi, 1.0f);
  const float edge = 1.0f, far = 3.0f, inside = 0.5f;
  EXPECT_LT(c.predict(&edge, 1), c.predict(&inside, 1));  // the fit's slope holds inside
  EXPECT_DOUBLE_EQ(c.predict(&far, 1), c.predict(&edge, 1));

  // Not named: the whole fitted range counts, and nothing beyond it.
  const Calibrator d = Calibrator::fit(rows, labels, {});
  EXPECT_FLOAT_EQ(d.fitted_range(0).second, 3.0f);
  const float further = 30.0f;
  EXPECT_LT(d.predict(&far, 1), d.predict(&edge, 1));
  EXPECT_DOUBLE_EQ(d.predict(&further, 1), d.predict(&far, 1));
}

TEST(CalibratorTest, SerialisationRoundTrips) {
  const Calibrator c = Calibrator::fit({{0, 1}, {1, 0}, {0.5f, 0.5f}}, {0, 1, 1}, {});
  BinaryWriter w;
  c.serialize(w);
  BinaryReader r(w.data());
  Calibrator d;
  ASSERT_TRUE(d.deserialize(r));
  const float x[2] = {0.3f, 0.7f}, outside[2] = {-2.0f, 5.0f};
  EXPECT_DOUBLE_EQ(c.predict(x, 2), d.predict(x, 2));
  EXPECT_DOUBLE_EQ(c.predict(outside, 2), d.predict(outside, 2));
  BinaryReader truncated(std::string_view(w.data()).substr(0, 10));
  Calibrator e;
  EXPECT_FALSE(e.deserialize(truncated));
}

}  // namespace
}  // namespace faqbot::retrieval
