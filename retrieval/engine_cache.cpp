#include "retrieval/engine_cache.h"

#include <unistd.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "retrieval/binary_io.h"
#include "retrieval/hashing.h"

namespace faqbot::retrieval {
namespace fs = std::filesystem;
namespace {

constexpr uint64_t kMagic = 0x31474e4552514146ULL;  // "FAQRENG1"

std::string serialize(const EngineState& s, uint64_t dense_sum) {
  BinaryWriter w;
  w.pod(kMagic);
  w.pod<uint32_t>(kEngineFormatVersion);
  w.pod(dense_sum);
  w.strings(s.entry_ids);
  w.str(s.tokenizer->serialized_model());
  w.vec(s.trained.vocab.keys());
  s.trained.model.serialize(w);
  s.trained.lexical.serialize(w);
  w.vec(s.trained.entry_offsets);
  w.vec(s.trained.variant_vectors);
  s.calibrators.correct.serialize(w);
  s.calibrators.correct_without_chars.serialize(w);
  s.calibrators.scope.serialize(w);
  w.vec(s.calibrators.entry_offsets);
  s.calibrators.slots.serialize(w);
  s.trained.linear.serialize(w);
  s.trained.char_linear.serialize(w);
  w.vec(s.trained.term_sources);
  w.pod<uint8_t>(s.pinyin ? 1 : 0);
  if (s.pinyin) s.pinyin->serialize(w);
  w.strings(s.warnings);
  s.products.serialize(w);
  s.kinds.serialize(w);
  s.slots.serialize(w);
  std::string out = w.data();
  const uint64_t sum = mix64(fnv1a(out));
  out.append(reinterpret_cast<const char*>(&sum), sizeof sum);
  return out;
}

Status parse(const std::string& blob, EngineState& s, uint64_t& dense_sum) {
  const Status corrupt(StatusCode::kDataLoss, "engine cache is corrupt");
  if (blob.size() < sizeof(uint64_t)) return corrupt;
  const std::string_view body(blob.data(), blob.size() - sizeof(uint64_t));
  uint64_t sum = 0;
  std::memcpy(&sum, blob.data() + body.size(), sizeof sum);
  if (sum != mix64(fnv1a(body))) return corrupt;
  BinaryReader r(body);
  uint64_t magic = 0;
  uint32_t version = 0;
  std::string sp;
  std::vector<uint64_t> keys;
  if (!r.pod(magic) || magic != kMagic || !r.pod(version) || version != kEngineFormatVersion ||
      !r.pod(dense_sum) || !r.strings(s.entry_ids) || !r.str(sp) || !r.vec(keys) || !s.trained.model.deserialize(r) ||
      !s.trained.lexical.deserialize(r) || !r.vec(s.trained.entry_offsets) ||
      !r.vec(s.trained.variant_vectors) || !s.calibrators.correct.deserialize(r) ||
      !s.calibrators.correct_without_chars.deserialize(r) ||
      !s.calibrators.scope.deserialize(r) || !r.vec(s.calibrators.entry_offsets) ||
      !s.calibrators.slots.deserialize(r) ||
      !s.trained.linear.deserialize(r) || !s.trained.char_linear.deserialize(r) ||
      !r.vec(s.trained.term_sources) || s.trained.term_sources.size() != keys.size()) {
    return corrupt;
  }
  uint8_t has_pinyin = 0;
  if (!r.pod(has_pinyin)) return corrupt;
  if (has_pinyin) {
    auto table = std::make_shared<PinyinTable>();
    if (!table->deserialize(r)) return corrupt;
    s.pinyin = std::move(table);
  }
  if (!r.strings(s.warnings) || !s.products.deserialize(r) || !s.kinds.deserialize(r) || !s.slots.deserialize(r) || !r.at_end()) return corrupt;
  const size_t n = s.entry_ids.size();
  const auto& m = s.trained.model;
  if (m.num_classes() != static_cast<int>(n) + 1 || s.trained.entry_offsets.size() != n + 1 ||
      s.slots.num_entries() != n) {
    return corrupt;
  }
  auto tok = Tokenizer::load(sp);
  if (!tok.ok()) return tok.status();
  s.tokenizer = std::move(tok).value();
  s.tokenizer->set_pinyin(s.pinyin);
  s.trained.vocab = FeatureVocab::from_keys(std::move(keys));
  return Status::Ok();
}

bool write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

bool read_file(const fs::path& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes.assign((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

std::string engine_cache_path(const std::string& cache_dir, const std::string& key) {
  return (fs::path(cache_dir) / ("retrieval-" + key)).string();
}

Status save_engine(const std::string& cache_dir, const std::string& key, const EngineState& state) {
  static std::atomic<uint64_t> counter{0};
  std::error_code ec;
  fs::create_directories(cache_dir, ec);
  if (ec) return Status(StatusCode::kInternal, "cannot create cache dir: " + ec.message());
  const fs::path final_dir = engine_cache_path(cache_dir, key);
  std::ostringstream tmp_name;
  tmp_name << ".tmp-" << key << "-" << ::getpid() << "-" << counter++;
  const fs::path tmp = fs::path(cache_dir) / tmp_name.str();
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) return Status(StatusCode::kInternal, "cannot create temp dir: " + ec.message());
  auto dense = state.dense->serialize();
  if (!dense.ok()) {
    fs::remove_all(tmp, ec);
    return dense.status();
  }
  const uint64_t dense_sum = mix64(fnv1a(dense.value()));
  if (!write_file(tmp / "dense.faiss", dense.value()) ||
      !write_file(tmp / "engine.bin", serialize(state, dense_sum))) {
    fs::remove_all(tmp, ec);
    return Status(StatusCode::kInternal, "cannot write the engine cache");
  }
  // Replace a stale (corrupt) folder; if another process won the race with
  // the same key, its folder is equivalent and ours is dropped.
  if (fs::exists(final_dir)) {
    if (load_engine(cache_dir, key).ok()) {
      fs::remove_all(tmp, ec);
      return Status::Ok();
    }
    fs::remove_all(final_dir, ec);
  }
  fs::rename(tmp, final_dir, ec);
  if (ec) {
    std::error_code ignore;
    fs::remove_all(tmp, ignore);
    if (!fs::exists(final_dir)) return Status(StatusCode::kInternal, "cannot publish cache: " + ec.message());
  }
  return Status::Ok();
}

Result<EngineState> load_engine(const std::string& cache_dir, const std::string& key) {
  const fs::path dir = engine_cache_path(cache_dir, key);
  std::string blob, dense_bytes;
  if (!read_file(dir / "engine.bin", blob)) return Status(StatusCode::kNotFound, "no cached engine");
  EngineState s;
  uint64_t dense_sum = 0;
  Status st = parse(blob, s, dense_sum);
  if (!st.ok()) return st;
  if (!read_file(dir / "dense.faiss", dense_bytes) || mix64(fnv1a(dense_bytes)) != dense_sum) {
    return Status(StatusCode::kDataLoss, "cached faiss index is missing or corrupt");
  }
  auto dense = DenseIndex::deserialize(dense_bytes);
  if (!dense.ok()) return dense.status();
  s.dense = std::move(dense).value();
  if (s.dense->dim() != s.trained.model.dim() ||
      s.dense->size() != static_cast<int64_t>(s.entry_ids.size())) {
    return Status(StatusCode::kDataLoss, "cached faiss index does not match the engine");
  }
  return Result<EngineState>(std::move(s));
}

}  // namespace faqbot::retrieval
