// EngineRetriever: the order in which the readings of a message are tried
// and which of them wins; similarity and normalisation.
#include "retrieval/engine_retriever.h"
#include "retrieval/query_forms.h"

#include <algorithm>
#include <exception>
#include <map>

#include "knowledge/person_names.h"
#include "retrieval/message_cues.h"
#include "retrieval/runner_up.h"
#include "retrieval/vec_math.h"

namespace faqbot::retrieval {
namespace {

// Candidates an investor is offered ("您是想问…") and the ranking is judged by.
constexpr size_t kTop3 = 3;
// The lead over the best sibling candidate from which a reading is clear
// (the policy's default margin, bot::Thresholds::margin).
constexpr double kClearLead = 0.1;
// A reading at least this answerable is a question the message asks, which
// a courtesy clause beside it does not displace.
constexpr double kSubstantive = 0.25;

}  // namespace

EngineRetriever::EngineRetriever(std::unique_ptr<Normalizer> normalizer, EngineState state,
                                 PairSimilarity pairs, const Corpus& corpus)
    : normalizer_(std::move(normalizer)),
      state_(std::move(state)),
      pairs_(std::move(pairs)),
      small_talk_(corpus.small_talk.begin(), corpus.small_talk.end()) {
  std::map<std::string, std::string> topic_of;
  for (const Document& d : corpus.docs) {
    if (!d.topic.empty()) topic_of.emplace(d.id, d.topic);
  }
  for (const std::string& id : state_.entry_ids) {
    auto it = topic_of.find(id);
    entry_topics_.push_back(it == topic_of.end() ? std::string() : it->second);
  }
  for (const std::string& w : corpus.topic_words) {
    std::string n = normalizer_->normalize(w);
    if (!n.empty()) topic_words_.push_back(std::move(n));
  }
  for (const std::string& w : corpus.product_about_us) {
    std::string n = normalizer_->normalize(w);
    if (!n.empty()) about_us_.push_back(std::move(n));
  }
  auto normalized_all = [&](const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const std::string& w : words) out.push_back(normalizer_->normalize(w));
    return out;
  };
  std::vector<ServiceMentions::Service> services;
  for (const OtherService& s : corpus.other_services) {
    services.push_back({s.name, normalized_all(s.holders), normalized_all(s.words), normalized_all(s.own_actions)});
  }
  services_ = ServiceMentions(std::move(services), normalized_all(corpus.product_our_actions), about_us_,
                              normalized_all(corpus.product_as_means));
  std::vector<std::vector<std::vector<std::string>>> lookups;
  for (const auto& groups : corpus.lookups) {
    lookups.emplace_back();
    for (const auto& group : groups) {
      // The marker of a named person is no word to normalise.
      std::vector<std::string> words;
      for (const std::string& w : group) {
        words.push_back(w == knowledge::kNamedPerson ? w : normalizer_->normalize(w));
      }
      lookups.back().push_back(std::move(words));
    }
  }
  auto normalized_issues = [&](const std::vector<knowledge::NamedIssue>& list) {
    std::vector<knowledge::NamedIssue> out;
    for (const knowledge::NamedIssue& n : list) {
      out.push_back({normalizer_->normalize(n.name), normalized_all(n.aliases), normalized_all(n.not_in)});
      out.back().name = n.name;  // as replies name it
      out.back().aliases.push_back(normalizer_->normalize(n.name));
    }
    return out;
  };
  issued_.issuers = normalized_issues(corpus.issued_products.issuers);
  issued_.wealth_products = normalized_issues(corpus.issued_products.wealth_products);
  issued_.product_words = normalized_all(corpus.issued_products.product_words);
  as_means_ = normalized_all(corpus.product_as_means);
  std::vector<std::vector<std::string>> exclusions;
  for (const auto& words : corpus.lookup_exclusions) exclusions.push_back(normalized_all(words));
  lookups_ = Lookups(std::move(lookups), std::move(exclusions), corpus.lookup_labels);
  view_.tokenizer = state_.tokenizer.get();
  view_.vocab = &state_.trained.vocab;
  view_.model = &state_.trained.model;
  view_.lexical = &state_.trained.lexical;
  view_.linear = &state_.trained.linear;
  view_.char_linear = &state_.trained.char_linear;
  view_.term_sources = &state_.trained.term_sources;
  view_.components = state_.components;
  view_.entry_offsets = &state_.trained.entry_offsets;
  view_.variant_vectors = &state_.trained.variant_vectors;
  view_.num_entries = static_cast<int>(state_.entry_ids.size());
  view_.slots = &state_.slots;
  view_.kinds = &state_.kinds;
  const DenseIndex* dense = state_.dense.get();
  view_.dense_search = [dense](const float* q, size_t k) { return dense->search(q, k); };
}

