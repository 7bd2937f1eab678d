#pragma once
// Questions only an agent with access to the records can answer: about one
// person or record the investor points at ("我投的那个标 借款人是干啥的",
// out_of_scope.json "lookups"). A question holding a word of every group of
// one lookup asks for it, however close its words come to an entry's
// (risk.measures on how borrowers are checked). Words normalised the same
// way as the questions. Immutable; thread-safe.
#include <cstdint>
#include <string>
#include <vector>

#include "knowledge/phrase_matcher.h"

namespace faqbot::retrieval {

class Lookups {
 public:
  Lookups() = default;
  // lookups[i]: the word groups of lookup i, normalised; a group word
  // knowledge::kNamedPerson (kept as is) matches a question naming a person
  // right after a word of the lookup's other groups
  // (knowledge::names_person_after: "借款人刘某"). Empty words are
  // ignored; a lookup with no groups, or with a group left empty, never
  // matches. none_of[i] (none_of may be shorter than lookups): normalised
  // words any one of which, present in a question, keeps it from asking for
  // lookup i (我的还款日过了怎么办 is no lookup of the due date); empty
  // words are ignored.
  // labels[i] (labels may be shorter; "" when absent): what asked_by()
  // returns for lookup i.
  explicit Lookups(std::vector<std::vector<std::vector<std::string>>> lookups,
                   std::vector<std::vector<std::string>> none_of = {},
                   std::vector<std::string> labels = {});

  bool empty() const { return lookups_.empty(); }
  // Whether `normalized` holds a word of every group of some lookup and
  // none of that lookup's none_of words.
  bool asked(const std::string& normalized) const { return asked_by(normalized) != nullptr; }
  // The label of the first lookup (in the given order) `normalized` asks
  // for as asked() tells; null when none.
  const std::string* asked_by(const std::string& normalized) const;

 private:
  // A lookup's words as ids of words_ (one pass over a question tells
  // which occur); kNamedPersonWord stands for knowledge::kNamedPerson.
  static constexpr uint32_t kNamedPersonWord = 0xFFFFFFFFu;
  struct Lookup {
    std::vector<std::vector<uint32_t>> all_of;
    std::vector<uint32_t> none_of;
    // The words a named person must follow: all_of's words but the
    // knowledge::kNamedPerson marker.
    std::vector<std::string> anchors;
    std::string label;
  };
  std::vector<Lookup> lookups_;
  knowledge::PhraseMatcher words_;
};

}  // namespace faqbot::retrieval
