#pragma once
// Questions only an agent with access to the records can answer: about one
// person or record the investor points at ("我投的那个标 借款人是干啥的",
// out_of_scope.json "lookups"). A question holding a word of every group of
// one lookup asks for it, however close its words come to an entry's
// (risk.measures on how borrowers are checked). Words normalised the same
// way as the questions. Immutable; thread-safe.
#include <string>
#include <vector>

namespace faqbot::retrieval {

class Lookups {
 public:
  Lookups() = default;
  // lookups[i]: the word groups of lookup i, normalised; a group word
  // knowledge::kNamedPerson (kept as is) matches a question naming a person
  // right after a word of the lookup's other groups
  // (knowledge::names_person_after: "借款人刘某"). Empty words are
  // ignored; a lookup with no groups, or with a group left empty, never
  // matches.
  explicit Lookups(std::vector<std::vector<std::vector<std::string>>> lookups);

  bool empty() const { return lookups_.empty(); }
  // Whether `normalized` holds a word of every group of some lookup.
  bool asked(const std::string& normalized) const;

 private:
  std::vector<std::vector<std::vector<std::string>>> lookups_;
};

}  // namespace faqbot::retrieval
