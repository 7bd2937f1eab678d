#include "bot/policy.h"

#include <algorithm>

#include "bot/balance_story.h"
#include "bot/charge_story.h"
#include "bot/contact_question.h"
#include "bot/limit_direction.h"
#include "bot/takeover_story.h"
#include "bot/wait_story.h"
#include "retrieval/runner_up.h"

namespace faqbot::bot {
namespace {

using knowledge::HandoffMode;

bool is_hand(HandoffMode m) { return m == HandoffMode::kHand || m == HandoffMode::kHandPriority; }

// A rule refusal (Decision::refusal) saying the question is outside the
// platform's business: the default reply of out_of_scope.json's domain rules.
// A lookup's refusal is not one: an agent can look the record up.
bool is_not_ours_refusal(const std::string& refusal) { return refusal == "scope_refusal"; }

}  // namespace

bool is_clear_match(double top, double runner_up, double out_of_scope, const Thresholds& t) {
  return top * (1.0 - out_of_scope) >= t.answer && top - runner_up >= t.margin;
}

double competing_runner_up(const std::vector<retrieval::Candidate>& candidates) {
  return retrieval::competing_runner_up_of(candidates.size(),
                                           [&](size_t i) -> const retrieval::Candidate& { return candidates[i]; });
}

double competing_runner_up(const std::vector<const retrieval::Candidate*>& candidates) {
  return retrieval::competing_runner_up_of(candidates.size(),
                                           [&](size_t i) -> const retrieval::Candidate& { return *candidates[i]; });
}

Decision Policy::decide(const retrieval::SearchResult& result, const knowledge::KnowledgeBase& kb,
                        const Conversation& conversation, const Signals& signals) const {
  Decision d = decide_by_rules(result, kb, conversation, signals);
  // Every answer counts toward the repeated-question handoff, whichever rule
  // chose its entry (5, 5b, 2c-2f, 4a): the same entry, small talk aside,
  // answered `answers_before_handoff` times in a session goes to a human.
  if (d.action != Action::kAnswer) return d;
  const knowledge::Entry* answered = kb.find(d.faq_id);
  if (answered == nullptr || answered->category == "smalltalk") return d;
  auto it = conversation.asks_per_entry.find(d.faq_id);
  const int before = it == conversation.asks_per_entry.end() ? 0 : it->second;
  if (before + 1 < t_.answers_before_handoff) return d;
  d.action = Action::kHandoff;
  d.reason = HandoffReason::kRepeatedQuestion;
  d.priority = Priority::kNormal;
  d.offer_human = false;
  return d;
}

Decision Policy::decide_by_rules(const retrieval::SearchResult& result, const knowledge::KnowledgeBase& kb,
                                 const Conversation& conversation, const Signals& signals) const {
  // Candidates the knowledge base knows, best first.
  std::vector<const retrieval::Candidate*> cands;
  for (const retrieval::Candidate& c : result.candidates) {
    if (kb.find(c.id) != nullptr) cands.push_back(&c);
  }
  const retrieval::Candidate* top = cands.empty() ? nullptr : cands[0];
  const knowledge::Entry* entry = top ? kb.find(top->id) : nullptr;
  const double top_conf = top ? top->confidence : 0.0;
  const double runner_up = competing_runner_up(cands);
  // "Out of scope" is a competing hypothesis, not a veto: it wins only when
  // it is more probable than the best entry being the right one.
  // P(the top entry is right) x P(some entry answers): both calibrated by the
  // retriever; out of scope lowers the confidence in an answer instead of
  // vetoing it, so a clearly matching entry is answered despite a look-alike
  // out-of-scope example.
  const double answerable = top_conf * (1.0 - result.out_of_scope);
  const bool clear_match = is_clear_match(top_conf, runner_up, result.out_of_scope, t_);
  // 5b. The base model agrees: see policy.h. Never for another company's
  // product or a kind we do not offer named (checked here), nor for a hand
  // entry (rule 4 or clarify), nor past a sibling too close (rule 5's margin).
  const bool base_agrees = top && !clear_match && result.other_product.empty() &&
                           result.other_kind.empty() && top_conf >= t_.agree_answer &&
                           result.base_choice == top->id && result.base_margin >= t_.agree_margin &&
                           top_conf - runner_up >= t_.margin && !is_hand(entry->handoff) &&
                           result.out_of_scope < t_.agree_out_of_scope;
  const bool out_of_scope = result.out_of_scope >= t_.out_of_scope && !clear_match && !base_agrees;
  const bool plausible = top && !out_of_scope && (top_conf >= t_.clarify || base_agrees);

  Decision d;
  d.confidence = top_conf;
  if (plausible) d.faq_id = top->id;

  auto handoff = [&](HandoffReason reason, Priority priority) {
    d.action = Action::kHandoff;
    d.reason = reason;
    d.priority = priority;
    return d;
  };
  // For a handoff the investor asked for, the best entry is a hint for the
  // agent (and its priority counts) when retrieval believes in it more than
  // in "out of scope".
  const bool hint = top && top_conf >= t_.clarify && top_conf > result.out_of_scope;
  const bool priority_topic = hint && entry->handoff == HandoffMode::kHandPriority;

  // 1-2. The investor's own words decide first. The handoff is about the
  // signal's entry, unless retrieval believes in a money-at-risk entry (a
  // hand entry other than the signal entries): that is the ticket's topic.
  if (signals.any() && hint) d.faq_id = top->id;
  const bool money_at_risk = hint && is_hand(entry->handoff) && top->id != entries_.abuse &&
                             top->id != entries_.complaint && top->id != entries_.human;
  // 2a's entry when the message tells a charge gone wrong: what a signal's
  // handoff is about too, as a money-at-risk entry retrieval believes in is.
  const knowledge::Entry* wrong_charge =
      t_.charge_abnormal_entry.empty() ? nullptr : kb.find(t_.charge_abnormal_entry);
  if (wrong_charge && !tells_charge_gone_wrong(result.normalized) && !tells_balance_shrank(result.normalized) &&
      !tells_account_taken(result.normalized) && !tells_money_frozen_unexplained(result.normalized)) {
    wrong_charge = nullptr;
  }
  auto signal_handoff = [&](const std::string& signal_entry, HandoffReason reason,
                            Priority priority) {
    if (wrong_charge) {
      d.faq_id = wrong_charge->id;
    } else if (!money_at_risk && !signal_entry.empty() && kb.find(signal_entry) != nullptr) {
      d.faq_id = signal_entry;
    }
    return handoff(reason, priority);
  };
  // A complaint is filed as one however it is worded; hostility without one
  // (insults, anger) is the abuse entry's business.
  const std::string& upset_entry = signals.complaint ? entries_.complaint : entries_.abuse;
  if (signals.abuse) return signal_handoff(upset_entry, HandoffReason::kAbuse, Priority::kHigh);
  if (signals.anger) return signal_handoff(upset_entry, HandoffReason::kAnger, Priority::kHigh);
  if (signals.complaint) {
    return signal_handoff(entries_.complaint, HandoffReason::kComplaint, Priority::kHigh);
  }
  if (signals.human_request) {
    return signal_handoff(entries_.human, HandoffReason::kExplicitRequest,
                          priority_topic ? Priority::kHigh : Priority::kNormal);
  }

  // The entry's own confidence, when retrieval ranks it at all.
  auto hand_with = [&](const knowledge::Entry& e) {
    d.faq_id = e.id;
    d.confidence = 0;
    for (const retrieval::Candidate* c : cands) {
      if (c->id == e.id) d.confidence = c->confidence;
    }
    return handoff(HandoffReason::kEntry,
                   e.handoff == HandoffMode::kHandPriority ? Priority::kHigh : Priority::kNormal);
  };

  // 2a. Money taken twice by a charge, or taken while what it paid is still
  // shown unpaid, a balance told shrunk without the investor's doing
  // (balance_story.h), or the account told taken over (takeover_story.h): at risk, whatever retrieval ranks (repayment methods,
  // overdue, login problem).
  if (wrong_charge) return hand_with(*wrong_charge);

  // 2b. A withdrawal overdue by the investor's account: money may be at risk,
  // whatever else the message names (客服电话打不通, 周末).
  const knowledge::Entry* overdue =
      t_.overdue_withdrawal_entry.empty() ? nullptr : kb.find(t_.overdue_withdrawal_entry);
  if (overdue && tells_overdue_withdrawal(result.normalized, t_.overdue_withdrawal_days)) {
    d.faq_id = overdue->id;
    for (const retrieval::Candidate* c : cands) {
      if (c->id == overdue->id) d.confidence = c->confidence;
    }
    return handoff(HandoffReason::kEntry,
                   overdue->handoff == HandoffMode::kHandPriority ? Priority::kHigh : Priority::kNormal);
  }

  // Rules 2c-2e answer with another entry than retrieval ranks first, by
  // the entry's own confidence when retrieval ranks it at all (an apology
  // first when impatient).
  auto setting_entry = [&](const std::string& id) { return id.empty() ? nullptr : kb.find(id); };
  auto answer_instead = [&](const knowledge::Entry& e) {
    d.faq_id = e.id;
    d.confidence = 0;
    for (const retrieval::Candidate* c : cands) {
      if (c->id == e.id) d.confidence = c->confidence;
    }
    d.action = Action::kAnswer;
    d.apologize = signals.frustration;
    d.offer_human = e.handoff == HandoffMode::kOffer || d.apologize;
    return d;
  };
  const bool overdue_first = overdue && top && top->id == overdue->id;

  // 2c. A wait of hours told not arrived is no overdue withdrawal, however
  // retrieval ranks the overdue entry (its questions tell "还没到" too): it is
  // answered with the expected arrival.
  const knowledge::Entry* early = setting_entry(t_.early_withdrawal_entry);
  if (early && overdue_first && tells_wait_of_hours(result.normalized)) return answer_instead(*early);

  // 2d. A withdrawal told not arrived while someone else's has, with no
  // overdue wait told (2b comes first): the banks' difference, however
  // retrieval ranks the overdue entry.
  const knowledge::Entry* compared = setting_entry(t_.compared_arrival_entry);
  if (compared && overdue_first && compares_with_anothers_arrival(result.normalized)) {
    return answer_instead(*compared);
  }

  // 2e. Money told less or frozen after the investor's own investing is the
  // money bid waiting for the loan to fill, however retrieval ranks the
  // abnormal-funds entry (2a handed over money told gone first).
  const knowledge::Entry* full_bid = setting_entry(t_.full_bid_entry);
  if (full_bid && top && top->id == t_.charge_abnormal_entry && tells_own_investing_then_less(result.normalized)) {
    return answer_instead(*full_bid);
  }

  // A fallback; the `fallbacks_before_handoff`-th in a row becomes a handoff,
  // unless `not_ours`: a question refused as someone else's business is
  // told so each time (a human could not answer it either) and hands nothing
  // over (update_conversation() does not count it).
  auto fallback = [&](bool not_ours = false) {
    d.faq_id.clear();
    if (!not_ours && conversation.consecutive_fallbacks + 1 >= t_.fallbacks_before_handoff) {
      return handoff(HandoffReason::kRepeatedFallback, Priority::kNormal);
    }
    d.action = Action::kFallback;
    d.offer_human = true;
    return d;
  };

  // 1b. Impatience: a clear question is answered (with an apology first and a
  // human offered); the rest goes to a human at once, as anger does.
  if (signals.frustration) {
    const bool answerable_here = plausible && clear_match && !is_hand(entry->handoff) &&
                                 result.other_product.empty();
    if (!answerable_here) return handoff(HandoffReason::kAnger, Priority::kHigh);
    d.apologize = true;
  }

  // 3. Out of scope or nothing plausible; 3b. someone else's product: a
  // question about it is not ours however well it matches our entries.
  if (!result.other_product.empty()) {
    fallback(/*not_ours=*/true);
    d.other_product = result.other_product;
    return d;
  }
  if (!plausible) {
    fallback(/*not_ours=*/out_of_scope && is_not_ours_refusal(result.refusal));
    // Refused by a rule (a lookup, a domain): said as such, not as a
    // question no entry was found for.
    if (d.action == Action::kFallback && out_of_scope) d.refusal = result.refusal;
    return d;
  }

  // 2f. A limit asked of money moved in or out is that direction's limit,
  // however retrieval ranks the other direction's or a loan's amount (entries
  // of the same type): the direction named last decides.
  if (const MoneyDirection dir = limit_direction(result.normalized); dir != MoneyDirection::kNone) {
    const knowledge::Entry* wanted =
        setting_entry(dir == MoneyDirection::kIn ? t_.inflow_limit_entry : t_.outflow_limit_entry);
    const bool same_type = wanted && (top->id == t_.inflow_limit_entry || top->id == t_.outflow_limit_entry ||
                                      (!wanted->type.empty() && entry->type == wanted->type));
    if (same_type && top->id != wanted->id) {
      for (const retrieval::Candidate* c : cands) {
        if (c->id == wanted->id) return answer_instead(*wanted);
      }
    }
  }

  // 4a. A number asked of the service ("人工客服电话", "你们有人工电话吗"):
  // read as the contact entry itself, the human entry or another entry of
  // the contact entry's topic that hands nothing over (the service hours),
  // it is the contact entry's question when retrieval finds that entry
  // plausible (at least clarify): asking for a number is not ambiguous. With
  // the contact entry itself first, the number must be asked of us (人工,
  // 客服, 你们 …): a number of someone else is not our contact's question.
  // A request for a human was handed over above (2); a complaint (a hand
  // entry) stays one.
  const knowledge::Entry* contact = t_.contact_entry.empty() ? nullptr : kb.find(t_.contact_entry);
  const bool read_in_contact_topic = contact && entry->topic == contact->topic &&
                                     (top->id == entries_.human || !is_hand(entry->handoff));
  const bool asked_of_us = contact && (top->id != contact->id || names_our_service(result.normalized));
  if (read_in_contact_topic && asked_of_us && asks_for_a_number(result.normalized)) {
    for (const retrieval::Candidate* c : cands) {
      if (c->id != contact->id || c->confidence < t_.clarify) continue;
      d.faq_id = contact->id;
      d.confidence = c->confidence;
      d.action = Action::kAnswer;
      d.offer_human = contact->handoff == HandoffMode::kOffer || d.apologize;
      return d;
    }
  }

  // 4. Entries that go to a human at once. No margin over a sibling is
  // needed: money at risk told as a story ("上周五提的5000 到周二还没到账")
  // reads close to its general siblings (arrival time), and between handing
  // the case to a person and asking which question was meant, the person is
  // the safe side; a wrong handoff costs an agent a minute, not the investor
  // a wrong answer. For the same reason "out of scope" only has to be less
  // probable than the entry, not to leave answerable >= handoff_entry.
  const bool hand_evidence = answerable >= t_.handoff_entry ||
                             (top_conf >= t_.handoff_entry && top_conf > result.out_of_scope);
  if (is_hand(entry->handoff) && hand_evidence) {
    return handoff(HandoffReason::kEntry, priority_topic ? Priority::kHigh : Priority::kNormal);
  }

  // 5. A confident answer. A hand entry's text says the investor is being
  // transferred, so it goes out only with a handoff (4), never as an answer.
  if ((clear_match || base_agrees) && !is_hand(entry->handoff)) {
    d.action = Action::kAnswer;
    d.offer_human = entry->handoff == HandoffMode::kOffer || d.apologize;
    return d;
  }

  // 6. Plausible but unsure: suggestions.
  for (const retrieval::Candidate* c : cands) {
    if (static_cast<int>(d.suggestions.size()) >= t_.max_suggestions) break;
    if (c == top || c->confidence >= t_.suggestion) d.suggestions.push_back(*c);
  }
  d.action = Action::kClarify;
  return d;
}

void update_conversation(Conversation& conversation, const Decision& decision,
                         const std::string& question) {
  conversation.last_question = question;
  switch (decision.action) {
    case Action::kAnswer:
      conversation.consecutive_fallbacks = 0;
      conversation.last_faq_id = decision.faq_id;
      ++conversation.asks_per_entry[decision.faq_id];
      break;
    case Action::kClarify:
      conversation.last_faq_id.clear();
      break;
    case Action::kFallback:
      if (decision.other_product.empty() && !is_not_ours_refusal(decision.refusal)) {
        ++conversation.consecutive_fallbacks;
      }
      conversation.last_faq_id.clear();
      break;
    case Action::kHandoff:
      conversation.consecutive_fallbacks = 0;
      conversation.last_faq_id = decision.faq_id;
      if (decision.reason == HandoffReason::kRepeatedQuestion) {
        conversation.asks_per_entry.erase(decision.faq_id);
      }
      break;
  }
}

}  // namespace faqbot::bot
