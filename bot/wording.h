#pragma once
// Wording of a reply: turns a policy Decision into the text sent to the
// investor (before the guard): the entry's answer, canned replies from
// replies.json (with built-in house-style defaults for absent keys), runtime
// variables and the investor's name. Immutable; thread-safe.
//
// Canned reply keys used (replies.json):
//   fallback, clarify_prompt, handoff_notice    (required by lint)
//   handoff_priority_notice  high-priority handoff   (default: apology + handoff_notice)
//   fallback_handoff         opens a handoff after repeated fallbacks
//   handoff_anger_notice     anger/abuse handoff (default: apology + notice)
//   apology                  opens anger/abuse handoffs (default built in)
//   impatience_apology       opens an answer to an impatient investor
//                            (Decision::apologize; default built in)
//   too_long                 instead of the fallback when an over-long message
//                            (> max_input_chars) finds no answer
//   other_product            fallback about another company's product ({product}:
//                            its name; default built in)
//   lookup_refusal           fallback for a question an out_of_scope.json
//                            "lookups" rule refused: records only an agent
//                            can see (default built in)
//   scope_refusal            fallback for a question an out_of_scope.json
//                            "domains" rule refused: a need outside the
//                            platform's service, small talk (default built in)
//   (any key)                a rule's own "reply" (Decision::refusal); a key
//                            without text says the fallback
//   offer_human              line appended to `offer` answers and to answers
//                            that open with impatience_apology
//   pii_warning              prepended when personal data was typed (card,
//                            ID or phone number, password, SMS code)
//   long_number_notice       prepended when only a long number was masked
//                            (12+ digits that are no card, ID or phone number)
//   empty_input              reply to an empty message
//   closing                  closing courtesies, one a line: stripped from the
//                            end of answers, then one said every third answer,
//                            in turn (closing_for)
//   repeat_answer            instead of an answer the investor was just given
#include <string>
#include <string_view>
#include <vector>

#include "bot/engine.h"
#include "bot/policy.h"
#include "knowledge/knowledge_base.h"

namespace faqbot::bot {

// Canned reply `key` rendered with the knowledge base's variables, or the
// built-in default for that key when the knowledge base has none.
std::string canned(const knowledge::KnowledgeBase& kb, const std::string& key);

// Fills {customer}, {queue_position}, {reply_time}, {agent}, {phone_tail} from `vars`. A sentence
// holding one of them without a value is dropped, so no placeholder reaches
// an investor. {customer} without a name becomes 您.
std::string fill_runtime(std::string_view text, const RuntimeVars& vars);

// "王先生您好，…": a leading 您好 gets the name; else, on the first turn of
// a conversation, "王先生您好，" is put in front. No name: text unchanged.
std::string address_customer(std::string_view text, const std::string& customer_name,
                             bool first_turn);

// `text` without a leading 您好 greeting ("您好，…" -> "…"): the investor is
// greeted once per conversation.
std::string drop_greeting(std::string_view text);

// An answer to an impatient investor (Decision::apologize): the
// impatience_apology line, then `text` without its leading 您好 (the apology
// is the greeting).
std::string open_with_apology(const knowledge::KnowledgeBase& kb, std::string_view text);

// The alternatives of a multi-line canned reply, one a line, blanks skipped.
std::vector<std::string> alternatives(const std::string& text);

// `answer` without a closing courtesy (one of `closings`) at its end; a
// comma left before it becomes a full stop.
std::string strip_closing(std::string_view answer, const std::vector<std::string>& closings);

// The closing courtesy to append to the conversation's answer number
// `answers_before` (0-based): one every third answer (the third, sixth …),
// the alternatives in turn; "" otherwise.
std::string closing_for(int answers_before, const std::vector<std::string>& closings);

// The reply text for `d` (not yet guarded, runtime variables not yet filled).
// A handoff for an entry marked hand / hand_priority says the entry's answer
// (the operator's holding reply); other handoffs say handoff_notice (or
// handoff_priority_notice), after an apology for anger and abuse.
// `answer_note` (e.g. a computed expected day, bot/dated_answers.h) follows
// the entry's answer when d is an answer; "" adds nothing.
std::string compose(const knowledge::KnowledgeBase& kb, const Decision& d,
                    const std::string& answer_note = "");

}  // namespace faqbot::bot
