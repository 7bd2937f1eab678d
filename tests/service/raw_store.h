#pragma once
// The bytes of a SQLite data directory as they lie on disk (database file,
// write-ahead log, rollback journal): what an attacker with the disk reads.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace faqbot::testing {

inline std::string raw_store_bytes(const std::string& data_dir) {
  std::string all;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    all += bytes.str();
  }
  return all;
}

}  // namespace faqbot::testing
