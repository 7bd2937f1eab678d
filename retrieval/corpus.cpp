#include "retrieval/corpus.h"

#include "knowledge/other_companies.h"
#include "knowledge/utf8.h"

namespace faqbot::retrieval {
namespace {

// The sentences of a rendered answer (split at 。！？；, line breaks and
// their ASCII forms), without placeholders left unfilled ({user_name}).
std::vector<std::string> answer_evidence(const std::string& answer) {
  std::vector<std::string> out;
  std::u32string cur;
  bool in_placeholder = false;
  auto flush = [&] {
    size_t b = 0, e = cur.size();
    while (b < e && (cur[b] == U' ' || cur[b] == U'\u3000')) ++b;
    while (e > b && (cur[e - 1] == U' ' || cur[e - 1] == U'\u3000')) --e;
    if (e > b) out.push_back(utf8::encode(cur.substr(b, e - b)));
    cur.clear();
  };
  for (char32_t cp : utf8::decode(answer)) {
    if (cp == U'{') {
      in_placeholder = true;
    } else if (cp == U'}') {
      in_placeholder = false;
    } else if (in_placeholder) {
      continue;
    } else if (cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；' || cp == U'!' || cp == U'?' ||
               cp == U';' || cp == U'\n') {
      flush();
    } else {
      cur.push_back(cp);
    }
  }
  flush();
  return out;
}

}  // namespace

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
    doc.evidence = answer_evidence(kb.render(e.answer));
    doc.evidence.insert(doc.evidence.end(), e.tags.begin(), e.tags.end());
    corpus.docs.push_back(std::move(doc));
    if (e.category == "smalltalk") corpus.small_talk.push_back(e.id);
  }
  corpus.negatives = kb.out_of_scope;
  for (const knowledge::Lookup& l : kb.lookups) {
    corpus.lookups.push_back(l.all_of);
    corpus.lookup_exclusions.push_back(l.none_of);
    corpus.lookup_labels.push_back(l.reply);
  }
  auto forms_of = [](const knowledge::OtherProduct& p) {
    OtherProduct product{p.name, {p.name}, p.not_a_means};
    product.forms.insert(product.forms.end(), p.aliases.begin(), p.aliases.end());
    return product;
  };
  for (const knowledge::OtherProduct& p : kb.other_products()) corpus.other_products.push_back(forms_of(p));
  // The companies running them, named themselves (knowledge/other_companies.h).
  for (const knowledge::OtherProduct& c : knowledge::companies_as_products(kb)) {
    corpus.other_products.push_back(forms_of(c));
  }
  for (const knowledge::OtherProduct& k : kb.other_kinds()) corpus.other_kinds.push_back(forms_of(k));
  corpus.product_as_means = kb.other_product_cues.as_means;
  corpus.product_about_us = kb.other_product_cues.about_us;
  corpus.product_our_actions = kb.other_product_cues.our_actions;
  corpus.issued_products = kb.issued_products;
  for (const knowledge::OtherService& s : kb.other_services) {
    corpus.other_services.push_back({s.name, s.holders, s.words, s.own_actions});
  }
  corpus.synonyms = kb.synonyms;
  for (const auto& [topic, words] : kb.followup.topic_cues) {
    corpus.topic_words.insert(corpus.topic_words.end(), words.begin(), words.end());
  }
  corpus.topic_cues = kb.followup.topic_cues;
  corpus.type_cues = kb.followup.type_cues;
  return corpus;
}

}  // namespace faqbot::retrieval
