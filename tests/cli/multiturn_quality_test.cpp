// The follow-up quality floors (faqbot eval --multiturn): the development set
// shared/eval/multiturn_dev.tsv and our own probe set
// tests/fixtures/multiturn_probe.tsv (written without seeing the dev set; all
// four kinds of follow-up, small talk and an out-of-catalog remark), and
// tests/fixtures/multiturn_short.tsv (the four kinds again, in customers'
// short chat style: no punctuation, 咋/啥, bare 那个/这个), and
// tests/fixtures/multiturn_fresh.tsv (written blind, before reading the
// follow-up code: the four kinds, other companies' products, typos in the
// follow-up, thanks and goodbye), and tests/fixtures/multiturn_context.tsv
// (written while extending the follow-up code, not blind: products named as a
// means of ours after a question about means, 利息 after a loan question,
// holidays, amounts and falling rates named in a follow-up, a time word
// holding 这个, a title rewrite that reads out of scope, and complete new
// questions after each, other companies' products among them), and
// tests/fixtures/multiturn_bank.tsv (written blind from the catalog in bank
// chat-log style, measured once when it landed), and
// tests/fixtures/multiturn_im.tsv (written blind from the catalog as
// investors type into an IM app, measured once when it landed), and
// tests/fixtures/multiturn_agent.tsv (written while extending the follow-up
// code, not blind: a new question of the entry just answered, long
// elliptical follow-ups, short ones the text alone answers weakly or not at
// all, complete new questions, other companies' products and small talk
// after a topic, out-of-catalog questions after a topic), and
// tests/fixtures/multiturn_slots.tsv (written from the catalog's facets while
// extending the follow-up code, not blind: a new question type after a topic
// as a verb phrase, typo'd and homophone topic words, short out-of-catalog
// remarks naming one of our types beside in-context ones, long stories as
// follow-ups), and tests/fixtures/multiturn_voice_tuned.tsv (written from
// the catalog alone, tuned: the follow-up code was extended against it; the
// contrary of the answered condition, a pronoun about the money's state,
// another company's product alone as a follow-up, typo'd and homophone topic
// words, voice notes with hesitations and no punctuation), and
// tests/fixtures/multiturn_rules.tsv (written from the catalog alone, tuned:
// the slot rules an agent follows, each beside controls: a pointer beside a
// new word of the topic, a new topic's clear rewrite, a follow-up-only cue's
// new type, a topic word that is a type's cue, other lenders' products after
// a loan question, complete new questions), and
// tests/fixtures/multiturn_pointer.tsv (written from the catalog alone,
// tuned: a pointer asking a type of its own, a time clause in a follow-up,
// each beside controls), and tests/fixtures/multiturn_kinds.tsv (written from
// the catalog and the platform's facts alone, tuned: kinds of follow-up
// customers write: the other money movement by an everyday verb phrase,
// the other password, a bid that never fills after the wait for it, early
// repayment and transfer left unnamed, a fraud already fallen for, the
// invited friend's investment, out-of-catalog questions and remarks after a
// topic, short messages the out-of-scope check flags for want of words, each
// beside controls), and tests/fixtures/multiturn_classes.tsv (written from
// the catalog and the platform's facts alone, tuned: classes of follow-up
// misses: tax after a question about returns, handing it to someone else
// after a withdrawal or an investment, telling or giving the fraudster
// something after an anti-fraud answer, 他/她/它 as pointers beside 其他/其它/
// 他人 that point nowhere, a new question type of a repayment or a coupon,
// each beside controls), and tests/fixtures/multiturn_threads.tsv (written
// from the catalog alone, tuned: a sibling named by its distinguishing
// modifier (交易的那个 after the login password), the same thread's next step
// in a longer marked message, a new topic named with a type word it has no
// entry of, a pointer as the subject beside another topic's word, the
// previous subject as the kept topic's words only, a long pointer naming
// another topic's words only as context, each beside controls), and
// tests/fixtures/multiturn_followons.tsv (written from the catalog alone in
// chat-log style for the classes of misses a held-out set showed, tuned: a
// short ellipsis asking a new type of the topic, money left while closing
// the account, a setting or the fee of the entry just answered, a new topic
// named by its verb only, a sibling named by a synonym of its modifier, a
// next step of another thread, a new topic with its type in a second
// clause, traditional script, how often a report comes out, a relative's
// case, the opposite movement, the step answered last done then how to go
// on, the kept entry asked in words of its own, another person's case, a
// long follow-up naming types refining the answer, a first question naming a
// type its topic has no entry of, a long follow-up refining the answered
// type, the account or card named as where the money goes, each beside
// complete new questions).
// These floors only ever go up: raise them when the engine improves.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <iterator>
#include <utility>
#include <vector>

#include "adapters/cli/multiturn_evaluation.h"

