#include "retrieval/components.h"

namespace faqbot::retrieval {

Components Components::without(std::string_view list) {
  Components c;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t end = list.find(',', pos);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view name = list.substr(pos, end - pos);
    if (name == "dense") c.dense = false;
    if (name == "lexical") c.lexical = false;
    if (name == "linear") c.linear = false;
    if (name == "pinyin") c.pinyin = false;
    if (name == "clauses") c.clauses = false;
    if (name == "augment") c.augment = false;
    if (name == "initials") c.initials = false;
    if (name == "slots") c.slots = false;
    pos = end + 1;
  }
  return c;
}

std::string Components::key() const {
  std::string k;
  for (auto [on, name] : {std::pair{dense, "dense"}, {lexical, "lexical"}, {linear, "linear"},
                          {pinyin, "pinyin"}, {clauses, "clauses"}, {augment, "augment"},
                          {initials, "initials"}, {slots, "slots"}}) {
    if (!on) k += std::string(name) + ",";
  }
  return k;
}

}  // namespace faqbot::retrieval
