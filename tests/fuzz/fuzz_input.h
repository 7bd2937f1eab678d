#pragma once
// Helpers shared by the fuzz targets (tests/fuzz/fuzz_*.cpp). Each target
// defines LLVMFuzzerTestOneInput; the same source is linked into a libFuzzer
// binary (-DFAQBOT_FUZZ=ON, clang) and into the corpus replay test
// (fuzz_replay_test.cpp, any compiler), so nothing here depends on libFuzzer.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace faqbot::fuzz {

// A fuzz input read as '\n'-separated fields followed by a free body, so that
// seeds stay readable: "field1\nfield2\nbody…". Missing fields are "".
class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  // The text up to the next '\n' (consumed, without the '\n').
  std::string line() {
    const size_t nl = rest_.find('\n');
    std::string out(rest_.substr(0, nl));
    rest_ = nl == std::string_view::npos ? std::string_view() : rest_.substr(nl + 1);
    return out;
  }
  // Everything not consumed yet.
  std::string body() const { return std::string(rest_); }

 private:
  std::string_view rest_;
};

// A violated property: prints it and aborts, which libFuzzer records as a
// crash (and the replay test as a failure of the whole binary).
[[noreturn]] inline void fail(const char* file, int line, const char* what) {
  std::fprintf(stderr, "%s:%d: fuzz property violated: %s\n", file, line, what);
  std::abort();
}

}  // namespace faqbot::fuzz

#define FUZZ_CHECK(cond) \
  do {                   \
    if (!(cond)) ::faqbot::fuzz::fail(__FILE__, __LINE__, #cond); \
  } while (0)