namespace faqbot::cli {
namespace {

constexpr double kDevFollowupFloor = 1.0;     // 40/40 when set (issue target 0.90)
constexpr double kProbeFollowupFloor = 0.98;  // 93/94 when set
constexpr double kFirstTurnFloor = 0.97;      // first turns of both sets
constexpr double kShortFollowupFloor = 0.96;  // 31/32 when set
constexpr double kShortFirstTurnFloor = 0.96; // 31/32 when set
constexpr double kFreshFollowupFloor = 0.98;  // 80/81 when set (74/81 on adding it)
constexpr double kFreshFirstTurnFloor = 0.97; // 79/81 when set
constexpr double kContextFollowupFloor = 0.95;   // 251/262 when set (236/262 before the fixes it holds)
constexpr double kContextFirstTurnFloor = 0.98;  // 259/262 when set
constexpr double kBankFollowupFloor = 0.93;   // 60/64 when set (blind until then)
constexpr double kBankFirstTurnFloor = 0.98;  // 64/64 when set
constexpr double kImFollowupFloor = 0.94;   // 66/72 when set (blind until then); 68/72 the lowest of 7 seeds since
constexpr double kImFirstTurnFloor = 0.98;  // 71/72 when set
constexpr double kAgentFollowupFloor = 0.89;   // 48/56 when set; 50/56 the lowest of 7 dense seeds since (33/56 before)
constexpr double kAgentFirstTurnFloor = 0.97;  // 56/56 when set
constexpr double kSlotsFollowupFloor = 0.84;   // 39/46 the lowest of 7 dense seeds (31/46 before the set's fixes)
constexpr double kSlotsFirstTurnFloor = 0.97;  // 46/46 when set
constexpr double kWebchatFollowupFloor = 0.88;   // 75/80 when set (blind until then), 71/80 the lowest of 7 dense seeds
constexpr double kWebchatFirstTurnFloor = 0.97;  // 78/80 the lowest of 7 dense seeds
constexpr double kVoiceBlindFollowupFloor = 0.94;   // 71/80 the lowest of 7 dense seeds when set (blind until then); 75/80 since the slot rules of sim; 76/80 at every one of 7 seeds since a pointer may ask a type of its own
constexpr double kYoungBlindFollowupFloor = 0.91;   // 73/80 the lowest of 7 dense seeds (blind until then); 74/80 shipped
constexpr double kYoungBlindFirstTurnFloor = 0.91;  // 73/80 the lowest of 7 dense seeds; 74/80 shipped
constexpr double kFeedbackBlindFollowupFloor = 0.94;   // 70/80 the lowest of 7 dense seeds when it landed (blind until then); 76/80 the lowest since the sibling, next-step and subject rules
constexpr double kFeedbackBlindFirstTurnFloor = 0.98;  // 79/80 the lowest of 7 dense seeds
constexpr double kPhoneChatBlindFollowupFloor = 0.94;   // 56/60 the lowest of 7 dense seeds when it landed (blind until then); 57/60 the lowest since the sibling and next-step rules
constexpr double kPhoneChatBlindFirstTurnFloor = 0.99;  // 60/60 at every one of 7 dense seeds
// tests/fixtures/multiturn_service_logs.tsv: written blind as customer-service
// log messages; 48/60 follow-ups and 59/60 first turns before the fixes of
// the stop it landed in, 49/60 and 58/60 when it landed (one seed measured).
constexpr double kServiceLogsBlindFollowupFloor = 0.91;  // 56/60 after the follow-up classes of issue 7 (sim helper); 0.80 before
constexpr double kServiceLogsBlindFirstTurnFloor = 0.95;
// tests/fixtures/multiturn_credit_app.tsv: written blind in the terse style
// of consumer-credit app help boxes; 51/60 follow-ups and 56/60 first turns
// before the fixes of the stop it landed in, 56/60 and 56/60 when it landed
// (one seed measured).
constexpr double kCreditAppBlindFollowupFloor = 0.91;
constexpr double kCreditAppBlindFirstTurnFloor = 0.91;
// tests/fixtures/multiturn_forum.tsv: written blind in investor-forum style;
// 58/60 follow-ups and 58/60 first turns before the fixes of the stop it
// landed in, 57/60 and 58/60 when it landed (one seed measured).
constexpr double kForumBlindFollowupFloor = 0.93;
constexpr double kForumBlindFirstTurnFloor = 0.93;
// tests/fixtures/multiturn_spoken.tsv: written blind in phone speech-to-text
// and older users' style; 52/60 follow-ups and 54/60 first turns before the
// fixes of the stop it landed in.
constexpr double kSpokenBlindFollowupFloor = 0.85;
constexpr double kSpokenBlindFirstTurnFloor = 0.88;
// tests/fixtures/multiturn_compare.tsv: written blind, investors comparing us
// with other apps and banks; 60/60 follow-ups and 58/60 first turns before
// the fixes of the stop it landed in, 60/60 and 59/60 when it landed.
constexpr double kCompareBlindFollowupFloor = 0.95;
constexpr double kCompareBlindFirstTurnFloor = 0.95;
// tests/fixtures/multiturn_hk_mixed.tsv: written blind, Cantonese-tinged and
// mixed-language (咁withdraw呢, what about the fee); 53/60 follow-ups and
// 58/60 first turns before the Cantonese and English words, 55/60 and 59/60
// when it landed.
constexpr double kMixedLanguageBlindFollowupFloor = 0.88;
constexpr double kMixedLanguageBlindFirstTurnFloor = 0.95;
// tests/fixtures/multiturn_second_turn.tsv: written blind, 15 second turns of
// each kind (new topic, new type, pronoun, unrelated question, another
// company's product, a changed condition, the investor's own case, small
// talk); 114/120 follow-ups and 120/120 first turns when it landed.
constexpr double kSecondTurnBlindFollowupFloor = 0.92;
constexpr double kSecondTurnBlindFirstTurnFloor = 0.98;
// tests/fixtures/multiturn_real_logs.tsv: written blind, bank and
// consumer-credit chat style (那体现呢, 建行呢, 这个保本吗; 8 move out of
// catalog); 55/60 follow-ups and 60/60 first turns before the fixes of the
// stop it landed in, 54/60 and 60/60 when it landed.
constexpr double kRealLogsBlindFollowupFloor = 0.85;
constexpr double kRealLogsBlindFirstTurnFloor = 0.96;
// tests/fixtures/multiturn_paraphrase.tsv: written blind, first questions
// that avoid the entry's key term and short follow-ups (那往外转呢, 要等多久);
// 41/60 follow-ups and 52/60 first turns before the fixes of the stop it
// landed in, 46/60 and 56/60 when it landed (most misses follow a first turn
// read wrong or a follow-up that names a new object of the same question).
constexpr double kParaphraseBlindFollowupFloor = 0.72;
constexpr double kParaphraseBlindFirstTurnFloor = 0.88;
// tests/fixtures/multiturn_noisy.tsv: written blind, short follow-ups typed
// on a phone (那充值呢, 这个收钱不, dh多少) with the same slips as
// probe_noisy; 52/60 follow-ups and 60/60 first turns before the fixes of the
// stop it landed in.
constexpr double kNoisyBlindFollowupFloor = 0.93;
constexpr double kNoisyBlindFirstTurnFloor = 0.96;
// tests/fixtures/multiturn_yesno.tsv: written blind, confirmations and
// challenges after a worried first question (那要是周末呢, 万一失败了呢, 不做能投吗);
// 48/60 follow-ups and 57/60 first turns before the fixes of the stop it
// landed in.
constexpr double kYesNoBlindFollowupFloor = 0.9;
constexpr double kYesNoBlindFirstTurnFloor = 0.93;
// tests/fixtures/multiturn_situations.tsv: written blind, a narrated
// situation first (周五晚上九点申请取钱 啥时候能到), then a short follow-up;
// 50/60 follow-ups and 49/60 first turns when it landed.
constexpr double kSituationsBlindFollowupFloor = 0.86;
constexpr double kSituationsBlindFirstTurnFloor = 0.78;
// tests/fixtures/multiturn_siblings.tsv: written blind, follow-ups that move
// to a confusable sibling or correct the bot (那手续费呢, 不是这个 我是说…);
// 56/60 follow-ups and 60/60 first turns when it landed.
constexpr double kSiblingsBlindFollowupFloor = 0.95;
constexpr double kSiblingsBlindFirstTurnFloor = 0.96;
// tests/fixtures/multiturn_lifestories.tsv: written blind, someone's
// circumstances first, then a short follow-up; 46/60 follow-ups and 52/60
// first turns when it landed.
constexpr double kLifeStoriesBlindFollowupFloor = 0.75;
constexpr double kLifeStoriesBlindFirstTurnFloor = 0.85;
// tests/fixtures/multiturn_circumlocutions.tsv: written blind, a thing
// described instead of named first (钱进了项目一直等着凑齐); 46/60 follow-ups
// and 54/60 first turns when it landed.
constexpr double kCircumlocutionsBlindFollowupFloor = 0.75;
constexpr double kCircumlocutionsBlindFirstTurnFloor = 0.88;
// tests/fixtures/multiturn_midconv.tsv: written blind, every kind of
// follow-up (a new topic, a new type, a pronoun, context only, a complete new
// question); 55/60 follow-ups and 60/60 first turns when it landed.
constexpr double kMidConversationBlindFollowupFloor = 0.9;
constexpr double kMidConversationBlindFirstTurnFloor = 0.96;
// tests/fixtures/multiturn_blind_customers.tsv: written blind in investors'
// chat style (issue 7), 30 each of a new topic with the same question type,
// the same topic with a new type, a pronoun or ellipsis, and a complete new
// question; 119/120 follow-ups and 120/120 first turns on main when it landed.
// tests/fixtures/multiturn_blind_customers2.tsv: written blind after it, 60
// harder lines (colloquial nouns, bare ellipses, narrated situations); 53/60
// and 53/60 first turns on main, 56/60 follow-ups with the fixes of issue 7 that
// landed with it.
constexpr double kCustomersBlindFollowupFloor = 0.98;
constexpr double kCustomersBlindFirstTurnFloor = 0.98;
constexpr double kCustomers2BlindFollowupFloor = 0.91;
constexpr double kCustomers2BlindFirstTurnFloor = 0.86;
// tests/fixtures/multiturn_whom_and_missing_type.tsv (not blind: written
// with the fixes it holds): whom to turn to (找谁) after a case, a type the
// kept topic has no entry of after a question naming no word of its topic,
// a new type after a risk question, beside chit-chat with 啥 that stays out
// of scope; 11/18 on main, 17/18 and 17/18 first turns when set.
constexpr double kWhomFollowupFloor = 0.94;
constexpr double kWhomFirstTurnFloor = 0.94;
// tests/fixtures/multiturn_blind_customers3.tsv: written blind (86 lines:
// long narrated follow-ups, pinyin abbreviations and homophone typos, a
// chit-chat clause before the question, another company's product as a
// means or as the subject, complete new questions, 2-3 word ellipses);
// 75/86 and 86/86 first turns before its fixes, 79/86 and 86/86 when set,
// 80/86 with the means after a how-to answer, 82/86 with a means asked
// yes-no (云闪付行不行) and a remark by the way before the question (等我下班
// 再弄 要手续费不). 83/86 with a credit score after a loan question read as
// the requirements (fu10): raised to 0.96.
constexpr double kCustomers3BlindFollowupFloor = 0.96;
constexpr double kCustomers3BlindFirstTurnFloor = 0.98;
// tests/fixtures/multiturn_limits_terms.tsv (not blind: the known missed
// classes of the last session, written with their fixes): 有啥限制 without a
// type word, 协商 after an overdue question, 有期限没 after an answer stating
// a validity, 最短/最长 of a term; 10/19 before, 17/19 and 19/19 when set;
// +3 lines of a product as a means after a how-to answer (one a guard):
// 20/22 and 22/22; 21/22 with whom to turn to beside a cue (找谁协商).
constexpr double kLimitsTermsFollowupFloor = 0.95;
constexpr double kLimitsTermsFirstTurnFloor = 0.95;
// tests/fixtures/multiturn_blind_customers4.tsv: written blind (69 lines in
// customers' chat style: ellipses, yes-no with another app as the means,
// 找谁/问谁/跟谁, typos, pinyin abbreviations, small-talk leads with cues,
// complete new questions, other companies' products as the subject); 57/69
// and 69/69 first turns before its fixes, 59/69 and 69/69 when set; 62/69
// with yes-no frames (能充不), means cues of ours in context (用手机银行行吗)
// and a record with another product against the requirements (花呗逾期过).
constexpr double kCustomers4BlindFollowupFloor = 0.89;
constexpr double kCustomers4BlindFirstTurnFloor = 0.98;
// tests/fixtures/multiturn_blind_customers5.tsv: written blind (78 lines in
// short chat style over every topic); 74/78 and 78/78 first turns before
// these fixes, 76/78 and 78/78 when set, with impatience about an answered
// wait (这么久啊 能不能快点) and another product's own question beside a
// means cue (信用卡审核要多久 is refused).
constexpr double kCustomers5BlindFollowupFloor = 0.97;
constexpr double kCustomers5BlindFirstTurnFloor = 0.98;
// tests/fixtures/multiturn_blind_fu5.tsv: written blind (12 lines of another
// product's own question, impatience about a wait, a failed debit's
// consequences, in new wording); 7/12 (first turns 12/12) before the fixes,
// 9/12 and 12/12 when set; 11/12 with a failed debit in other words and
// impatience tying a long message to the wait answered. 12/12 with a transfer
// between bank accounts read as a bank's service (fu10): raised to 0.99.
constexpr double kFu5BlindFollowupFloor = 0.99;
constexpr double kFu5BlindFirstTurnFloor = 0.91;
// tests/fixtures/multiturn_blind_fu6.tsv: written blind (69 lines: a failed
// debit after repayment answers, long impatience about a wait, banks' and
// other companies' own transfers and products in context, complete new
// questions, short follow-ups after long first turns); 56/69 (first turns
// 68/69) before its fixes, 66/69 and 68/69 when set.
// 67/69 with corrections, reports of a swindler and credit-score thresholds
// read (fu7). 68/69 with a bare penalty after an answer asked of its own
// penalty read as that answer's charge: raised to 0.98. 69/69 with a credit
// score after a loan question read as the requirements (fu10): raised to 0.99.
constexpr double kFu6BlindFollowupFloor = 0.99;
constexpr double kFu6BlindFirstTurnFloor = 0.98;
// tests/fixtures/multiturn_blind_fu7.tsv: written blind (72 lines: follow-ups
// after a handoff, corrections of the answer (不是这个 我问的是充值), typos
// and pinyin, sibling entries, yes-no follow-ups, other companies' products
// in context, English follow-ups, complete new questions); 63/72 (first
// turns 71/72) before its fixes, 68/72 and 71/72 when set.
// 71/72 with the narrow English lexicon and 多少能借 read as an amount (fu8).
// 72/72 with a transfer between bank accounts read as a bank's service
// (fu10): raised to 0.99.
constexpr double kFu7BlindFollowupFloor = 0.99;
constexpr double kFu7BlindFirstTurnFloor = 0.98;
// tests/fixtures/multiturn_blind_fu8.tsv: written blind (72 lines: English
// and mixed Chinese/English follow-ups (what about…, and on weekends?),
// credit-score and penalty follow-ups after loan answers, banks' and other
// companies' own transfers, typos, topic-only and type-only follow-ups,
// complete new questions, out-of-catalog follow-ups); 59/72 (first turns
// 70/72); set at 59/72 and 70/72 (the full English lexicon that read 69/72
// did not land: measured-only pooled in-scope and refused -1 each); 69/72
// with the narrow English lexicon (no grammar words rewritten to nothing).
// Raised to its figure 69/72 (fu9). 70/72 with a bare penalty after the
// early-repayment answer read as its charge (罚金收吗): raised to 0.97.
// 71/72 with a credit score after a loan question read as the requirements
// (fu10): raised to 0.98.
constexpr double kFu8BlindFollowupFloor = 0.98;
constexpr double kFu8BlindFirstTurnFloor = 0.97;
// tests/fixtures/multiturn_blind_fu9.tsv: written blind (81 lines: short
// follow-ups after a long story first turn, pronoun follow-ups with new topic
// words (那充值这个呢, 这样的话…), yes/no confirmations of the answer (就是说…
// 对吧), how long/much/what fee about a new topic, complete new questions,
// out-of-catalog follow-ups (ATM, 跨行汇款, other banks' and apps' products));
// 76/81 (first turns 79/81) before its fixes, 79/81 and 79/81 when set.
// 80/81 with a credit score after a loan question read as the requirements
// (fu10): raised to 0.98.
constexpr double kFu9BlindFollowupFloor = 0.98;
constexpr double kFu9BlindFirstTurnFloor = 0.97;
// tests/fixtures/multiturn_blind_fu10.tsv: written blind and committed before
// its first run (78 lines, widget/IM style: short elliptical follow-ups with
// typos and colloquial words, credit scores (信用分, 芝麻分) and rates (利率,
// 年化) after loan questions, a transfer between bank accounts after the
// arrival-time answer, 扣钱不 after early repayment and after recharge and
// withdrawal how-tos, when invested money comes back, topic switched keeping
// the type and type switched keeping the topic, complete new questions,
// out-of-catalog follow-ups, small talk); 66/78 (first turns 77/78) before
// its fixes, 77/78 and 77/78 when set.
constexpr double kFu10BlindFollowupFloor = 0.98;
constexpr double kFu10BlindFirstTurnFloor = 0.98;
// tests/fixtures/multiturn_means_and_whom.tsv (not blind: written with the
// fixes it holds): a product as a means asked yes-no after a methods or a
// how-to answer (three guards asking about the product itself), whom to
// turn to beside a cue (找谁协商), a remark naming another kind's cue before
// the question (等我下班再看 要收费不); 10/19 before, 19/19 and 19/19 first
// turns when set. Ten lines more (round 2): yes-no frames around the verb
// (支付宝能充不, 充不充, 能用不), a means cue of ours read in context however
// out of scope its word reads alone (手机银行行吗 after a how-to; a guard
// asking about the bank's own service), another product's record asked
// against the requirements (花呗逾期过能借吗; a guard asking about the
// product); 29/29 and 29/29 first turns when set.
constexpr double kMeansWhomFollowupFloor = 0.96;
constexpr double kMeansWhomFirstTurnFloor = 0.96;
// The follow-ups of the three measured-only blind sets (see quality_test.cpp):
// widget 55/60 and 60/60 first turns, credit log 55/60 and 60/60, hard mix
// 57/60 and 59/60 when they landed.
constexpr double kWidgetBlindFollowupFloor = 0.9;
constexpr double kWidgetBlindFirstTurnFloor = 0.96;
constexpr double kCreditLogBlindFollowupFloor = 0.9;
constexpr double kCreditLogBlindFirstTurnFloor = 0.96;
constexpr double kHardMixBlindFollowupFloor = 0.93;
constexpr double kHardMixBlindFirstTurnFloor = 0.96;
// The follow-ups of the keywords, worried and service-log blind sets (see
// quality_test.cpp), measured only: 58/60, 56/60 and 57/60 follow-ups, 60/60
// first turns each, when they landed.
constexpr double kKeywordsBlindFollowupFloor = 0.93;
constexpr double kWorriedBlindFollowupFloor = 0.9;
constexpr double kLogs2BlindFollowupFloor = 0.91;
constexpr double kKeywordsWorriedLogs2FirstTurnFloor = 0.98;
constexpr double kVoiceBlindFirstTurnFloor = 0.98;  // 79/80 at every one of 7 dense seeds
constexpr double kVoiceFollowupFloor = 0.89;    // 51/57 the lowest of 7 dense seeds when set (44/57 the lowest before the set's fixes)
constexpr double kVoiceFirstTurnFloor = 0.97;   // 56/57 the lowest of 7 dense seeds
constexpr double kRulesFollowupFloor = 0.92;    // 26/27 the lowest of 7 dense seeds when set (20/27 before the rules it holds)
constexpr double kRulesFirstTurnFloor = 0.96;   // 27/27 at every one of 7 dense seeds
constexpr double kPointerFollowupFloor = 0.87;  // 14/16 the lowest of 7 dense seeds when set (12/16 the lowest before the rule it holds)
constexpr double kPointerFirstTurnFloor = 0.93; // 16/16 at every one of 7 dense seeds
constexpr double kKindsFollowupFloor = 0.91;    // 45/49 the lowest of 7 dense seeds since the outside words and pointers (42/49 when set at 0.85)
constexpr double kKindsFirstTurnFloor = 0.97;   // 49/49 at every one of 7 dense seeds
constexpr double kClassesFollowupFloor = 0.91;   // 74/81 the lowest of 7 dense seeds since the thread and sibling rules (69/81 before; 67/81 before a pointer may go on with the answer's words, 52/81 before the set's rules)
constexpr double kClassesFirstTurnFloor = 0.97;  // 81/81 at every one of 7 dense seeds
constexpr double kThreadsFollowupFloor = 0.96;   // 31/32 the lowest of 7 dense seeds when set (22/32 at the shipped seed before the rules it holds)
constexpr double kThreadsFirstTurnFloor = 0.96;  // 32/32 at every one of 7 dense seeds
constexpr double kFollowonsFollowupFloor = 0.98;  // 201/204 since restricting the answered feature to part of it after an answer telling what one sets asks that answer (3 own lines); 0.975 at 197/201 since where to look after an answer quoting a page of the kept topic asks that page (4 own lines); 193/197 since skipping the step just asked about asks its answer (4 own lines); 189/193 since whether something must be done first, in another topic's words the answer names, asks the answer (4 own lines); 185/189 since when counting starts names the returns calculation (3 own lines); 182/186 since a holiday refines how long where the topic has no holiday entry and a question of time after a handed-over case asks about it (7 own lines); 0.97 at 175/179 since a bid that never fills said with 不满, changing the card, 也有吗 after a new topic and the hotline in pinyin initials (11 own lines, issue 7); 0.957 at 161/168 since 账户/银行卡 right after 退回/打到/转到… names where the money goes, not a topic (12 own lines; 156/168 without the rule); 0.955 at 149/156 since a long follow-up the text alone is unsure of, naming the answered type or one refining it, keeps the answer (12 own lines; 148/156 without the rule); 0.95 at 137/144 since a type named that the kept topic has no entry of is not remembered (10 own lines, controls); 0.945 at 127/134 since another person's case asks the last question for them and a long follow-up naming types refining the answer keeps it (12 own lines); 0.94 at 115/122 since a follow-up-only cue heard as a homophone is put right, also beside a seam the texts hold only with the cue (下来利息; 6 own lines); 0.93 at 109/116 since a follow-up asking what the answer states (how its figure is reckoned, undoing, what is left) reads the answer (16 own lines; 102/116 before); 0.87 at 85/96 since the step answered last, done, then how to go on (14 own lines); 0.85 at 71/82 with the sim helper's probe lines and class fixes; 0.73 before (53/72 when it landed with the engine and content work of the same stop (54/72 on the follow-up work alone; 51/72 since the cues of early repayment, fee slang and the card as destination; 47/72 before))
constexpr double kFollowonsFirstTurnFloor = 0.98;  // 72/72 when set
// tests/fixtures/multiturn_switch_dev.tsv (written while fixing the follow-up
// code, not blind): chit-chat about the bot's or the user's life, small
// talk, complete questions outside the catalog and other companies' products
// after a topic, not bent into it, beside follow-ups that carry the topic;
// 73/73 and 73/73 first turns when set (67/73 follow-ups before the rules it
// holds); 102/102 with 29 lines of chit-chat naming a cue word by the way
// (周末你们一般去哪玩) beside follow-ups of a type (那周末呢, 上限多少).
constexpr double kSwitchFollowupFloor = 0.97;
constexpr double kSwitchFirstTurnFloor = 0.98;
// tests/fixtures/multiturn_switch_blind.tsv (written blind from catalog.md,
// platform-facts.md and house-style.md only, 120 lines: chit-chat, small talk,
// out-of-catalog questions and other products after a topic, complete new
// questions, follow-ups that carry): 104/120 when written, 107/120 after the
// switch rules; its chit-chat class (not its lines) guided the second rule.
// 112/120 with the leisure small-talk domains of out_of_scope.json.
constexpr double kSwitchBlindFollowupFloor = 0.92;
constexpr double kSwitchBlindFirstTurnFloor = 0.95;  // 117/120 when set
// tests/fixtures/multiturn_misses.tsv (issue 7's known follow-up misses, not
// blind: written with their fixes): a bank named after an arrival-time
// question (bank differences), another company's product after a fee question
// (its reply, not ours) beside products named as our means, small talk
// sharing a word with ours (下班, 周末) after a topic, abnormal funds and other
// companies' services after one of ours. 26/34 and 34/34 when set; 28/34
// with the policy's rule 2a (abnormal funds after a repayment question);
// 34/34 with the leisure small-talk domains of out_of_scope.json. 39/39 and
// 39/39 with five lines written with the credit-score and transfer-to-another-
// person rules (36/39 follow-ups before them); the floors stay one line under.
constexpr double kMissesFollowupFloor = 0.97;
constexpr double kMissesFirstTurnFloor = 0.97;

MultiturnReport evaluate_file(const std::string& path) {
  auto cases = read_multiturn(path);
  EXPECT_TRUE(cases.ok()) << cases.status().message();
  if (!cases.ok()) return {};
  static auto loaded = bot::Engine::load(FAQBOT_DEFAULT_CONFIG, "");
  EXPECT_NE(loaded.engine, nullptr) << loaded.status.message();
  if (!loaded.engine) return {};
  return evaluate_multiturn(*loaded.engine, cases.value());
}

TEST(MultiturnQuality, DevSetMeetsTheFloors) {
  ASSERT_TRUE(std::filesystem::exists(FAQBOT_MULTITURN_DEV_SET))
      << "the development set is expected beside the repository at " << FAQBOT_MULTITURN_DEV_SET;
  MultiturnReport report = evaluate_file(FAQBOT_MULTITURN_DEV_SET);
  ASSERT_GE(report.followup.total, 40);
  const std::string details = format_multiturn_report(report);
  EXPECT_GE(report.followup.value(), kDevFollowupFloor) << details;
  EXPECT_GE(report.first.value(), kFirstTurnFloor) << details;
  std::cout << details;
}

// Our own probe file `name` in tests/fixtures/: at least `min_total`
// conversations, each accuracy at its floor, and no follow-up told "already
// answered" (every follow-up in our files asks something new, also when its
// entry is the first turn's: "充值支持哪些方式" → "那支付宝呢").
void expect_probe_floors(const std::string& name, int min_total, double followup_floor,
                         double first_turn_floor) {
  MultiturnReport report = evaluate_file(FAQBOT_FIXTURES "/" + name);
  ASSERT_GE(report.followup.total, min_total);
  const std::string details = format_multiturn_report(report);
  EXPECT_GE(report.followup.value(), followup_floor) << details;
  EXPECT_GE(report.first.value(), first_turn_floor) << details;
  EXPECT_TRUE(report.repeats.empty()) << details;
  std::cout << details;
}

TEST(MultiturnQuality, OwnProbesMeetTheFloors) {
  expect_probe_floors("multiturn_probe.tsv", 90, kProbeFollowupFloor, kFirstTurnFloor);
}

TEST(MultiturnQuality, ShortChatProbesMeetTheFloors) {
  expect_probe_floors("multiturn_short.tsv", 32, kShortFollowupFloor, kShortFirstTurnFloor);
}

TEST(MultiturnQuality, FreshBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_fresh.tsv", 80, kFreshFollowupFloor, kFreshFirstTurnFloor);
}

TEST(MultiturnQuality, BankChatBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_bank.tsv", 64, kBankFollowupFloor, kBankFirstTurnFloor);
}

TEST(MultiturnQuality, ImChatBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_im.tsv", 72, kImFollowupFloor, kImFirstTurnFloor);
}

TEST(MultiturnQuality, WebchatBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_webchat.tsv", 80, kWebchatFollowupFloor, kWebchatFirstTurnFloor);
}

TEST(MultiturnQuality, VoiceNoteBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_voice.tsv", 80, kVoiceBlindFollowupFloor, kVoiceBlindFirstTurnFloor);
}

TEST(MultiturnQuality, YoungTypingBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_young.tsv", 80, kYoungBlindFollowupFloor, kYoungBlindFirstTurnFloor);
}

TEST(MultiturnQuality, FeedbackFormBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_feedback.tsv", 80, kFeedbackBlindFollowupFloor, kFeedbackBlindFirstTurnFloor);
}

TEST(MultiturnQuality, PhoneChatBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_phone_chat.tsv", 60, kPhoneChatBlindFollowupFloor, kPhoneChatBlindFirstTurnFloor);
}

TEST(MultiturnQuality, ServiceLogBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_service_logs.tsv", 60, kServiceLogsBlindFollowupFloor, kServiceLogsBlindFirstTurnFloor);
}

TEST(MultiturnQuality, CreditAppBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_credit_app.tsv", 60, kCreditAppBlindFollowupFloor, kCreditAppBlindFirstTurnFloor);
}

TEST(MultiturnQuality, ForumBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_forum.tsv", 60, kForumBlindFollowupFloor, kForumBlindFirstTurnFloor);
}

TEST(MultiturnQuality, SpokenBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_spoken.tsv", 60, kSpokenBlindFollowupFloor, kSpokenBlindFirstTurnFloor);
}

TEST(MultiturnQuality, CompareBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_compare.tsv", 60, kCompareBlindFollowupFloor, kCompareBlindFirstTurnFloor);
}

TEST(MultiturnQuality, SecondTurnBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_second_turn.tsv", 120, kSecondTurnBlindFollowupFloor, kSecondTurnBlindFirstTurnFloor);
}

TEST(MultiturnQuality, RealLogsBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_real_logs.tsv", 60, kRealLogsBlindFollowupFloor, kRealLogsBlindFirstTurnFloor);
}

TEST(MultiturnQuality, ParaphraseBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_paraphrase.tsv", 60, kParaphraseBlindFollowupFloor,
                      kParaphraseBlindFirstTurnFloor);
}

TEST(MultiturnQuality, NoisyBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_noisy.tsv", 60, kNoisyBlindFollowupFloor, kNoisyBlindFirstTurnFloor);
}

TEST(MultiturnQuality, YesNoBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_yesno.tsv", 60, kYesNoBlindFollowupFloor, kYesNoBlindFirstTurnFloor);
}

TEST(MultiturnQuality, SituationsBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_situations.tsv", 60, kSituationsBlindFollowupFloor,
                      kSituationsBlindFirstTurnFloor);
}

