// EngineRetriever: a message putting two questions, the second after a word
// turning to it ("充值有限额吗 对了你们周末上班吗", "怎么绑卡 还有实名要什么"),
// is answered on its first question.
#include <algorithm>
#include <iterator>

#include "retrieval/clauses.h"
#include "retrieval/engine_retriever.h"
#include "retrieval/message_cues.h"

namespace faqbot::retrieval {
namespace {

// Words opening a clause that turn to another question, as written (before
// the synonyms). 还有 opens a clause telling a fact too ("提现失败了 还有钱
// 没退"), which is why the clauses before it must ask a question of their own.
constexpr const char* kTurns[] = {"对了", "还有", "另外", "顺便问", "顺便再问", "再问", "还想问", "再就是",
                                  "然后还有", "另一个问题", "还有个问题", "还有一个问题"};

bool opens_with_turn(const std::string& written) {
  return std::any_of(std::begin(kTurns), std::end(kTurns),
                     [&](const char* w) { return written.rfind(w, 0) == 0; });
}

}  // namespace

// The clauses before the first clause (not the first) opening with a turn
// word (kTurns), read alone when they ask a question (asks_question) naming
// one of our topics and read clearly (clear(), kClearAnswerable) as another
// entry than `r`'s best: that reading replaces `r`'s, whose evidence the
// second question only pulled toward its own entry.
void EngineRetriever::read_first_question(std::string_view text, size_t k, SearchResult& r) const {
  const std::vector<std::string> clauses = split_all_clauses(text);
  std::string first;
  for (size_t i = 0; i < clauses.size(); ++i) {
    if (i > 0 && opens_with_turn(normalizer_->normalize_without_synonyms(clauses[i]))) {
      const std::string normalized = normalizer_->normalize(first);
      if (normalized.empty() || !asks_question(normalized) || !names_topic(normalized)) return;
      SearchResult c;
      c.out_of_scope = 1.0;
      score(normalized, k, c);
      if (courtesy(c) || !clear(c) || answerable(c) < kClearAnswerable) return;
      if (!r.candidates.empty() && c.candidates[0].id == r.candidates[0].id) return;
      r.candidates = std::move(c.candidates);
      r.out_of_scope = c.out_of_scope;
      return;
    }
    first += clauses[i];
    first += "，";
  }
}

}  // namespace faqbot::retrieval
