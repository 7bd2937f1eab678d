#include "retrieval/supervised_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "retrieval/prng.h"
#include "retrieval/vec_math.h"

namespace faqbot::retrieval {

bool SupervisedModel::hidden(const EncodedText& text, float* out) const {
  std::fill(out, out + dim_, 0.0f);
  if (text.ids.empty() || dim_ == 0) return false;
  for (size_t i = 0; i < text.ids.size(); ++i) {
    axpy(text.weights[i], input_.data() + static_cast<size_t>(text.ids[i]) * dim_, out, dim_);
  }
  return normalize_in_place(out, dim_) > 0;
}

SupervisedModel SupervisedModel::train(const std::vector<TrainingExample>& examples,
                                       size_t vocab_size, int num_classes,
                                       const TrainOptions& opt) {
  SupervisedModel m;
  m.dim_ = opt.dim;
  m.num_classes_ = num_classes;
  m.scale_ = opt.scale;
  const size_t d = static_cast<size_t>(opt.dim);
  Prng rng(opt.seed);
  // Input rows ~ unit length; class rows unit length.
  m.input_.resize(vocab_size * d);
  const float a = std::sqrt(3.0f / static_cast<float>(d));
  for (float& x : m.input_) x = (2.0f * rng.uniform() - 1.0f) * a;
  m.classes_.resize(static_cast<size_t>(num_classes) * d);
  for (float& x : m.classes_) x = 2.0f * rng.uniform() - 1.0f;
  for (int c = 0; c < num_classes; ++c) normalize_in_place(m.classes_.data() + c * d, d);
  if (examples.empty() || num_classes == 0) return m;

  const bool sampled = opt.sampled_negatives > 0 && opt.sampled_negatives + 2 < num_classes;
  std::vector<int32_t> cls;  // classes in this example's softmax
  if (!sampled) {
    cls.resize(num_classes);
    std::iota(cls.begin(), cls.end(), 0);
  }
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<float> u(d), h(d), dh(d), du(d), logits, grads;
  std::vector<int32_t> ids;
  std::vector<float> ws;
  const int none = num_classes - 1;
  const size_t total_steps = static_cast<size_t>(opt.epochs) * examples.size();
  size_t step = 0;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    rng.shuffle(order);
    for (size_t oi = 0; oi < order.size(); ++oi, ++step) {
      const TrainingExample& ex = examples[order[oi]];
      const float lr = opt.learning_rate * (1.0f - static_cast<float>(step) / total_steps);
      // Feature dropout (keep at least one feature).
      ids.clear();
      ws.clear();
      for (size_t i = 0; i < ex.text.ids.size(); ++i) {
        if (opt.dropout > 0 && rng.uniform() < opt.dropout) continue;
        ids.push_back(ex.text.ids[i]);
        ws.push_back(ex.text.weights[i]);
      }
      if (ids.empty()) {
        if (ex.text.ids.empty()) continue;
        const size_t pick = rng.below(ex.text.ids.size());
        ids.push_back(ex.text.ids[pick]);
        ws.push_back(ex.text.weights[pick]);
      }
      std::fill(u.begin(), u.end(), 0.0f);
      for (size_t i = 0; i < ids.size(); ++i) {
        axpy(ws[i], m.input_.data() + static_cast<size_t>(ids[i]) * d, u.data(), d);
      }
      const float norm = std::sqrt(dot(u.data(), u.data(), d));
      if (norm < 1e-12f) continue;
      for (size_t k = 0; k < d; ++k) h[k] = u[k] / norm;

      if (sampled) {
        cls.clear();
        cls.push_back(ex.label);
        if (ex.label != none) cls.push_back(none);
        while (static_cast<int>(cls.size()) < opt.sampled_negatives + 2) {
          const int32_t c = static_cast<int32_t>(rng.below(num_classes - 1));
          if (std::find(cls.begin(), cls.end(), c) == cls.end()) cls.push_back(c);
        }
      }
      logits.resize(cls.size());
      grads.resize(cls.size());
      float mx = -1e30f;
      for (size_t j = 0; j < cls.size(); ++j) {
        float z = opt.scale * dot(h.data(), m.classes_.data() + cls[j] * d, d);
        if (cls[j] == ex.label) z -= opt.scale * opt.margin;
        logits[j] = z;
        mx = std::max(mx, z);
      }
      float sum = 0;
      for (size_t j = 0; j < cls.size(); ++j) {
        logits[j] = std::exp(logits[j] - mx);
        sum += logits[j];
      }
      std::fill(dh.begin(), dh.end(), 0.0f);
      for (size_t j = 0; j < cls.size(); ++j) {
        const float p = logits[j] / sum;
        const float g = p - (cls[j] == ex.label ? 1.0f : 0.0f);
        grads[j] = g;
        if (std::fabs(g) < 1e-6f) continue;
        axpy(opt.scale * g, m.classes_.data() + cls[j] * d, dh.data(), d);
      }
      for (size_t j = 0; j < cls.size(); ++j) {
        if (std::fabs(grads[j]) < 1e-6f) continue;
        float* w = m.classes_.data() + cls[j] * d;
        axpy(-lr * opt.scale * grads[j], h.data(), w, d);
        normalize_in_place(w, d);
      }
      // Back through the normalisation: du = (dh - h (h.dh)) / |u|.
      const float hd = dot(h.data(), dh.data(), d);
      for (size_t k = 0; k < d; ++k) du[k] = (dh[k] - h[k] * hd) / norm;
      for (size_t i = 0; i < ids.size(); ++i) {
        axpy(-lr * ws[i], du.data(), m.input_.data() + static_cast<size_t>(ids[i]) * d, d);
      }
    }
  }
  return m;
}

void SupervisedModel::serialize(BinaryWriter& w) const {
  w.pod<int32_t>(dim_);
  w.pod<int32_t>(num_classes_);
  w.pod<float>(scale_);
  w.vec(input_);
  w.vec(classes_);
}

bool SupervisedModel::deserialize(BinaryReader& r) {
  int32_t dim = 0, nc = 0;
  if (!r.pod(dim) || !r.pod(nc) || !r.pod(scale_) || !r.vec(input_) || !r.vec(classes_)) return false;
  if (dim <= 0 || nc < 0 || classes_.size() != static_cast<size_t>(nc) * dim ||
      input_.size() % static_cast<size_t>(dim) != 0) {
    return false;
  }
  dim_ = dim;
  num_classes_ = nc;
  return true;
}

}  // namespace faqbot::retrieval