TEST(MultiturnQuality, SiblingsBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_siblings.tsv", 60, kSiblingsBlindFollowupFloor,
                      kSiblingsBlindFirstTurnFloor);
}

TEST(MultiturnQuality, LifeStoriesBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_lifestories.tsv", 60, kLifeStoriesBlindFollowupFloor,
                      kLifeStoriesBlindFirstTurnFloor);
}

TEST(MultiturnQuality, CircumlocutionsBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_circumlocutions.tsv", 60, kCircumlocutionsBlindFollowupFloor,
                      kCircumlocutionsBlindFirstTurnFloor);
}

TEST(MultiturnQuality, MidConversationBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_midconv.tsv", 60, kMidConversationBlindFollowupFloor,
                      kMidConversationBlindFirstTurnFloor);
}

TEST(MultiturnQuality, CustomersBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_blind_customers.tsv", 120, kCustomersBlindFollowupFloor,
                      kCustomersBlindFirstTurnFloor);
  expect_probe_floors("multiturn_blind_customers2.tsv", 60, kCustomers2BlindFollowupFloor,
                      kCustomers2BlindFirstTurnFloor);
  expect_probe_floors("multiturn_whom_and_missing_type.tsv", 18, kWhomFollowupFloor, kWhomFirstTurnFloor);
  expect_probe_floors("multiturn_blind_customers3.tsv", 86, kCustomers3BlindFollowupFloor,
                      kCustomers3BlindFirstTurnFloor);
  expect_probe_floors("multiturn_limits_terms.tsv", 22, kLimitsTermsFollowupFloor,
                      kLimitsTermsFirstTurnFloor);
  expect_probe_floors("multiturn_blind_customers4.tsv", 69, kCustomers4BlindFollowupFloor,
                      kCustomers4BlindFirstTurnFloor);
  expect_probe_floors("multiturn_means_and_whom.tsv", 29, kMeansWhomFollowupFloor,
                      kMeansWhomFirstTurnFloor);
  expect_probe_floors("multiturn_blind_customers5.tsv", 78, kCustomers5BlindFollowupFloor,
                      kCustomers5BlindFirstTurnFloor);
  expect_probe_floors("multiturn_blind_fu5.tsv", 12, kFu5BlindFollowupFloor, kFu5BlindFirstTurnFloor);
  expect_probe_floors("multiturn_blind_fu6.tsv", 69, kFu6BlindFollowupFloor, kFu6BlindFirstTurnFloor);
  expect_probe_floors("multiturn_blind_fu7.tsv", 72, kFu7BlindFollowupFloor, kFu7BlindFirstTurnFloor);
  expect_probe_floors("multiturn_blind_fu8.tsv", 72, kFu8BlindFollowupFloor, kFu8BlindFirstTurnFloor);
  expect_probe_floors("multiturn_blind_fu9.tsv", 81, kFu9BlindFollowupFloor, kFu9BlindFirstTurnFloor);
  expect_probe_floors("multiturn_blind_fu10.tsv", 78, kFu10BlindFollowupFloor, kFu10BlindFirstTurnFloor);
}

