#include "retrieval/pair_similarity.h"

#include <algorithm>
#include <cmath>

#include "knowledge/utf8.h"
#include "retrieval/normalizer.h"
#include "retrieval/retriever.h"

namespace faqbot::retrieval {
namespace {

// Unigrams and bigrams of a sequence of tokens (code points or syllables,
// each one u32 "token" string), counted.
void add_grams(const std::vector<std::u32string>& tokens, std::unordered_map<std::u32string, double>* out) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    (*out)[tokens[i]] += 1;
    if (i + 1 < tokens.size()) (*out)[tokens[i] + U'\x1f' + tokens[i + 1]] += 1;
  }
}

std::vector<std::u32string> code_points(std::string_view text) {
  std::vector<std::u32string> out;
  for (char32_t cp : utf8::decode(utf8::sanitize(text))) out.emplace_back(1, cp);
  return out;
}

bool is_latin_letter(char32_t cp) { return cp >= U'a' && cp <= U'z'; }

constexpr size_t kMaxLatinRun = 32;  // longer runs are left as typed
constexpr size_t kMaxSpan = 8;       // characters a run may stand for

}  // namespace

std::string PairSimilarity::latin_read_as(std::string_view text, std::string_view other) const {
  if (!readings_) return std::string(text);
  const std::u32string t = utf8::decode(utf8::sanitize(text));
  if (std::none_of(t.begin(), t.end(), is_latin_letter)) return std::string(text);
  const std::u32string o = utf8::decode(utf8::sanitize(other));
  std::u32string out;
  for (size_t i = 0; i < t.size();) {
    if (!is_latin_letter(t[i])) {
      out += t[i++];
      continue;
    }
    size_t end = i;
    while (end < t.size() && is_latin_letter(t[end])) ++end;
    std::string run;
    for (size_t k = i; k < end; ++k) run += static_cast<char>(t[k]);
    // The longest span of `other` whose syllables or initials spell the run.
    std::u32string best;
    if (run.size() >= 2 && run.size() <= kMaxLatinRun) {
      for (size_t from = 0; from < o.size(); ++from) {
        std::string syllables, initials;
        for (size_t to = from; to < o.size() && to - from < kMaxSpan; ++to) {
          const std::string_view syl = readings_(o[to]);
          if (syl.empty()) break;
          syllables += syl;
          initials += syl[0];
          if (to > from && (syllables == run || initials == run) && to + 1 - from > best.size()) {
            best = o.substr(from, to + 1 - from);
          }
          if (syllables.size() > run.size() && initials.size() > run.size()) break;
        }
      }
    }
    if (best.empty()) {
      out.append(t, i, end - i);
    } else {
      out += best;
    }
    i = end;
  }
  return utf8::encode(out);
}

PairSimilarity::PairSimilarity(const std::vector<std::string>& normalized_texts, Readings readings,
                               QuestionFacets facets)
    : readings_(std::move(readings)), facets_(std::move(facets)) {
  for (const std::string& t : normalized_texts) {
    if (t.empty()) continue;
    ++num_texts_;
    for (const auto& [gram, n] : char_grams(t)) char_df_[gram]++;
    if (readings_) {
      for (const auto& [gram, n] : syllable_grams(t)) syllable_df_[gram]++;
    }
  }
}

PairSimilarity::Grams PairSimilarity::char_grams(std::string_view text) const {
  Grams g;
  add_grams(code_points(text), &g);
  return g;
}

// Syllables of the CJK characters (a character without a reading and any
// other code point stand for themselves).
PairSimilarity::Grams PairSimilarity::syllable_grams(std::string_view text) const {
  std::vector<std::u32string> tokens;
  for (char32_t cp : utf8::decode(utf8::sanitize(text))) {
    const std::string_view s = readings_ ? readings_(cp) : std::string_view();
    if (s.empty()) {
      tokens.emplace_back(1, cp);
    } else {
      tokens.emplace_back(U"\x1e" + utf8::decode(s));  // marked: never equal to a character
    }
  }
  Grams g;
  add_grams(tokens, &g);
  return g;
}

double PairSimilarity::idf(const std::unordered_map<std::u32string, int>& df,
                           const std::u32string& gram) const {
  auto it = df.find(gram);
  const double n = it == df.end() ? 0.0 : it->second;
  return std::log((1.0 + num_texts_) / (1.0 + n)) + 1.0;
}

