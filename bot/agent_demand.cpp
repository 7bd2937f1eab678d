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
// Failure told after trying.
constexpr std::string_view kFailed[] = {"还是不行", "还是没用", "没用", "不管用", "没效果", "解决不了", "还是失败",
                                        "还是提示", "还是绑不上", "还是登不上", "还是进不去", "还是一样", "都不行", "都失败", "还是失败",
                                        "仲系唔得", "唔得", "still fails", "doesn't work", "does not work", "didn't work",
                                        "did not work", "didn't help", "not working"};
// Release of an account or money held.
constexpr std::string_view kRelease[] = {"解冻", "解封", "解锁", "解开", "解除冻结", "解除限制", "unlock",
                                         "unfreeze", "unblock"};
// At once, not some day.
constexpr std::string_view kAtOnce[] = {"马上", "立刻", "立即", "赶紧", "赶快", "即刻", "今天之内", "今天必须",
                                        "必须给我", "现在就", "right now", "immediately", "asap"};

}  // namespace

bool bot_steps_failed(std::string_view text) { return holds_any(text, kAdvice) && holds_any(text, kFailed); }

bool demands_release_now(std::string_view text) { return holds_any(text, kRelease) && holds_any(text, kAtOnce); }

}  // namespace faqbot::bot