TEST(MultiturnQuality, WidgetBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_widget.tsv", 60, kWidgetBlindFollowupFloor, kWidgetBlindFirstTurnFloor);
}

TEST(MultiturnQuality, CreditLogBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_creditlog.tsv", 60, kCreditLogBlindFollowupFloor,
                      kCreditLogBlindFirstTurnFloor);
}

TEST(MultiturnQuality, HardMixBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_hardmix.tsv", 60, kHardMixBlindFollowupFloor, kHardMixBlindFirstTurnFloor);
}

TEST(MultiturnQuality, KeywordsBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_keywords.tsv", 60, kKeywordsBlindFollowupFloor, kKeywordsWorriedLogs2FirstTurnFloor);
}

TEST(MultiturnQuality, WorriedBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_worried.tsv", 60, kWorriedBlindFollowupFloor, kKeywordsWorriedLogs2FirstTurnFloor);
}

TEST(MultiturnQuality, P2pLogsBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_logs2.tsv", 60, kLogs2BlindFollowupFloor, kKeywordsWorriedLogs2FirstTurnFloor);
}

TEST(MultiturnQuality, MixedLanguageBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_hk_mixed.tsv", 60, kMixedLanguageBlindFollowupFloor,
                      kMixedLanguageBlindFirstTurnFloor);
}

