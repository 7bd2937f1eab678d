#include "bot/followup_subject_pronoun.h"

#include <string>

#include "bot/followup_predicates.h"

namespace faqbot::bot {

bool thing_pronoun_leads(std::string_view normalized) {
  std::u32string c = content(normalized);
  for (const std::u32string marker : {std::u32string(U"那么"), std::u32string(U"那")}) {
    if (c.compare(0, marker.size(), marker) == 0) {
      c.erase(0, marker.size());
      break;
    }
  }
  return c.compare(0, 1, U"它") == 0;
}

}  // namespace faqbot::bot
