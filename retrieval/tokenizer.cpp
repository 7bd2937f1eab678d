#include "retrieval/tokenizer.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <algorithm>
#include <exception>
#include <unordered_map>

#include "retrieval/hashing.h"
#include "retrieval/pinyin_features.h"
#include "knowledge/utf8.h"
#include "retrieval/details.h"

namespace sentencepiece::logging {
void SetMinLogLevel(int v);  // exported by libsentencepiece, not declared in its headers
}

namespace faqbot::retrieval {
namespace {

// Feature types: the seed of each type's hash, and its weight.
constexpr uint64_t kSeedUnigram = 0x9e3779b97f4a7c15ULL;
constexpr uint64_t kSeedBigram = 0xc2b2ae3d27d4eb4fULL;
constexpr uint64_t kSeedTrigram = 0x165667b19e3779f9ULL;
constexpr uint64_t kSeedPiece = 0x27d4eb2f165667c5ULL;
constexpr uint64_t kSeedPieceBigram = 0x85ebca77c2b2ae63ULL;
constexpr float kWeightUnigram = 0.5f;
constexpr float kWeightBigram = 1.0f;
constexpr float kWeightTrigram = 1.0f;
constexpr float kWeightPiece = 1.0f;
constexpr float kWeightPieceBigram = 0.5f;

// Longest question we featurise (code points); the rest is ignored.
constexpr size_t kMaxChars = 256;

uint64_t key_of(uint64_t seed, std::string_view bytes) {
  FeatureType type = FeatureType::kUnigram;
  switch (seed) {
    case kSeedBigram: type = FeatureType::kBigram; break;
    case kSeedTrigram: type = FeatureType::kTrigram; break;
    case kSeedPiece: type = FeatureType::kPiece; break;
    case kSeedPieceBigram: type = FeatureType::kPieceBigram; break;
    default: break;
  }
  return feature_key(type, mix64(fnv1a(bytes, seed)));
}

class VectorIterator : public sentencepiece::SentenceIterator {
 public:
  explicit VectorIterator(const std::vector<std::string>& lines) : lines_(lines) {}
  bool done() const override { return pos_ >= lines_.size(); }
  void Next() override { ++pos_; }
  const std::string& value() const override { return lines_[pos_]; }
  sentencepiece::util::Status status() const override { return {}; }

 private:
  const std::vector<std::string>& lines_;
  size_t pos_ = 0;
};

}  // namespace

Tokenizer::~Tokenizer() = default;

Result<std::unique_ptr<Tokenizer>> Tokenizer::train(const std::vector<std::string>& lines,
                                                    size_t max_lines) {
  std::vector<std::string> sample;
  size_t total_chars = 0;
  const size_t stride = lines.size() > max_lines ? (lines.size() + max_lines - 1) / max_lines : 1;
  for (size_t i = 0; i < lines.size(); i += stride) {
    if (lines[i].empty()) continue;
    sample.push_back(lines[i]);
    total_chars += lines[i].size();
  }
  if (sample.size() < 8 || total_chars < 64) return load("");  // too little text

  // Vocabulary grows with the corpus; --hard_vocab_limit=false lets a small
  // corpus stop below it.
  const size_t vocab = std::clamp<size_t>(sample.size(), 200, 8000);
  const std::unordered_map<std::string, std::string> args = {
      {"model_type", "unigram"},
      {"vocab_size", std::to_string(vocab)},
      {"character_coverage", "1.0"},
      {"hard_vocab_limit", "false"},
      {"add_dummy_prefix", "false"},
      {"num_threads", "1"},
      {"normalization_rule_name", "identity"},
      {"remove_extra_whitespaces", "false"},
      {"shuffle_input_sentence", "false"},
      {"input_sentence_size", "0"},
      {"max_sentencepiece_length", "6"},
      {"split_by_number", "true"},
      {"byte_fallback", "false"},
  };
  std::string proto;
  try {
    sentencepiece::logging::SetMinLogLevel(2);
    VectorIterator it(sample);
    const auto status = sentencepiece::SentencePieceTrainer::Train(args, &it, &proto);
    if (!status.ok()) {
      // A corpus sentencepiece cannot learn from: fall back to n-grams only.
      return load("");
    }
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string("sentencepiece training: ") + e.what());
  }
  return load(proto);
}