TEST(MultiturnQuality, VoiceAndContrastTunedProbesMeetTheFloors) {
  expect_probe_floors("multiturn_voice_tuned.tsv", 57, kVoiceFollowupFloor, kVoiceFirstTurnFloor);
}

TEST(MultiturnQuality, AgentRuleProbesMeetTheFloors) {
  expect_probe_floors("multiturn_rules.tsv", 27, kRulesFollowupFloor, kRulesFirstTurnFloor);
}

TEST(MultiturnQuality, PointerAndTimeClauseProbesMeetTheFloors) {
  expect_probe_floors("multiturn_pointer.tsv", 16, kPointerFollowupFloor, kPointerFirstTurnFloor);
}

TEST(MultiturnQuality, FollowupKindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_kinds.tsv", 49, kKindsFollowupFloor, kKindsFirstTurnFloor);
}

TEST(MultiturnQuality, FollowupMissClassProbesMeetTheFloors) {
  expect_probe_floors("multiturn_classes.tsv", 84, kClassesFollowupFloor, kClassesFirstTurnFloor);
}

TEST(MultiturnQuality, ThreadAndSiblingProbesMeetTheFloors) {
  expect_probe_floors("multiturn_threads.tsv", 32, kThreadsFollowupFloor, kThreadsFirstTurnFloor);
}

