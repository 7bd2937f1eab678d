#pragma once
// Arithmetic on the SearchResults a follow-up reading weighs
// (bot/followup.h): confidences looked up, floored, multiplied across two
// searches and cut. Pure.
#include <string>

#include "bot/followup.h"
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

// The first candidate's confidence, 0 when `r` lists none.
double top_confidence(const retrieval::SearchResult& r);

// Drops `r`'s candidates after the first `k`.
void keep_at_most(retrieval::SearchResult& r, size_t k);

// Confidence of `id` in `r`, or `floor` when `r` does not list it.
double confidence_of(const retrieval::SearchResult& r, const std::string& id, double floor);

// Half the lowest listed confidence: what an unlisted entry is worth.
double floor_of(const retrieval::SearchResult& r);

// The text alone and the text in context as two experts: confidences
// multiplied per entry (unlisted entries at the expert's floor) and
// renormalised, so the winner is what the new words ask about within the
// context. The fragment alone is the weaker expert (its square root: it
// breaks ties and corrects the context, it does not outvote it). Out of
// scope as the context says.
retrieval::SearchResult product(const retrieval::SearchResult& alone,
                                const retrieval::SearchResult& context);

// The best confidence `r` gives an entry of `topic`, 0 when none.
double topic_best(const retrieval::SearchResult& r, const knowledge::KnowledgeBase& kb,
                  const std::string& topic);

// `alone` ranks the entry `reading` answers with among its first `n`.
bool ranked_by(const retrieval::SearchResult& alone, const Reading& reading, size_t n);

// The id of the first entry of `topic` in `r`, "" when none.
std::string best_of_topic(const retrieval::SearchResult& r, const knowledge::KnowledgeBase& kb,
                          const std::string& topic);

}  // namespace faqbot::bot
