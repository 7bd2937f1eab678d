// The development set measures the engine; it must never be copied into the
// knowledge base (a held-out set written the same way judges the work). No
// question variant or out-of-scope example may equal a dev question once
// spaces and punctuation are ignored.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <cstring>
#include <set>

#include "knowledge/loader.h"

namespace faqbot::knowledge {
namespace {

// Drops ASCII spaces/punctuation and the common full-width marks; lowercases ASCII.
std::string comparable(const std::string& text) {
  static const char* marks[] = {"，", "。", "？", "！", "、", "“", "”", "～", "…"};
  std::string s = text;
  for (const char* m : marks) {
    for (size_t p; (p = s.find(m)) != std::string::npos;) s.erase(p, std::strlen(m));
  }
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && (std::isspace(u) || std::ispunct(u))) continue;
    out += static_cast<char>(u < 0x80 ? std::tolower(u) : c);
  }
  return out;
}

TEST(DevSetSeparation, NoDevQuestionIsInTheDefaultKnowledgeBase) {
  ASSERT_TRUE(std::filesystem::exists(FAQBOT_DEV_SET)) << FAQBOT_DEV_SET;
  std::set<std::string> dev;
  std::ifstream in(FAQBOT_DEV_SET);
  for (std::string line; std::getline(in, line);) {
    auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_object() && doc.contains("q")) dev.insert(comparable(doc["q"].get<std::string>()));
  }
  ASSERT_GT(dev.size(), 100u);
  LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  for (const Entry& e : out.kb->entries) {
    for (const std::string& q : e.questions) {
      EXPECT_EQ(dev.count(comparable(q)), 0u) << e.source_file << ": " << e.id << ": \"" << q
                                              << "\" is a dev-set question";
    }
  }
  for (const std::string& q : out.kb->out_of_scope) {
    EXPECT_EQ(dev.count(comparable(q)), 0u) << "out_of_scope.json: \"" << q << "\" is a dev-set question";
  }
}

}  // namespace
}  // namespace faqbot::knowledge