TEST(MultiturnQuality, HeldOutClassProbesMeetTheFloors) {
  expect_probe_floors("multiturn_followons.tsv", 204, kFollowonsFollowupFloor, kFollowonsFirstTurnFloor);
}

TEST(MultiturnQuality, ContextProbesMeetTheFloors) {
  expect_probe_floors("multiturn_context.tsv", 260, kContextFollowupFloor, kContextFirstTurnFloor);
}

TEST(MultiturnQuality, AgentStyleProbesMeetTheFloors) {
  expect_probe_floors("multiturn_agent.tsv", 56, kAgentFollowupFloor, kAgentFirstTurnFloor);
}

// Every out-of-catalog probe question asked as a follow-up after two
// different first questions of the catalog (the same pairs every run): the
// context must not bend a remark about something else, nor a complete
// question of ours (probe_in.jsonl), into its topic
// (probe_other_product.jsonl also holds questions of ours naming a product
// as a means: those stay answered).
constexpr double kOutOfCatalogAfterTopicsFloor = 0.87;    // 270/310 the lowest of 7 dense seeds when set (254/310 before)
constexpr double kOtherProductAfterTopicsFloor = 0.97;    // 212/218 the lowest of 7 dense seeds when set
constexpr double kCompleteAfterTopicsFloor = 0.97;        // 222/228 the lowest of 7 dense seeds when set (220/228 before)

