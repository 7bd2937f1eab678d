#pragma once
// Words of a question read in a plainer form at query time only, never in
// the knowledge base's own texts (so nothing the models learn changes): 月供
// (a monthly repayment) is read as 每月还款, "repay my loan early" (any case)
// as 提前还款. A question naming another
// company's product or a kind of product we do not offer (房贷月供) keeps its
// words: that is the caller's check (EngineRetriever::search). Pure.
#include <string>
#include <string_view>

namespace faqbot::retrieval {

// `text` with every query form replaced by its plain form; `text` itself
// when it holds none.
std::string with_query_forms(std::string_view text);

}  // namespace faqbot::retrieval
