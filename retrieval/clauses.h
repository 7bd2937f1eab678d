#pragma once
// Clause splitting of a raw question: "提现多久到账，今天天气真不错" holds one
// question and one chit-chat clause. The retriever answers the clause it is
// surest about when the whole text is not a clear match.
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::retrieval {

// At most this many clauses are returned: the first and the last ones.
constexpr size_t kMaxClauses = 4;

// The clauses of `raw` split at sentence and clause punctuation (ASCII and
// full-width) and whitespace runs, trimmed, empty ones dropped. One clause
// (or none) means there is nothing to choose between.
std::vector<std::string> split_clauses(std::string_view raw);

// Every clause of `raw`, split as split_clauses() splits, none left out.
std::vector<std::string> split_all_clauses(std::string_view raw);

// The sentences of `raw` split after sentence-final punctuation (。？！；
// and their ASCII forms but the full stop, which also writes decimals) and
// at line breaks, trimmed, empty ones dropped. Each keeps its final mark, so
// a question mark still tells a question. A long written message (an e-mail,
// a feedback form) puts its question in a sentence of its own among the
// story, which the first and last clauses above may not hold.
std::vector<std::string> split_sentences(std::string_view raw);

}  // namespace faqbot::retrieval