std::vector<MultiturnCase> after_two_topics(const std::vector<EvalCase>& probes) {
  static const std::pair<const char*, const char*> kFirsts[] = {
      {"借款审核要多久", "loan.review_time"},    {"借款需要什么条件", "loan.requirements"},
      {"债权转让怎么操作", "invest.transfer"},    {"充值失败怎么办", "recharge.failed"},
      {"充值方式有哪些", "recharge.channels"},    {"加息券怎么用", "promo.coupons"},
      {"平台安全吗", "risk.platform_safety"},     {"怎么注册", "account.register"},
      {"提现多久到账", "withdraw.arrival_time"},  {"提现手续费多少", "withdraw.fee"},
      {"逾期了会怎样", "loan.overdue"},           {"风险测评怎么做", "invest.risk_assessment"}};
  constexpr size_t n = std::size(kFirsts);
  std::vector<MultiturnCase> out;
  for (size_t i = 0; i < probes.size(); ++i) {
    const size_t second = (i * 5 + 7) % n != i % n ? (i * 5 + 7) % n : (i + 6) % n;
    for (size_t f : {i % n, second}) {
      out.push_back({kFirsts[f].first, kFirsts[f].second, probes[i].question, probes[i].expect,
                     probes[i].line});
    }
  }
  return out;
}

