#pragma once
// A scripted bot::Engine for service and HTTP tests, where the answering
// quality is not the point: keywords decide the action.
//   "转人工"  -> handoff, explicit_request, normal priority
//   "投诉"    -> handoff, complaint, high priority
//   "被骗"    -> handoff, entry, high priority
//   "提现"    -> answer withdraw.arrival_time (0.9)
//   "天气"    -> fallback
//   anything else -> clarify with two suggestions
// Every reply text starts with "[<version>]" so tests can tell engines apart.
#include <map>
#include <memory>
#include <string>

#include "bot/engine.h"
#include "bot/pii.h"
#include "knowledge/utf8.h"
#include "retrieval/retriever.h"

namespace faqbot::testing {

class NullRetriever : public retrieval::Retriever {
 public:
  retrieval::SearchResult search(std::string_view, size_t) const override { return {}; }
  double similarity(std::string_view a, std::string_view b) const override { return a == b ? 1 : 0; }
  std::string normalize(std::string_view text) const override { return std::string(text); }
};

class FakeEngine : public bot::Engine {
 public:
  // `replies`: the canned replies (replies.json) of its knowledge base.
  explicit FakeEngine(std::string version, std::map<std::string, std::string> replies = {})
      : version_(std::move(version)) {
    kb_.replies = std::move(replies);
    kb_.content_hash = "hash-" + version_;
    // A few of config/hedge.json's rules: agent replies are checked with them.
    kb_.hedge.banned = {"保本", "保本保息", "保证本金", "稳赚"};
    kb_.hedge.absolute = {"保证", "绝对", "一定", "马上"};
    kb_.hedge.negations = {"不", "无法", "不承诺"};
    kb_.entries.push_back(entry("withdraw.arrival_time", "提现多久到账", "一般预计当天到账，具体以银行处理为准。"));
    kb_.entries.push_back(entry("recharge.limit", "充值限额是多少", "充值限额以银行规定为准。"));
    kb_.entries.push_back(entry("account.password", "忘记密码怎么办", "您可以在登录页点击忘记密码。"));
  }

  const knowledge::KnowledgeBase& kb() const override { return kb_; }
  const retrieval::Retriever& retriever() const override { return retriever_; }
  std::string guard(std::string_view text) const override { return std::string(text); }

  bot::Reply respond(bot::Conversation& c, std::string_view raw) const override {
    std::string text = utf8::sanitize(raw);
    bot::Reply r;
    r.masked_question = bot::mask_pii(text).masked;
    r.pii_detected = r.masked_question != text;
    auto has = [&](const char* word) { return text.find(word) != std::string::npos; };
    if (has("投诉")) {
      r.action = bot::Action::kHandoff;
      r.handoff_reason = bot::HandoffReason::kComplaint;
      r.priority = bot::Priority::kHigh;
      r.text = "[" + version_ + "] 非常抱歉，已为您优先转接人工客服。";
    } else if (has("转人工")) {
      r.action = bot::Action::kHandoff;
      r.handoff_reason = bot::HandoffReason::kExplicitRequest;
      r.text = "[" + version_ + "] 好的，正在为您转接人工客服。";
    } else if (has("被骗")) {
      r.action = bot::Action::kHandoff;
      r.handoff_reason = bot::HandoffReason::kEntry;
      r.priority = bot::Priority::kHigh;
      r.text = "[" + version_ + "] 非常抱歉，正在为您优先转接人工客服。";
    } else if (has("提现")) {
      r.action = bot::Action::kAnswer;
      r.faq_id = "withdraw.arrival_time";
      r.confidence = 0.9;
      r.text = "[" + version_ + "] 一般预计当天到账，具体以银行处理为准。";
      r.candidates = {{"withdraw.arrival_time", "提现多久到账", 0.9}, {"recharge.limit", "充值限额是多少", 0.2}};
      r.related = {{"recharge.limit", "充值限额是多少", 0}};
      c.last_faq_id = r.faq_id;
      c.asks_per_entry[r.faq_id]++;
    } else if (has("天气")) {
      r.action = bot::Action::kFallback;
      r.text = "[" + version_ + "] 不好意思，这个问题我先记下了。";
      r.offer_human = true;
      c.consecutive_fallbacks++;
    } else {
      r.action = bot::Action::kClarify;
      r.confidence = 0.3;
      r.text = "[" + version_ + "] 请问您是想问以下哪个问题？";
      r.candidates = {{"recharge.limit", "充值限额是多少", 0.3}, {"account.password", "忘记密码怎么办", 0.25}};
    }
    c.last_question = r.masked_question;
    return r;
  }

  // A chosen entry is answered with its own answer, marked "chosen", and
  // counted as asked; unknown ids give nullopt.
  std::optional<bot::Reply> answer_entry(bot::Conversation& c, std::string_view id) const override {
    const knowledge::Entry* e = kb_.find(std::string(id));
    if (e == nullptr) return std::nullopt;
    bot::Reply r;
    r.action = bot::Action::kAnswer;
    r.faq_id = e->id;
    r.confidence = 1;
    r.masked_question = e->questions[0];
    r.text = "[" + version_ + "] chosen: " + e->answer;
    c.last_faq_id = e->id;
    c.last_question = e->questions[0];
    c.asks_per_entry[e->id]++;
    return r;
  }

 private:
  static knowledge::Entry entry(const std::string& id, const std::string& q, const std::string& a) {
    knowledge::Entry e;
    e.id = id;
    e.category = id.substr(0, id.find('.'));
    e.title = q;
    e.questions = {q};
    e.answer = a;
    return e;
  }
  std::string version_;
  knowledge::KnowledgeBase kb_;
  NullRetriever retriever_;
};

inline bot::Engine::LoadOutcome fake_load(const std::string& version,
                                          std::map<std::string, std::string> replies = {}) {
  bot::Engine::LoadOutcome out;
  out.engine = std::make_shared<FakeEngine>(version, std::move(replies));
  return out;
}

inline bot::Engine::LoadOutcome broken_load() {
  bot::Engine::LoadOutcome out;
  knowledge::Diagnostic d;
  d.file = "kb/withdraw.json";
  d.entry_id = "withdraw.arrival_time";
  d.message = "banned phrase \"保本\" in the answer";
  out.diagnostics.push_back(d);
  out.status = Status(StatusCode::kInvalidArgument, "1 error in the knowledge base");
  return out;
}

}  // namespace faqbot::testing
