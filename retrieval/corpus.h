#pragma once
// The retrieval corpus of a knowledge base: each entry's question variants
// plus its title (one Document per entry, id = entry id), the out-of-scope
// examples as negatives, the synonym map. Pure function.
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::retrieval {

Corpus make_corpus(const knowledge::KnowledgeBase& kb);

}  // namespace faqbot::retrieval
