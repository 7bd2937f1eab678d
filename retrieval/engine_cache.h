#pragma once
// On-disk cache of built engines: one folder per key under the cache
// directory, "<cache_dir>/retrieval-<key>/" holding engine.bin (our own
// checksummed binary format) and dense.faiss (faiss::write_index). Folders
// are written under a temporary name and renamed into place, so readers never
// see a half-written engine. A missing or corrupt folder is reported as an
// error; callers rebuild.
#include <string>

#include "knowledge/status.h"
#include "retrieval/engine_state.h"

namespace faqbot::retrieval {

// Bump when the format or anything that changes built engines changes.
constexpr uint32_t kEngineFormatVersion = 32;

std::string engine_cache_path(const std::string& cache_dir, const std::string& key);

Status save_engine(const std::string& cache_dir, const std::string& key, const EngineState& state);
Result<EngineState> load_engine(const std::string& cache_dir, const std::string& key);

}  // namespace faqbot::retrieval
