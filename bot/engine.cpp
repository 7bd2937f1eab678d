// The Engine implementation: the respond() pipeline
//   input checks -> PII masking -> signals -> retrieval (with follow-up
//   context) -> policy -> wording -> guard -> conversation update.
#include <optional>
#include <utility>

#include "bot/dated_answers.h"
#include "bot/engine.h"
#include "bot/followup.h"
#include "bot/followup_cues.h"
#include "bot/guard.h"
#include "bot/pii.h"
#include "bot/policy.h"
#include "bot/settings.h"
#include "bot/signals.h"
#include "knowledge/utf8.h"
#include "bot/wording.h"

namespace faqbot::bot {
namespace {

constexpr size_t kMaxCandidates = 3;  // candidates returned with a non-clarify reply

class EngineImpl final : public Engine {
 public:
  EngineImpl(std::shared_ptr<const knowledge::KnowledgeBase> kb,
             std::shared_ptr<const retrieval::Retriever> retriever, EngineSettings settings)
      : kb_(std::move(kb)),
        retriever_(std::move(retriever)),
        settings_(std::move(settings)),
        policy_(settings_.thresholds, settings_.signal_entries),
        guard_(kb_->hedge, canned(*kb_, "fallback")),
        cues_(*kb_, *retriever_),
        signals_(settings_.signals) {}

  const knowledge::KnowledgeBase& kb() const override { return *kb_; }
  const retrieval::Retriever& retriever() const override { return *retriever_; }
  const EngineSettings& settings() const override { return settings_; }

  std::string guard(std::string_view text) const override { return guard_.apply(text); }

  Reply respond(Conversation& conversation, std::string_view text) const override;
  std::optional<Reply> answer_entry(Conversation& conversation,
                                    std::string_view entry_id) const override;

 private:
  // The policy, wording and conversation update of respond(), for a message
  // already read: `query` is the masked text, `reading` its retrieval.
  Reply decide(Conversation& conversation, Reply reply, const PiiScan& pii,
               const std::string& query, const Signals& signals, Reading reading) const;

  // An answer with the entry answered just before (small talk aside) to a
  // message that asks it again (asks_again: read on its own, nothing new
  // named). A follow-up asking something new of the same entry ("充值支持哪些
  // 方式" → "那支付宝呢") is answered again instead.
  bool repeats_last_answer(const Decision& d, const Conversation& c, const Reading& r) const {
    if (d.action != Action::kAnswer || d.faq_id.empty() || d.faq_id != c.last_faq_id) return false;
    const knowledge::Entry* e = kb_->find(d.faq_id);
    return e && e->category != "smalltalk" && asks_again(cues_, r, c);
  }

  // The text of `d` (see wording.h): an entry's answer without the closing
  // courtesy it was written with, then `note` (dated_answers.h), a closing
  // said every third answer in turn;
  // the same question asked again (`repeat`) is told so instead.
  std::string word_decision(const Decision& d, const Conversation& c, const std::string& note,
                            bool repeat) const {
    if (repeat) return canned(*kb_, "repeat_answer");
    const knowledge::Entry* e = d.faq_id.empty() ? nullptr : kb_->find(d.faq_id);
    if (d.action != Action::kAnswer || !e || e->category == "smalltalk") return compose(*kb_, d, note);
    const std::vector<std::string> closings = alternatives(canned(*kb_, "closing"));
    std::string out = strip_closing(kb_->render(e->answer), closings);
    if (!note.empty()) out += "\n" + note;
    int answers_before = 0;
    for (const auto& [id, n] : c.asks_per_entry) answers_before += n;
    out += closing_for(answers_before, closings);
    if (d.offer_human) out += "\n" + canned(*kb_, "offer_human");
    return out;
  }

  // The follow_ups of `faq_id` that exist and are active on `today`.
  std::vector<Suggestion> related_entries(const std::string& faq_id, const knowledge::CivilDate& today) const {
    std::vector<Suggestion> out;
    const knowledge::Entry* e = kb_->find(faq_id);
    if (!e) return out;
    for (const std::string& id : e->follow_ups) {
      const knowledge::Entry* f = kb_->find(id);
      if (!f || id == faq_id || !f->active_on(today) || f->questions.empty()) continue;
      Suggestion s;
      s.faq_id = id;
      s.question = f->questions[0];
      out.push_back(std::move(s));
    }
    return out;
  }