SearchResult EngineRetriever::search(std::string_view text, size_t k) const {
  SearchResult r;
  r.out_of_scope = 1.0;
  try {
    r.normalized = normalizer_->normalize(text);
    if (r.normalized.empty() || k == 0) return r;
    // Query forms (query_forms.h: 月供) read plainly, unless another
    // company's product or a kind we do not offer is named (房贷月供).
    if (const std::string plain = with_query_forms(text);
        plain != text && state_.products.find(r.normalized) < 0 && state_.kinds.find(r.normalized) < 0) {
      return search(plain, k);
    }
    int product = state_.products.asked_about(r.normalized);
    if (product < 0) product = state_.products.asked_why_missing(r.normalized);
    int kind = state_.kinds.asked_about(r.normalized);
    // Another product or kind named only as background of a question about
    // ours ("基金十块钱就能买，你们这最低投多少"): the message is ours, and
    // its clauses without that background are its question.
    std::string own;
    if (state_.components.clauses && (product >= 0 || kind >= 0) &&
        state_.products.debt_repaid_with_us(r.normalized) < 0) {
      own = reading_beside_background(text, k);
    }
    if (!own.empty()) product = kind = -1;
    if (product >= 0) r.other_product = state_.products.name(product);
    // Another company's own service that looks like ours ("建行手机银行登
    // 录不了"), named without any action of ours.
    if (product < 0 && own.empty()) {
      const int service = services_.asked_about(r.normalized);
      if (service >= 0) r.other_product = services_.name(service);
    }
    // Another company's named wealth product, or one its issuer names
    // ("众安天天利", "齐鲁稳固"; knowledge/issued_products.h).
    if (product < 0 && own.empty() && r.other_product.empty()) {
      r.other_product = knowledge::issued_product_named(r.normalized, issued_, as_means_, about_us_);
    }
    if (kind >= 0) r.other_kind = state_.kinds.name(kind);
    score(r.normalized, k, r);
    if (!own.empty()) consider(own, k, r);
    // The base model's choice on the whole message, whichever reading
    // wins below.
    const std::string base_choice = r.base_choice;
    const double base_margin = r.base_margin;
    const double as_written = r.out_of_scope;  // before any other reading
    const Candidate whole_top = r.candidates.empty() ? Candidate{} : r.candidates[0];
    read_without_other_names(product, kind, k, r);
    if (state_.components.clauses && (answerable(r) < kClearAnswerable || courtesy(r))) {
      read_clauses(text, k, kind >= 0, as_written, r);
    } else if (state_.components.clauses && !clear(r)) {
      // Ours as a whole, but between siblings: a question sentence that
      // reads as one entry clearly tells which.
      read_question_sentences(text, k, kind >= 0, r.out_of_scope, r, /*clear_only=*/true);
    }
    if (state_.components.clauses && (answerable(r) < kClearAnswerable || courtesy(r))) {
      // Spoken or chatty text without punctuation ("喂你好你好我想问一下那个
      // 体现要多久"): its fillers and repeats dilute the evidence, and a
      // greeting run into the question reads as a courtesy.
      consider(without_speech_fillers(r.normalized), k, r);
    }
    if (state_.components.clauses) read_first_question(text, k, r);
    if (k >= kTop3 && !whole_top.id.empty()) keep_in_top3(whole_top, r.candidates);
    r.base_choice = base_choice;
    r.base_margin = base_margin;
    // A record only an agent can look up ("我投的那个标 借款人是干啥的"):
    // no entry answers it, whichever reading won.
    if (const std::string* label = lookups_.asked_by(r.normalized)) {
      r.out_of_scope = 1.0;
      r.refusal = *label;
    }
    // A thing never a means of ours asked about ("外币能充值吗", "话费能充
    // 值吗"): its currency or top-up is not ours, whichever entry reads
    // closest (not when only background: `kind` is then -1).
    if (kind >= 0 && state_.kinds.not_a_means(kind)) r.out_of_scope = 1.0;
    // A message saying it is not about us ("跟你们没关系，随便问问，…")
    // asks someone else's question unless it puts one of ours to us.
    if (state_.components.clauses && disclaimed(text)) r.out_of_scope = 1.0;
  } catch (const std::exception&) {
    r.candidates.clear();
    r.out_of_scope = 1.0;
    r.refusal.clear();
    r.forget_base_choice();
  }
  return r;
}

double EngineRetriever::similarity(std::string_view a, std::string_view b) const {
  return pair_score(a, b, PairSimilarity::View::kSameQuestion);
}

double EngineRetriever::need_similarity(std::string_view a, std::string_view b) const {
  return pair_score(a, b, PairSimilarity::View::kSameNeed);
}

