#pragma once
// A tiny knowledge base built in code: a few entries of each handoff mode,
// the canned replies, hedge rules and follow-up cues the engine uses.
#include <memory>
#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"
#include "knowledge/slots.h"

namespace faqbot::bot::testing {

inline knowledge::Entry entry(const std::string& id, const std::string& question,
                              const std::string& answer,
                              knowledge::HandoffMode mode = knowledge::HandoffMode::kNone) {
  knowledge::Entry e;
  e.id = id;
  e.category = id.substr(0, id.find('.'));
  e.title = question;
  e.questions = {question, question + "?"};
  e.answer = answer;
  e.handoff = mode;
  e.source_file = "kb/" + e.category + ".json";
  return e;
}

inline std::shared_ptr<knowledge::KnowledgeBase> make_kb() {
  using knowledge::HandoffMode;
  auto kb = std::make_shared<knowledge::KnowledgeBase>();
  kb->entries = {
      entry("withdraw.arrival_time", "提现多久到账", "工作日15:00前提交的提现，预计当天到账。"),
      entry("withdraw.holiday", "周末提现什么时候到账", "周末提交的提现预计下一个工作日到账。"),
      entry("withdraw.fee", "提现手续费多少", "每月前4次提现免费，之后每次2元。"),
      entry("recharge.fee", "充值收手续费吗", "{platform}不收取充值手续费。"),
      entry("withdraw.delayed", "提现超时还没到账", "非常抱歉让您久等了。",
            HandoffMode::kHandPriority),
      entry("account.login_problem", "登录不了怎么办", "请先尝试找回登录密码。",
            HandoffMode::kOffer),
      entry("service.human", "转人工", "好的。", HandoffMode::kHand),
      entry("service.complaint", "我要投诉", "非常抱歉给您带来不便。", HandoffMode::kHandPriority),
      entry("smalltalk.abuse", "骂人", "非常抱歉。", HandoffMode::kHandPriority),
      entry("smalltalk.thanks", "谢谢", "不客气，很高兴为您服务。"),
  };
  kb->replies = {
      {"fallback", "不好意思，这个问题已帮您记录，稍后请同事跟进回复您。您也可以转人工。"},
      {"clarify_prompt", "您是想问以下哪个问题？"},
      {"handoff_notice", "正在为您转接人工客服，请稍等。"},
      {"offer_human", "如需帮助可点击转人工。"},
      {"pii_warning", "请不要发送卡号、身份证号、密码或验证码。"},
      {"empty_input", "您好，请问有什么可以帮您？"},
  };
  kb->variables = {{"platform", "示例贷"}, {"hotline", "400-000-0000"}};
  kb->hedge.banned = {"保本", "保息", "稳赚"};
  kb->hedge.absolute = {"保证", "马上", "一定"};
  kb->hedge.negations = {"不", "无法", "不承诺", "没有"};
  kb->hedge.suggestions = {{"马上到账", "预计尽快到账"}, {"保证", "尽量"}, {"当天到账", "预计当天到账"}};
  // Follow-up cues (config/followup.json) for the entries above.
  kb->followup.topic_cues = {{"withdraw", {"提现", "取现"}}, {"recharge", {"充值"}}};
  kb->followup.type_cues = {{"fee", {"手续费", "收费"}},
                            {"how_long", {"多久", "几天"}},
                            {"holiday", {"周末"}}};
  kb->followup.type_of_suffix = {{"arrival_time", "how_long"}};
  kb->followup.references = {"它", "这个"};
  kb->followup.fillers = {"那", "呢", "吗", "的话"};
  kb->followup.steps.after = {"以后", "之后", "过后", "后"};
  kb->followup.steps.done = {"通过了", "通过", "成功", "完了", "过了", "过", "完", "好"};
  kb->followup.steps.then = {"接下来", "然后", "接着", "以后", "之后", "后"};
  kb->followup.steps.how_on = {"怎么", "咋", "如何"};
  knowledge::assign_slots(kb.get());
  kb->content_hash = "test";
  return kb;
}

}  // namespace faqbot::bot::testing