Result<std::unique_ptr<Tokenizer>> Tokenizer::load(const std::string& serialized_model) {
  std::unique_ptr<Tokenizer> t(new Tokenizer());
  if (serialized_model.empty()) return std::move(t);
  t->sp_ = std::make_unique<sentencepiece::SentencePieceProcessor>();
  const auto status = t->sp_->LoadFromSerializedProto(serialized_model);
  if (!status.ok()) {
    return Status(StatusCode::kDataLoss, "sentencepiece model unreadable: " + status.ToString());
  }
  t->serialized_ = serialized_model;
  return std::move(t);
}

std::vector<std::string> Tokenizer::pieces(std::string_view normalized) const {
  std::vector<std::string> out;
  if (!sp_ || normalized.empty()) return out;
  std::vector<int> ids;
  if (!sp_->Encode(normalized, &ids).ok()) return out;
  for (int id : ids) {
    if (sp_->IsUnknown(id) || sp_->IsControl(id)) continue;
    out.push_back(sp_->IdToPiece(id));
  }
  return out;
}

std::vector<Feature> Tokenizer::features(std::string_view normalized) const {
  std::vector<Feature> raw;
  std::u32string cps = collapse_details(utf8::decode(normalized));
  if (cps.size() > kMaxChars) cps.resize(kMaxChars);
  if (cps.empty()) return raw;
  std::vector<std::string> chars;
  chars.reserve(cps.size());
  for (char32_t cp : cps) {
    std::string s;
    utf8::append(s, cp);
    chars.push_back(std::move(s));
  }
  raw.reserve(cps.size() * 4);
  const size_t n = chars.size();
  std::string gram;
  for (size_t i = 0; i < n; ++i) {
    raw.push_back({key_of(kSeedUnigram, chars[i]), kWeightUnigram});
    if (i + 1 < n) {
      gram = chars[i] + chars[i + 1];
      raw.push_back({key_of(kSeedBigram, gram), kWeightBigram});
      if (i + 2 < n) {
        gram += chars[i + 2];
        raw.push_back({key_of(kSeedTrigram, gram), kWeightTrigram});
      }
    }
  }
  if (sp_) {
    std::string text = utf8::encode(cps);
    std::vector<std::string> ps = pieces(text);
    for (size_t i = 0; i < ps.size(); ++i) {
      // Single-character pieces duplicate the unigram features.
      if (utf8::decode(ps[i]).size() > 1) raw.push_back({key_of(kSeedPiece, ps[i]), kWeightPiece});
      if (i + 1 < ps.size()) {
        raw.push_back({key_of(kSeedPieceBigram, ps[i] + "\x1f" + ps[i + 1]), kWeightPieceBigram});
      }
    }
  }
  if (pinyin_) append_pinyin_features(*pinyin_, cps, raw, initials_);
  std::sort(raw.begin(), raw.end(), [](const Feature& a, const Feature& b) { return a.key < b.key; });
  std::vector<Feature> out;
  out.reserve(raw.size());
  for (const Feature& f : raw) {
    if (!out.empty() && out.back().key == f.key) {
      out.back().weight += f.weight;
    } else {
      out.push_back(f);
    }
  }
  return out;
}

std::vector<uint64_t> Tokenizer::bigram_keys(std::string_view normalized) {
  std::u32string cps = collapse_details(utf8::decode(normalized));
  if (cps.size() > kMaxChars) cps.resize(kMaxChars);
  std::vector<uint64_t> out;
  if (cps.size() == 1) {
    std::string s;
    utf8::append(s, cps[0]);
    out.push_back(key_of(kSeedUnigram, s));
  }
  for (size_t i = 0; i + 1 < cps.size(); ++i) {
    std::string s;
    utf8::append(s, cps[i]);
    utf8::append(s, cps[i + 1]);
    out.push_back(key_of(kSeedBigram, s));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace faqbot::retrieval
