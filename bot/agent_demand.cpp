#include "bot/agent_demand.h"

#include "bot/word_lists.h"

namespace faqbot::bot {
namespace {

// The bot's advice, or the attempt just made, referred to.
constexpr std::string_view kAdvice[] = {"你说的", "按你说", "照你说", "按照你说", "你教的", "你给的方法", "你的方法",
                                        "你给的步骤", "你的步骤", "按你的", "照你的", "你的提示", "你的办法", "你这回答", "你的回答", "你讲的", "你讲嘅",
                                        "跟刚才一", "和刚才一", "同头先一",
                                        "your steps", "your instructions", "your answer", "your suggestion",
                                        "what you said", "you told me", "you said"};
// Failure told after trying. No bare 唔得: 唔得闲 (not free) tells no failure;
// 没用 is read by says_no_use below.
constexpr std::string_view kFailed[] = {"还是不行", "不管用", "没效果", "解决不了", "还是失败",
                                        "还是提示", "还是绑不上", "还是登不上", "还是进不去", "都不行", "都失败",
                                        "仲系唔得", "都唔得", "still fails", "doesn't work", "does not work", "didn't work",
                                        "did not work", "didn't help", "not working"};
// Release of an account or money held.
constexpr std::string_view kRelease[] = {"解冻", "解封", "解锁", "解开", "解除冻结", "解除限制", "unlock",
                                         "unfreeze", "unblock"};
// At once, not some day.
constexpr std::string_view kAtOnce[] = {"马上", "立刻", "立即", "赶紧", "赶快", "即刻", "今天之内", "今天必须",
                                        "必须给我", "现在就", "right now", "immediately", "asap"};

// The legal identity an account is held under: only the back office changes it.
constexpr std::string_view kLegalIdentity[] = {"姓名", "实名", "身份证号", "身份证信息", "改了名", "改名了",
                                               "名字改了", "改过名", "新名字", "legal name"};
// A change asked of us, to be done for the asker.
constexpr std::string_view kChangeForMe[] = {"帮我更新", "帮我改", "帮我修改", "帮我变更", "帮我换", "给我改",
                                             "给我更新", "给我修改", "给我换", "你们改", "你们更新", "你们修改",
                                             "替我改", "帮忙改", "帮忙更新", "帮忙修改", "update it for me",
                                             "change it for me"};

// 没用 / 没有用 ("no use") told, but not 没用过 / 没用完 / 没有用掉 (not used yet).
bool says_no_use(std::string_view text) {
  constexpr std::string_view kNoUse[] = {"没用", "没有用"};
  constexpr std::string_view kNotUsedYet[] = {"过", "完", "掉", "光", "上"};
  for (std::string_view phrase : kNoUse) {
    for (std::size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
      const std::string_view after = text.substr(at + phrase.size());
      bool not_used_yet = false;
      for (std::string_view next : kNotUsedYet) not_used_yet = not_used_yet || after.substr(0, next.size()) == next;
      if (!not_used_yet) return true;
    }
  }
  return false;
}

}  // namespace

bool bot_steps_failed(std::string_view text) {
  return holds_any(text, kAdvice) && (holds_any(text, kFailed) || says_no_use(text));
}

bool demands_release_now(std::string_view text) { return holds_any(text, kRelease) && holds_any(text, kAtOnce); }

bool asks_legal_identity_change(std::string_view text) {
  return holds_any(text, kLegalIdentity) && holds_any(text, kChangeForMe);
}

}  // namespace faqbot::bot
