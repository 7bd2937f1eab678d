#include "retrieval/lookups.h"

#include <algorithm>

#include "knowledge/person_names.h"

namespace faqbot::retrieval {

Lookups::Lookups(std::vector<std::vector<std::vector<std::string>>> lookups,
                 std::vector<std::vector<std::string>> none_of, std::vector<std::string> labels) {
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
    std::vector<std::string> anchors;
    for (const auto& group : groups) {
      for (const std::string& w : group) {
        if (w != knowledge::kNamedPerson) anchors.push_back(w);
      }
    }
    std::string label = i < labels.size() ? std::move(labels[i]) : std::string();
    lookups_.push_back({std::move(groups), std::move(excluded), std::move(anchors), std::move(label)});
  }
}

const std::string* Lookups::asked_by(const std::string& normalized) const {
  auto it = std::find_if(lookups_.begin(), lookups_.end(), [&](const Lookup& lookup) {
    const auto& groups = lookup.all_of;
    const bool excluded = std::any_of(lookup.none_of.begin(), lookup.none_of.end(), [&](const std::string& w) {
      return normalized.find(w) != std::string::npos;
    });
    if (excluded) return false;
    return std::all_of(groups.begin(), groups.end(), [&](const std::vector<std::string>& group) {
      return std::any_of(group.begin(), group.end(), [&](const std::string& w) {
        if (w == knowledge::kNamedPerson) return knowledge::names_person_after(normalized, lookup.anchors);
        return normalized.find(w) != std::string::npos;
      });
    });
  });
  return it == lookups_.end() ? nullptr : &it->label;
}

}  // namespace faqbot::retrieval
