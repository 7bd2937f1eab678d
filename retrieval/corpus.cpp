#include "retrieval/corpus.h"

namespace faqbot::retrieval {

Corpus make_corpus(const knowledge::KnowledgeBase& kb) {
  Corpus corpus;
  corpus.docs.reserve(kb.entries.size());
  for (const knowledge::Entry& e : kb.entries) {
    Document doc;
    doc.id = e.id;
    doc.texts = e.questions;
    if (!e.title.empty()) doc.texts.push_back(e.title);
    doc.topic = e.topic;
    doc.type = e.type;
    corpus.docs.push_back(std::move(doc));
    if (e.category == "smalltalk") corpus.small_talk.push_back(e.id);
  }
  corpus.negatives = kb.out_of_scope;
  auto forms_of = [](const knowledge::OtherProduct& p) {
    OtherProduct product{p.name, {p.name}};
    product.forms.insert(product.forms.end(), p.aliases.begin(), p.aliases.end());
    return product;
  };
  for (const knowledge::OtherProduct& p : kb.other_products()) corpus.other_products.push_back(forms_of(p));
  for (const knowledge::OtherProduct& k : kb.other_kinds()) corpus.other_kinds.push_back(forms_of(k));
  corpus.product_as_means = kb.other_product_cues.as_means;
  corpus.product_about_us = kb.other_product_cues.about_us;
  corpus.synonyms = kb.synonyms;
  for (const auto& [topic, words] : kb.followup.topic_cues) {
    corpus.topic_words.insert(corpus.topic_words.end(), words.begin(), words.end());
  }
  corpus.topic_cues = kb.followup.topic_cues;
  corpus.type_cues = kb.followup.type_cues;
  return corpus;
}

}  // namespace faqbot::retrieval
