#pragma once
// Toneless Mandarin readings of CJK characters, read from the Unicode Han
// database's kMandarin field (Debian package unicode-data ships it as
// /usr/share/unicode/Unihan_Readings.txt.bz2). One reading a character: the
// first listed (the most common). Immutable after loading; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/status.h"
#include "retrieval/binary_io.h"

namespace faqbot::retrieval {

class PinyinTable {
 public:
  static constexpr const char* kDefaultPath = "/usr/share/unicode/Unihan_Readings.txt.bz2";

  PinyinTable() = default;
  // Reads a Unihan readings file; a path ending in ".bz2" is decompressed.
  // kNotFound when the file is absent, kDataLoss when it holds no reading.
  static Result<PinyinTable> load(const std::string& path);
  // Parses Unihan readings text ("U+63D0\tkMandarin\ttí" lines).
  static PinyinTable parse(std::string_view text);

  bool empty() const { return chars_.empty(); }
  size_t size() const { return chars_.size(); }
  // Toneless lowercase syllable of `cp` ("ü" written "v"), "" when unknown.
  std::string_view syllable(char32_t cp) const;
  // True when `s` is the reading of some character.
  bool is_syllable(std::string_view s) const;

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  std::vector<std::string> syllables_;  // sorted, unique
  std::vector<char32_t> chars_;         // sorted
  std::vector<uint16_t> syllable_of_;   // parallel to chars_: index into syllables_
};

}  // namespace faqbot::retrieval
