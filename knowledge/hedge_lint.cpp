#include "knowledge/hedge_lint.h"

#include <algorithm>

#include "knowledge/lint.h"

namespace faqbot::knowledge {
namespace {

constexpr const char* kGenericHedge = "一般/预计/通常";

struct Place {
  size_t begin, end;  // bytes of the text
  Unhedged found;
};

bool covered(const std::vector<Place>& places, size_t begin, size_t end) {
  return std::any_of(places.begin(), places.end(),
                     [&](const Place& p) { return begin < p.end && p.begin < end; });
}

// `phrases` longest first, so a longer phrase claims its place first.
std::vector<std::string> longest_first(std::vector<std::string> phrases) {
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return phrases;
}

}  // namespace

std::vector<Unhedged> unhedged_phrases(const std::string& text, const HedgeRules& rules) {
  std::vector<Place> places;
  const auto each_unnegated = [&](const std::string& phrase, auto&& take) {
    if (phrase.empty()) return;
    for (size_t pos = text.find(phrase); pos != std::string::npos; pos = text.find(phrase, pos + 1)) {
      if (!negated_before(text, pos, rules.negations) && !covered(places, pos, pos + phrase.size())) take(pos);
    }
  };
  // Banned promises: claimed unreported (lint names them as banned).
  for (const std::string& phrase : longest_first(rules.banned)) {
    each_unnegated(phrase, [&](size_t pos) { places.push_back({pos, pos + phrase.size(), {}}); });
  }
  std::vector<std::string> keys;
  for (const auto& [phrase, hedged] : rules.suggestions) keys.push_back(phrase);
  for (const std::string& phrase : longest_first(keys)) {
    const std::string& hedged = rules.suggestions.at(phrase);
    const size_t inner = hedged.find(phrase);  // "当天到账" inside "预计当天到账"
    each_unnegated(phrase, [&](size_t pos) {
      const bool as_suggested = inner != std::string::npos && pos >= inner &&
                                text.compare(pos - inner, hedged.size(), hedged) == 0;
      if (!as_suggested) places.push_back({pos, pos + phrase.size(), {phrase, hedged}});
    });
  }
  for (const std::string& word : longest_first(rules.absolute)) {
    each_unnegated(word, [&](size_t pos) { places.push_back({pos, pos + word.size(), {word, kGenericHedge}}); });
  }
  std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) { return a.begin < b.begin; });
  std::vector<Unhedged> out;
  for (Place& p : places) {
    if (!p.found.phrase.empty()) out.push_back(std::move(p.found));
  }
  return out;
}

}  // namespace faqbot::knowledge
