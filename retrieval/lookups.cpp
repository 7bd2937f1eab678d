#include "retrieval/lookups.h"

#include <algorithm>

#include "knowledge/person_names.h"

namespace faqbot::retrieval {

Lookups::Lookups(std::vector<std::vector<std::vector<std::string>>> lookups,
                 std::vector<std::vector<std::string>> none_of, std::vector<std::string> labels) {
  std::vector<std::string> words;  // the matcher's phrases, by id
  auto id_of = [&](const std::string& w) {
    words.push_back(w);
    return static_cast<uint32_t>(words.size() - 1);
  };
  for (size_t i = 0; i < lookups.size(); ++i) {
    auto& groups = lookups[i];
    bool complete = !groups.empty();
    for (auto& group : groups) {
      group.erase(std::remove(group.begin(), group.end(), std::string()), group.end());
      complete = complete && !group.empty();
    }
    if (!complete) continue;
    std::vector<std::string> excluded = i < none_of.size() ? std::move(none_of[i]) : std::vector<std::string>{};
    excluded.erase(std::remove(excluded.begin(), excluded.end(), std::string()), excluded.end());
    Lookup lookup;
    for (const auto& group : groups) {
      lookup.all_of.emplace_back();
      for (const std::string& w : group) {
        if (w == knowledge::kNamedPerson) {
          lookup.all_of.back().push_back(kNamedPersonWord);
        } else {
          lookup.anchors.push_back(w);
          lookup.all_of.back().push_back(id_of(w));
        }
      }
    }
    for (const std::string& w : excluded) lookup.none_of.push_back(id_of(w));
    lookup.label = i < labels.size() ? std::move(labels[i]) : std::string();
    lookups_.push_back(std::move(lookup));
  }
  words_ = knowledge::PhraseMatcher(words);
}

const std::string* Lookups::asked_by(const std::string& normalized) const {
  if (lookups_.empty()) return nullptr;
  const knowledge::PhraseMatcher::Present present = words_.present(normalized);
  auto it = std::find_if(lookups_.begin(), lookups_.end(), [&](const Lookup& lookup) {
    const bool excluded =
        std::any_of(lookup.none_of.begin(), lookup.none_of.end(), [&](uint32_t w) { return present.has(w); });
    if (excluded) return false;
    return std::all_of(lookup.all_of.begin(), lookup.all_of.end(), [&](const std::vector<uint32_t>& group) {
      return std::any_of(group.begin(), group.end(), [&](uint32_t w) {
        if (w == kNamedPersonWord) return knowledge::names_person_after(normalized, lookup.anchors);
        return present.has(w);
      });
    });
  });
  return it == lookups_.end() ? nullptr : &it->label;
}

}  // namespace faqbot::retrieval
