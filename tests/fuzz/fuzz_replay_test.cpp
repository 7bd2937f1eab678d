// Replays every file of tests/fuzz/corpus/<target>/ and
// tests/fuzz/regressions/<target>/ through its fuzz target, so the normal
// suite keeps each seed and each input that once crashed. A target's
// properties abort the binary when violated (fuzz_input.h), which fails the
// test; a target without seeds fails too.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#define FAQBOT_FUZZ_TARGET(name) extern "C" int faqbot_fuzz_##name(const uint8_t* data, size_t size);
#include "fuzz_targets.inc"
#undef FAQBOT_FUZZ_TARGET

namespace faqbot::fuzz {
namespace {

namespace fs = std::filesystem;

struct Target {
  const char* name;
  int (*run)(const uint8_t*, size_t);
};

#define FAQBOT_FUZZ_TARGET(name) Target{#name, faqbot_fuzz_##name},
const Target kTargets[] = {
#include "fuzz_targets.inc"
};
#undef FAQBOT_FUZZ_TARGET

void PrintTo(const Target& t, std::ostream* os) { *os << t.name; }

// Regular files of `dir`, sorted; none when it does not exist.
std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class FuzzReplay : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzReplay, CorpusAndRegressionsPass) {
  const Target& t = GetParam();
  const fs::path root(FAQBOT_FUZZ_DIR);
  const std::vector<fs::path> corpus = files_in(root / "corpus" / t.name);
  EXPECT_FALSE(corpus.empty()) << "no seeds in tests/fuzz/corpus/" << t.name;
  std::vector<fs::path> all = corpus;
  for (const fs::path& p : files_in(root / "regressions" / t.name)) all.push_back(p);
  for (const fs::path& p : all) {
    SCOPED_TRACE(p.string());
    std::fprintf(stderr, "replaying %s\n", p.c_str());  // shown when a property aborts
    const std::string bytes = read_bytes(p);
    EXPECT_EQ(t.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay, ::testing::ValuesIn(kTargets),
                         [](const ::testing::TestParamInfo<Target>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace faqbot::fuzz
