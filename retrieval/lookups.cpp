#include "retrieval/lookups.h"

#include <algorithm>

#include "knowledge/person_names.h"

namespace faqbot::retrieval {

Lookups::Lookups(std::vector<std::vector<std::vector<std::string>>> lookups) {
  for (auto& groups : lookups) {
    bool complete = !groups.empty();
    for (auto& group : groups) {
      group.erase(std::remove(group.begin(), group.end(), std::string()), group.end());
      complete = complete && !group.empty();
    }
    if (complete) lookups_.push_back(std::move(groups));
  }
}

bool Lookups::asked(const std::string& normalized) const {
  return std::any_of(lookups_.begin(), lookups_.end(), [&](const auto& groups) {
    // The words a named person must follow: those of the other groups.
    std::vector<std::string> anchors;
    for (const auto& group : groups) {
      for (const std::string& w : group) {
        if (w != knowledge::kNamedPerson) anchors.push_back(w);
      }
    }
    return std::all_of(groups.begin(), groups.end(), [&](const std::vector<std::string>& group) {
      return std::any_of(group.begin(), group.end(), [&](const std::string& w) {
        if (w == knowledge::kNamedPerson) return knowledge::names_person_after(normalized, anchors);
        return normalized.find(w) != std::string::npos;
      });
    });
  });
}

}  // namespace faqbot::retrieval
