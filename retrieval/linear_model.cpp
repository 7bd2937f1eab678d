#include "retrieval/linear_model.h"

#include <algorithm>
#include <cmath>

#include "retrieval/stable_order.h"

namespace faqbot::retrieval {
namespace {

// The bias is a constant input feature of this value (liblinear's -B 1).
constexpr float kBiasInput = 1.0f;

using SparseRow = std::vector<std::pair<int32_t, float>>;

// Dual coordinate descent for one binary problem (y = +1 for `positive`).
// w has vocab_size + 1 entries (the last is the bias weight).
// orders[pass] is the visiting order of that pass.
void train_binary(const std::vector<SparseRow>& rows, const std::vector<int32_t>& labels,
                  int positive, const LinearOptions& o,
                  const std::vector<std::vector<size_t>>& orders, std::vector<float>& w) {
  const size_t n = rows.size();
  const float diag = 0.5f / o.c;  // D_ii of the squared hinge dual
  std::vector<float> alpha(n, 0.0f);
  std::vector<float> qii(n);
  for (size_t i = 0; i < n; ++i) {
    float q = kBiasInput * kBiasInput + diag;
    for (const auto& [j, v] : rows[i]) q += v * v;
    qii[i] = q;
  }
  const size_t bias = w.size() - 1;
  for (const std::vector<size_t>& order : orders) {
    float pg_max = -1e30f, pg_min = 1e30f;
    for (size_t i : order) {
      const float y = labels[i] == positive ? 1.0f : -1.0f;
      float wx = w[bias] * kBiasInput;
      for (const auto& [j, v] : rows[i]) wx += w[j] * v;
      const float g = y * wx - 1.0f + diag * alpha[i];
      const float pg = alpha[i] == 0.0f ? std::min(g, 0.0f) : g;
      pg_max = std::max(pg_max, pg);
      pg_min = std::min(pg_min, pg);
      if (std::fabs(pg) < 1e-12f) continue;
      const float old = alpha[i];
      alpha[i] = std::max(old - g / qii[i], 0.0f);
      const float step = (alpha[i] - old) * y;
      if (step == 0.0f) continue;
      for (const auto& [j, v] : rows[i]) w[j] += step * v;
      w[bias] += step * kBiasInput;
    }
    if (pg_max - pg_min < o.tolerance) break;
  }
}

}  // namespace

void LinearModel::input(const EncodedText& text, SparseRow& x) const {
  x.clear();
  float norm = 0;
  for (size_t k = 0; k < text.ids.size(); ++k) {
    const int32_t id = text.ids[k];
    if (id < 0 || static_cast<size_t>(id) >= idf_.size()) continue;
    const float v = text.weights[k] * idf_[id];
    if (v == 0) continue;
    x.emplace_back(id, v);
    norm += v * v;
  }
  if (norm <= 0) return;
  const float inv = 1.0f / std::sqrt(norm);
  for (auto& p : x) p.second *= inv;
}

LinearModel LinearModel::train(const std::vector<TrainingExample>& examples,
                               const FeatureVocab& vocab, int num_classes,
                               const LinearOptions& options) {
  const size_t vocab_size = vocab.size();
  LinearModel m;
  if (examples.empty() || num_classes <= 0) return m;
  m.num_classes_ = num_classes;
  // Smoothed idf over the training examples (as scikit-learn's TfidfVectorizer).
  std::vector<uint32_t> df(vocab_size, 0);
  for (const auto& ex : examples) {
    for (int32_t id : ex.text.ids) {
      if (id >= 0 && static_cast<size_t>(id) < vocab_size) ++df[id];
    }
  }
  const float n = static_cast<float>(examples.size());
  m.idf_.resize(vocab_size);
  for (size_t j = 0; j < vocab_size; ++j) {
    const auto type = static_cast<size_t>(feature_type(vocab.keys()[j]));
    const float type_weight = type < kFeatureTypeCount ? options.type_weights[type] : 0.0f;
    m.idf_[j] = type_weight * (std::log((1 + n) / (1 + df[j])) + 1);
  }

  std::vector<SparseRow> rows(examples.size());
  std::vector<int32_t> labels(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    m.input(examples[i].text, rows[i]);
    labels[i] = examples[i].label;
  }
  // Each pass visits the examples in an order keyed by their content, the
  // same for every class: an added example is inserted, the others keep
  // their relative order.
  std::vector<uint64_t> keys(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) keys[i] = examples[i].key;
  std::vector<std::vector<size_t>> orders;
  for (int pass = 0; pass < options.max_passes; ++pass) {
    orders.push_back(keyed_order(keys, options.seed, static_cast<uint64_t>(pass)));
  }

  const size_t classes = static_cast<size_t>(num_classes);
  m.weights_.assign(vocab_size * classes, 0.0f);
  m.bias_.assign(classes, 0.0f);
  std::vector<float> w(vocab_size + 1);
  for (int c = 0; c < num_classes; ++c) {
    std::fill(w.begin(), w.end(), 0.0f);
    train_binary(rows, labels, c, options, orders, w);
    for (size_t j = 0; j < vocab_size; ++j) m.weights_[j * classes + c] = w[j];
    m.bias_[c] = w[vocab_size] * kBiasInput;
  }
  return m;
}

void LinearModel::scores(const EncodedText& text, float* out) const {
  const size_t classes = static_cast<size_t>(num_classes_);
  std::copy(bias_.begin(), bias_.end(), out);
  thread_local SparseRow x;
  input(text, x);
  for (const auto& [j, v] : x) {
    const float* row = weights_.data() + static_cast<size_t>(j) * classes;
    for (size_t c = 0; c < classes; ++c) out[c] += v * row[c];
  }
}

void LinearModel::serialize(BinaryWriter& w) const {
  w.pod<int32_t>(num_classes_);
  w.vec(idf_);
  w.vec(weights_);
  w.vec(bias_);
}

bool LinearModel::deserialize(BinaryReader& r) {
  int32_t classes = 0;
  if (!r.pod(classes) || classes < 0 || !r.vec(idf_) || !r.vec(weights_) || !r.vec(bias_)) return false;
  num_classes_ = classes;
  return bias_.size() == static_cast<size_t>(classes) &&
         weights_.size() == idf_.size() * static_cast<size_t>(classes);
}

}  // namespace faqbot::retrieval