double PairSimilarity::match(const Grams& a, const Grams& b,
                             const std::unordered_map<std::u32string, int>& df) const {
  double dot = 0, na = 0, nb = 0, mass_a = 0, mass_b = 0, held_a = 0, held_b = 0;
  for (const auto& [gram, n] : a) {
    const double idf_gram = idf(df, gram), w = n * idf_gram;
    na += w * w;
    mass_a += idf_gram;
    auto it = b.find(gram);
    if (it != b.end()) {
      dot += w * it->second * idf_gram;
      held_a += idf_gram;
    }
  }
  for (const auto& [gram, n] : b) {
    const double idf_gram = idf(df, gram), w = n * idf_gram;
    nb += w * w;
    mass_b += idf_gram;
    if (a.count(gram)) held_b += idf_gram;
  }
  if (na <= 0 || nb <= 0) return 0.0;
  const double cosine = std::clamp(dot / std::sqrt(na * nb), 0.0, 1.0);
  // Coverage of the text with fewer grams (by IDF mass).
  const double coverage = mass_a <= mass_b ? held_a / mass_a : held_b / mass_b;
  return 0.5 * (cosine + coverage);
}

double PairSimilarity::lexical(std::string_view a, std::string_view b) const {
  return match(char_grams(a), char_grams(b), char_df_);
}

double PairSimilarity::pinyin(std::string_view a, std::string_view b) const {
  if (!readings_) return 0.0;
  return match(syllable_grams(a), syllable_grams(b), syllable_df_);
}

double PairSimilarity::familiarity(std::string_view text) const {
  return familiarity_of(char_grams(text));
}

double PairSimilarity::familiarity_of(const Grams& grams) const {
  double known = 0, total = 0;
  for (const auto& [gram, n] : grams) {
    const double w = n * idf(char_df_, gram);
    total += w;
    if (char_df_.count(gram)) known += w;
  }
  return total > 0 ? known / total : 0.0;
}

double PairSimilarity::score(std::string_view a_typed, std::string_view b_typed,
                             double model_cosine, View view) const {
  if (a_typed.empty() || b_typed.empty()) return 0.0;
  if (a_typed == b_typed) return 1.0;
  const std::string a = latin_read_as(a_typed, b_typed), b = latin_read_as(b_typed, a_typed);
  const Grams ga = char_grams(a), gb = char_grams(b);
  const double lex = match(ga, gb, char_df_);
  // Pinyin adds what the characters miss (homophones), at half weight: a
  // shared syllable is weaker evidence than a shared character.
  double evidence = lex + 0.5 * std::max(0.0, pinyin(a, b) - lex);
  if (model_cosine >= 0) {
    const double f = std::min(familiarity_of(ga), familiarity_of(gb));
    const double w = kModelWeight * f * f;
    evidence = w * model_cosine + (1 - w) * evidence;
  }
  if (evidence <= 0) return 0.0;  // what they ask alone does not make two texts alike
  FacetAgreement agree = facets_.compare(a, b);
  if (view == View::kSameNeed) agree.type = 0;
  double shift = agree.polarity_clash ? -kClashWeight : 0.0;
  for (double x : {agree.type, agree.action, agree.subject}) {
    shift += x > 0 ? kAgreeWeight * x : kDisagreeWeight * x;
  }
  if (shift == 0) return std::min(evidence, 1.0);
  // Shift the log-odds of the evidence (kept off 0 and 1 so that it moves).
  const double p = std::clamp(evidence, 1e-4, 1 - 1e-4);
  const double odds = p / (1 - p) * std::exp(shift);
  return std::clamp(odds / (1 + odds), 0.0, 1.0);
}

PairSimilarity pair_similarity(const std::vector<Document>& docs, const Normalizer& normalizer,
                               Readings readings, const QuestionFacets::Cues& type_cues,
                               const QuestionFacets::Cues& topic_cues) {
  std::vector<std::string> texts;
  for (const Document& d : docs) {
    for (const std::string& t : d.texts) texts.push_back(normalizer.normalize(t));
  }
  QuestionFacets facets(type_cues, topic_cues, normalizer, readings);
  return PairSimilarity(texts, std::move(readings), std::move(facets));
}

}  // namespace faqbot::retrieval
