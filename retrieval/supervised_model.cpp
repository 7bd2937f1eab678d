#include "retrieval/supervised_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "retrieval/prng.h"
#include "retrieval/stable_order.h"
#include "retrieval/vec_math.h"

namespace faqbot::retrieval {
namespace {

// Salts of the model's keyed draws (stable_order.h), mixed with the seed.
constexpr uint64_t kPurposeInputRow = 0x1a;
constexpr uint64_t kPurposeClassRow = 0x2b;
constexpr uint64_t kPurposeOrder = 0x3c;
constexpr uint64_t kPurposeDraws = 0x4d;
constexpr uint64_t kPurposeMember = 0x5e;

}  // namespace

bool SupervisedModel::hidden(const EncodedText& text, float* out) const {
  std::fill(out, out + dim_, 0.0f);
  if (text.ids.empty() || dim_ == 0) return false;
  for (size_t i = 0; i < text.ids.size(); ++i) {
    axpy(text.weights[i], input_.data() + static_cast<size_t>(text.ids[i]) * dim_, out, dim_);
  }
  if (members_ == 1) return normalize_in_place(out, dim_) > 0;
  const size_t width = static_cast<size_t>(dim_ / members_);
  const float part = 1.0f / std::sqrt(static_cast<float>(members_));
  bool any = false;
  for (int k = 0; k < members_; ++k) {
    float* slice = out + k * width;
    if (normalize_in_place(slice, width) > 0) any = true;
    for (size_t j = 0; j < width; ++j) slice[j] *= part;
  }
  return any;
}

SupervisedModel SupervisedModel::train(const std::vector<TrainingExample>& examples,
                                       const std::vector<uint64_t>& row_keys, int num_classes,
                                       const TrainOptions& opt) {
  const int members = std::max(1, opt.members);
  if (members == 1 || opt.dim % members != 0) return train_member(examples, row_keys, num_classes, opt);
  SupervisedModel m;
  m.dim_ = opt.dim;
  m.members_ = members;
  m.num_classes_ = num_classes;
  m.scale_ = opt.scale;
  const size_t d = static_cast<size_t>(opt.dim);
  const size_t width = d / static_cast<size_t>(members);
  const float part = 1.0f / std::sqrt(static_cast<float>(members));
  m.input_.assign(row_keys.size() * d, 0.0f);
  m.classes_.assign(static_cast<size_t>(num_classes) * d, 0.0f);
  for (int k = 0; k < members; ++k) {
    TrainOptions member = opt;
    member.dim = static_cast<int>(width);
    member.members = 1;
    member.seed = salted_key(opt.seed, kPurposeMember, static_cast<uint64_t>(k));
    const SupervisedModel one = train_member(examples, row_keys, num_classes, member);
    for (size_t r = 0; r < row_keys.size(); ++r) {
      std::copy_n(one.input_.data() + r * width, width, m.input_.data() + r * d + k * width);
    }
    for (size_t c = 0; c < static_cast<size_t>(num_classes); ++c) {
      for (size_t j = 0; j < width; ++j) m.classes_[c * d + k * width + j] = one.classes_[c * width + j] * part;
    }
  }
  return m;
}

SupervisedModel SupervisedModel::train_member(const std::vector<TrainingExample>& examples,
                                              const std::vector<uint64_t>& row_keys,
                                              int num_classes, const TrainOptions& opt) {
  SupervisedModel m;
  m.dim_ = opt.dim;
  m.num_classes_ = num_classes;
  m.scale_ = opt.scale;
  const size_t d = static_cast<size_t>(opt.dim);
  // Input rows ~ unit length, each drawn from its feature's key; class rows
  // unit length, drawn from the class index.
  m.input_.resize(row_keys.size() * d);
  const float a = std::sqrt(3.0f / static_cast<float>(d));
  for (size_t r = 0; r < row_keys.size(); ++r) {
    Prng rng = keyed_prng(row_keys[r], opt.seed ^ kPurposeInputRow);
    for (size_t k = 0; k < d; ++k) m.input_[r * d + k] = (2.0f * rng.uniform() - 1.0f) * a;
  }
  m.classes_.resize(static_cast<size_t>(num_classes) * d);
  for (int c = 0; c < num_classes; ++c) {
    Prng rng = keyed_prng(static_cast<uint64_t>(c), opt.seed ^ kPurposeClassRow);
    float* row = m.classes_.data() + static_cast<size_t>(c) * d;
    for (size_t k = 0; k < d; ++k) row[k] = 2.0f * rng.uniform() - 1.0f;
    normalize_in_place(row, d);
  }
  if (examples.empty() || num_classes == 0) return m;

  const bool sampled = opt.sampled_negatives > 0 && opt.sampled_negatives + 2 < num_classes;
  std::vector<int32_t> cls;  // classes in this example's softmax
  if (!sampled) {
    cls.resize(num_classes);
    std::iota(cls.begin(), cls.end(), 0);
  }
  std::vector<uint64_t> keys(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) keys[i] = examples[i].key;
  std::vector<float> u(d), h(d), dh(d), du(d), logits, grads;
  std::vector<int32_t> ids;
  std::vector<float> ws;
  const int none = num_classes - 1;
  const size_t total_steps = static_cast<size_t>(opt.epochs) * examples.size();
  size_t step = 0;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    const std::vector<size_t> order = keyed_order(keys, opt.seed ^ kPurposeOrder, epoch);
    for (size_t oi = 0; oi < order.size(); ++oi, ++step) {
      const TrainingExample& ex = examples[order[oi]];
      Prng rng = keyed_prng(ex.key, opt.seed ^ kPurposeDraws, epoch);
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
  w.pod<int32_t>(members_);
  w.pod<int32_t>(num_classes_);
  w.pod<float>(scale_);
  w.vec(input_);
  w.vec(classes_);
}

bool SupervisedModel::deserialize(BinaryReader& r) {
  int32_t dim = 0, members = 0, nc = 0;
  if (!r.pod(dim) || !r.pod(members) || !r.pod(nc) || !r.pod(scale_) || !r.vec(input_) || !r.vec(classes_)) return false;
  if (dim <= 0 || members <= 0 || dim % members != 0 || nc < 0 || classes_.size() != static_cast<size_t>(nc) * dim ||
      input_.size() % static_cast<size_t>(dim) != 0) {
    return false;
  }
  dim_ = dim;
  members_ = members;
  num_classes_ = nc;
  return true;
}

}  // namespace faqbot::retrieval
