// Cue words of the default config/followup.json that rules rely on, read by
// the CueReader over the default knowledge base (an identity normaliser:
// the texts below are written as normalised).
#include <gtest/gtest.h>

#include "bot/followup_cues.h"
#include "fake_retriever.h"
#include "knowledge/loader.h"

namespace faqbot::bot {
namespace {

bool names_type(const MessageCues& cues, const std::string& type) {
  for (const NamedSlot& t : cues.types) {
    if (t.slot == type) return true;
  }
  return false;
}

TEST(FollowupConfigCues, WhenSomethingCanBeDoneAsksHowLong) {
  const knowledge::LoadOutcome loaded = knowledge::load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(loaded.ok());
  testing::FakeRetriever identity;
  const CueReader cues(*loaded.kb, identity);
  // 什么时候能…: when it will be done, in any topic (after 账户资金异常, a
  // hand-over whose type how_long refines, it asks about that case).
  EXPECT_TRUE(names_type(cues.read("你们什么时候能处理完"), "how_long"));
  EXPECT_TRUE(names_type(cues.read("钱什么时候能退回来", "invest", "failed"), "how_long"));
  // Control: when something starts is no question of how long.
  EXPECT_FALSE(names_type(cues.read("什么时候开始算利息"), "how_long"));
}

}  // namespace
}  // namespace faqbot::bot
