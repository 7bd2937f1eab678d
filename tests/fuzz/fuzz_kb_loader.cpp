// The knowledge-base loader and its lint (knowledge::load) on one category
// file: the input is written as kb/withdraw.json of a copy of the bot
// tests' fixture configuration. Properties: never throws; a knowledge base
// comes back exactly when no diagnostic is an error, and then every entry
// has an id, questions and an answer.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "../service/temp_dir.h"
#include "fuzz_input.h"
#include "knowledge/loader.h"

using namespace faqbot;

namespace {

// A private copy of tests/bot/fixtures/config, made once per process.
const std::string& config_copy() {
  static testing::TempDir dir;
  static const std::string path = [] {
    const std::string to = dir.path() + "/config";
    std::filesystem::copy(FAQBOT_FUZZ_FIXTURE_CONFIG, to, std::filesystem::copy_options::recursive);
    return to;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& config = config_copy();
  {
    std::ofstream out(config + "/kb/withdraw.json", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const knowledge::LoadOutcome outcome = knowledge::load(config);
  const bool has_error = std::any_of(outcome.diagnostics.begin(), outcome.diagnostics.end(),
                                     [](const knowledge::Diagnostic& d) {
                                       return d.severity == knowledge::Severity::kError;
                                     });
  FUZZ_CHECK(outcome.ok() == !has_error);
  for (const knowledge::Diagnostic& d : outcome.diagnostics) FUZZ_CHECK(!knowledge::format(d).empty());
  if (outcome.ok()) {
    for (const knowledge::Entry& e : outcome.kb->entries) {
      FUZZ_CHECK(!e.id.empty());
      FUZZ_CHECK(!e.questions.empty());
      FUZZ_CHECK(!e.answer.empty());
    }
  }
  return 0;
}