void expect_after_two_topics(const std::string& name, double floor) {
  auto probes = read_cases(FAQBOT_FIXTURES "/" + name);
  ASSERT_TRUE(probes.ok()) << probes.status().message();
  static auto loaded = bot::Engine::load(FAQBOT_DEFAULT_CONFIG, "");
  ASSERT_NE(loaded.engine, nullptr) << loaded.status.message();
  MultiturnReport report = evaluate_multiturn(*loaded.engine, after_two_topics(probes.value()));
  ASSERT_GE(report.followup.total, 200);
  const std::string details = format_multiturn_report(report);
  EXPECT_GE(report.followup.value(), floor) << details;
  std::cout << details;
}

TEST(MultiturnQuality, OutOfCatalogQuestionsAfterTwoTopicsAreRefused) {
  expect_after_two_topics("probe_oos.jsonl", kOutOfCatalogAfterTopicsFloor);
}

TEST(MultiturnQuality, OtherProductsQuestionsAfterTwoTopicsKeepTheirReading) {
  expect_after_two_topics("probe_other_product.jsonl", kOtherProductAfterTopicsFloor);
}

TEST(MultiturnQuality, CompleteQuestionsAfterTwoTopicsKeepTheirEntry) {
  expect_after_two_topics("probe_in.jsonl", kCompleteAfterTopicsFloor);
}

TEST(MultiturnQuality, SwitchProbesMeetTheFloors) {
  expect_probe_floors("multiturn_switch_dev.tsv", 102, kSwitchFollowupFloor, kSwitchFirstTurnFloor);
}

TEST(MultiturnQuality, SwitchBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_switch_blind.tsv", 120, kSwitchBlindFollowupFloor, kSwitchBlindFirstTurnFloor);
}

TEST(MultiturnQuality, KnownMissesProbesMeetTheFloors) {
  expect_probe_floors("multiturn_misses.tsv", 30, kMissesFollowupFloor, kMissesFirstTurnFloor);
}

TEST(MultiturnQuality, SlotProbesMeetTheFloors) {
  expect_probe_floors("multiturn_slots.tsv", 46, kSlotsFollowupFloor, kSlotsFirstTurnFloor);
}

}  // namespace
}  // namespace faqbot::cli