  Suggestion suggestion(const retrieval::Candidate& c) const {
    Suggestion s;
    s.faq_id = c.id;
    s.score = c.confidence;
    const knowledge::Entry* e = kb_->find(c.id);
    if (e && !e->questions.empty()) s.question = e->questions[0];
    return s;
  }

  std::shared_ptr<const knowledge::KnowledgeBase> kb_;
  std::shared_ptr<const retrieval::Retriever> retriever_;
  EngineSettings settings_;
  Policy policy_;
  Guard guard_;
  CueReader cues_;  // the operator's follow-up cues, normalised
  SignalDetector signals_;  // settings_.signals, compiled
};

Reply EngineImpl::respond(Conversation& conversation, std::string_view text) const {
  Reply reply;
  // Input checks: ill-formed bytes and control characters dropped, blank = empty.
  const std::string clean = utf8::trim(utf8::sanitize(text));
  if (content_length(clean) == 0) {
    const bool first_turn = !conversation.greeted;
    conversation.greeted = true;  // by this reply, whatever it says
    RuntimeVars vars;
    vars.customer = conversation.customer_name;
    reply.action = Action::kFallback;
    reply.masked_question = mask_pii(clean).masked;
    std::string out = canned(*kb_, "empty_input");
    if (!first_turn) out = drop_greeting(out);
    reply.text = guard_.apply(fill_runtime(address_customer(out, conversation.customer_name, first_turn), vars));
    return reply;
  }

  // Personal data masked before anything else sees the text.
  const PiiScan pii = mask_pii(clean);
  reply.pii_detected = pii.found();
  reply.masked_question = pii.masked;
  const std::string query = utf8::truncate(pii.masked, settings_.max_input_chars);

  const std::string normalized = retriever_->normalize(query);
  const Signals signals = signals_.detect(query, normalized);
  Reading reading = read_message(*retriever_, *kb_, cues_, query, conversation,
                                       settings_.thresholds, settings_.top_k,
                                       settings_.followup_max_chars);
  return decide(conversation, std::move(reply), pii, query, signals, std::move(reading));
}

std::optional<Reply> EngineImpl::answer_entry(Conversation& conversation,
                                              std::string_view entry_id) const {
  const knowledge::Entry* entry = kb_->find(std::string(entry_id));
  if (entry == nullptr || entry->questions.empty()) return std::nullopt;
  // The choice is read as the entry's own question matched for certain:
  // the policy still hands over for a hand entry or a third ask, and the
  // conversation's slots follow the entry; nothing is searched.
  Reading reading;
  reading.question = retriever_->normalize(entry->questions[0]);
  reading.result.normalized = reading.question;
  retrieval::Candidate chosen;
  chosen.id = entry->id;
  chosen.confidence = 1.0;
  reading.result.candidates.push_back(chosen);
  drop_inactive(reading.result, *kb_, kb_->calendar.now().date);
  if (reading.result.candidates.empty()) return std::nullopt;  // not in force today
  PiiScan pii;
  pii.masked = entry->questions[0];
  Reply reply;
  reply.masked_question = pii.masked;
  return decide(conversation, std::move(reply), pii, pii.masked, Signals{}, std::move(reading));
}

Reply EngineImpl::decide(Conversation& conversation, Reply reply, const PiiScan& pii,
                         const std::string& query, const Signals& signals, Reading reading) const {
  const bool first_turn = !conversation.greeted;
  conversation.greeted = true;  // by this reply, whatever it says
  RuntimeVars vars;
  vars.customer = conversation.customer_name;
  const knowledge::LocalTime now = kb_->calendar.now();
  drop_inactive(reading.result, *kb_, now.date);
  // The base model's agreement (policy rule 5b) speaks for the message as
  // sent, not for its rewrite in the conversation's context: a follow-up
  // that the context reads as out of scope ("收益要交税吗") stays so.
  if (reading.in_context()) reading.result.forget_base_choice();
  Decision d = policy_.decide(reading.result, *kb_, conversation, signals);

  const bool repeat = repeats_last_answer(d, conversation, reading);
  std::string out = word_decision(
      d, conversation, d.action == Action::kAnswer ? timed_note(*kb_, d.faq_id, now) : "", repeat);
  if (!first_turn) out = drop_greeting(out);  // greeted once per conversation
  if (d.apologize) out = open_with_apology(*kb_, out);
  const bool truncated = query.size() < pii.masked.size();
  if (truncated && d.action == Action::kFallback) {
    const std::string too_long = kb_->reply("too_long");
    if (!too_long.empty()) out = too_long;
  }
  if (pii.found()) {
    out = canned(*kb_, pii.sensitive() ? "pii_warning" : "long_number_notice") + "\n" + out;
  }
  out = address_customer(out, conversation.customer_name, first_turn);
  reply.text = guard_.apply(fill_runtime(out, vars));

  reply.action = d.action;
  reply.confidence = d.confidence;
  reply.offer_human = d.offer_human;
  reply.handoff_reason = d.reason;
  reply.priority = d.priority;
  if (d.action == Action::kFallback) reply.refusal = d.other_product.empty() ? d.refusal : "other_product";
  if (d.action == Action::kAnswer || d.action == Action::kHandoff) reply.faq_id = d.faq_id;
  if (repeat) reply.offer_human = reply.repeated = true;
  if (d.action == Action::kAnswer) reply.related = related_entries(d.faq_id, now.date);
  if (d.action == Action::kClarify) {
    for (const retrieval::Candidate& c : d.suggestions) reply.candidates.push_back(suggestion(c));
  } else {
    for (const retrieval::Candidate& c : reading.result.candidates) {
      if (reply.candidates.size() >= kMaxCandidates) break;
      if (kb_->find(c.id)) reply.candidates.push_back(suggestion(c));
    }
  }
  if (d.action == Action::kFallback && d.refusal.empty() && d.other_product.empty()) {
    for (const Suggestion& s : reply.candidates) {
      const knowledge::Entry* e = kb_->find(s.faq_id);
      if (s.score >= settings_.thresholds.suggestion && e && e->category != "smalltalk") {
        reply.fallback_offers.push_back(s);
      }
    }
  }

  // The question a later follow-up is read against, and the slots: those of
  // the last turn answered with an entry other than small talk. A follow-up
  // read in context is remembered as its rewrite ("充值是不是要收手续费").
  const knowledge::Entry* entry = d.faq_id.empty() ? nullptr : kb_->find(d.faq_id);
  const bool answered = entry && (d.action == Action::kAnswer || d.action == Action::kHandoff);
  const bool small_talk = entry && entry->category == "smalltalk";
  std::string remembered = conversation.last_question;
  if (answered && !small_talk) {
    // Normalising drops separators ("6222.0202…" becomes one run of
    // digits): mask again, so the stored state never holds a number.
    remembered = mask_pii(reading.question.empty() ? query : reading.question).masked;
  }
  const std::string topic_entry = conversation.last_faq_id;
  update_conversation(conversation, d, remembered);
  if (small_talk && d.action == Action::kAnswer) conversation.last_faq_id = topic_entry;
  if (answered && !small_talk) remember_slots(conversation, *kb_, *entry, cues_.read(remembered));
  // A clarify offering one entry, not small talk, is the bot's one reading
  // of the question: a follow-up is read in its topic and type, the question
  // as asked its last question (nothing was answered: last_faq_id stays
  // empty).
  if (d.action == Action::kClarify && d.suggestions.size() == 1) {
    const knowledge::Entry* offered = kb_->find(d.suggestions[0].id);
    if (offered != nullptr && offered->category != "smalltalk") {
      conversation.last_question = mask_pii(reading.question.empty() ? query : reading.question).masked;
      remember_slots(conversation, *kb_, *offered, cues_.read(conversation.last_question));
    }
  }
  return reply;
}

}  // namespace

std::string Engine::word(std::string_view text, const RuntimeVars& vars) const {
  std::string out = kb().render(std::string(text));
  out = address_customer(out, vars.customer, /*first_turn=*/false);
  return guard(fill_runtime(out, vars));
}

const EngineSettings& Engine::settings() const {
  static const EngineSettings defaults;
  return defaults;
}

std::shared_ptr<const Engine> Engine::create(std::shared_ptr<const knowledge::KnowledgeBase> kb,
                                             std::shared_ptr<const retrieval::Retriever> retriever,
                                             const EngineSettings& settings) {
  if (!kb || !retriever) return nullptr;
  return std::make_shared<EngineImpl>(std::move(kb), std::move(retriever), settings);
}

}  // namespace faqbot::bot