double EngineRetriever::pair_score(std::string_view a, std::string_view b, PairSimilarity::View view) const {
  try {
    const std::string na = normalizer_->normalize(a);
    const std::string nb = normalizer_->normalize(b);
    if (na.empty() || nb.empty()) return 0.0;
    if (na == nb) return 1.0;
    const auto& model = state_.trained.model;
    const size_t d = static_cast<size_t>(model.dim());
    std::vector<float> ha(d), hb(d);
    const bool okA = model.hidden(state_.trained.vocab.encode(state_.tokenizer->features(na)), ha.data());
    const bool okB = model.hidden(state_.trained.vocab.encode(state_.tokenizer->features(nb)), hb.data());
    // With the dense component ablated the model's cosine is left out.
    const double cos = okA && okB && state_.components.dense
                           ? std::max(0.0f, dot(ha.data(), hb.data(), d))
                           : -1.0;
    return pairs_.score(na, nb, cos, view);
  } catch (const std::exception&) {
    return 0.0;
  }
}

// The whole message's best entry kept among the first kTop3 candidates of
// another reading chosen over it (a clause or a sentence): last of them,
// moved up from further down or displacing the one there, with the
// confidence of the candidate it displaces (or of the last, when there are
// fewer), so that the order and the chosen reading's margins stay as they
// were. Over 7 dense seeds on dev and every probe set it is the right
// entry more often than the candidate it displaces.
void EngineRetriever::keep_in_top3(const Candidate& whole_top, std::vector<Candidate>& cands) {
  constexpr size_t kSlot = kTop3 - 1;
  auto it = std::find_if(cands.begin(), cands.end(), [&](const Candidate& c) { return c.id == whole_top.id; });
  if (it != cands.end() && static_cast<size_t>(it - cands.begin()) <= kSlot) return;
  if (it != cands.end()) cands.erase(it);
  Candidate kept = whole_top;
  if (cands.size() > kSlot) {
    kept.confidence = cands[kSlot].confidence;
    cands.insert(cands.begin() + kSlot, kept);
    cands.pop_back();
  } else {
    if (!cands.empty()) kept.confidence = std::min(kept.confidence, cands.back().confidence);
    cands.push_back(kept);
  }
}

// P(top candidate right) x P(in scope).
double EngineRetriever::answerable(const SearchResult& r) {
  return r.candidates.empty() ? 0.0 : r.candidates[0].confidence * (1.0 - r.out_of_scope);
}

// The best entry's lead over its competing runner-up (runner_up.h), as
// the policy weighs it.
double EngineRetriever::sibling_lead(const SearchResult& r) {
  if (r.candidates.empty()) return 0.0;
  const auto& c = r.candidates;
  return c[0].confidence - competing_runner_up_of(c.size(), [&](size_t i) -> const Candidate& { return c[i]; });
}

// A reading that is answered as it stands: answerable (kClearAnswerable)
// and ahead of its siblings (kClearLead).
bool EngineRetriever::clear(const SearchResult& r) {
  return answerable(r) >= kClearAnswerable && sibling_lead(r) >= kClearLead;
}

// Whether the best reading so far is a courtesy (small-talk entry first).
bool EngineRetriever::courtesy(const SearchResult& r) const {
  return !r.candidates.empty() && small_talk_.count(r.candidates[0].id) > 0;
}

// Whether reading `c` should replace reading `r`: the more answerable one,
// except that a courtesy never displaces a substantive reading and a
// substantive one displaces a courtesy ("能教一下吗，谢谢").
bool EngineRetriever::better(const SearchResult& c, const SearchResult& r) const {
  const bool c_courtesy = courtesy(c), r_courtesy = courtesy(r);
  if (c_courtesy != r_courtesy) {
    return r_courtesy ? answerable(c) >= kSubstantive : answerable(r) < kSubstantive &&
                                                           answerable(c) > answerable(r);
  }
  return answerable(c) > answerable(r);
}

// Another reading of the question: `normalized` scored, and kept in `r`
// (candidates, out of scope) when better().
void EngineRetriever::consider(const std::string& normalized, size_t k, SearchResult& r) const {
  if (normalized.empty()) return;
  SearchResult c;
  c.out_of_scope = 1.0;
  score(normalized, k, c);
  if (better(c, r)) {
    r.candidates = std::move(c.candidates);
    r.out_of_scope = c.out_of_scope;
  }
}

std::vector<std::string> EngineRetriever::warnings() const { return state_.warnings; }

std::function<std::string_view(char32_t)> EngineRetriever::readings() const { return readings_of(state_); }

std::string EngineRetriever::normalize(std::string_view text) const {
  try {
    return normalizer_->normalize(text);
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace faqbot::retrieval
