#pragma once
// The runner-up a best candidate must lead to be a clear answer: the best
// other candidate of its topic (of any topic when it has none). Siblings of
// one topic compete; an entry of another topic is a different question. The
// retriever's sentence readings and the bot's policy weigh a lead alike.
#include <algorithm>
#include <cstddef>
#include <string>

namespace faqbot::retrieval {

// Over n candidates, best first, the i-th at(i) (a Candidate); 0 when n < 2.
template <typename At>
double competing_runner_up_of(size_t n, At at) {
  if (n < 2) return 0.0;
  const std::string& topic = at(0).topic;
  double best = 0.0;
  for (size_t i = 1; i < n; ++i) {
    if (topic.empty() || at(i).topic == topic) best = std::max(best, at(i).confidence);
  }
  return best;
}

}  // namespace faqbot::retrieval
