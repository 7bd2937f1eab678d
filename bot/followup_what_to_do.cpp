#include "bot/followup_what_to_do.h"

#include <string>

#include "bot/followup_predicates.h"

namespace faqbot::bot {

bool asks_what_to_do(std::string_view normalized) {
  std::u32string c = content(normalized);
  while (!c.empty() && std::u32string_view(U"呢啊呀吖哇").find(c.back()) != std::u32string_view::npos) {
    c.pop_back();
  }
  const std::u32string what = U"怎么办";
  return c.size() > what.size() && c.compare(c.size() - what.size(), what.size(), what) == 0;
}

}  // namespace faqbot::bot
