// Retriever::build: the corpus merged by id, the cache key, and the engine
// state trained (or loaded from the cache) behind an EngineRetriever.
#include "retrieval/retriever.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <set>

#include "knowledge/utf8.h"
#include "retrieval/engine_cache.h"
#include "retrieval/engine_retriever.h"
#include "retrieval/hashing.h"

namespace faqbot::retrieval {
namespace {

// Entries from which a corpus is large: a graph index instead of exact
// search (resolve_factory) and fewer components (Retriever::build).
constexpr size_t kLargeCorpus = 20000;

// Large corpora: an HNSW graph over the class vectors reduced to 64
// dimensions by PCA. It only proposes candidates (their dense scores are
// recomputed exactly on the full vectors), so the reduction costs little
// accuracy while halving every distance computation of the build and of a
// query; 16 links a node (HNSW16) halves them again. Measured at 100,000
// generated entries against "HNSW32,Flat": build 100 s -> 62 s CPU, search
// p50 0.93 ms -> 0.42 ms, own-question recall@3 1.00 both.
constexpr const char* kLargeFactory = "PCA64,HNSW16";

std::string resolve_factory(const Settings& s, size_t num_docs) {
  if (s.auto_large_index && s.index_factory == "Flat" && num_docs > kLargeCorpus) {
    return s.dim > 64 ? kLargeFactory : "HNSW16";
  }
  return s.index_factory;
}

// Documents merged by id (a repeated id adds its texts) and sorted by id.
// The first non-empty topic and type of an id are its own.
std::vector<Document> canonical_docs(const Corpus& corpus) {
  std::map<std::string, Document> by_id;
  for (const auto& d : corpus.docs) {
    if (d.id.empty()) continue;
    Document& doc = by_id[d.id];
    doc.id = d.id;
    doc.texts.insert(doc.texts.end(), d.texts.begin(), d.texts.end());
    doc.evidence.insert(doc.evidence.end(), d.evidence.begin(), d.evidence.end());
    if (doc.topic.empty()) doc.topic = d.topic;
    if (doc.type.empty()) doc.type = d.type;
  }
  std::vector<Document> out;
  out.reserve(by_id.size());
  for (auto& [id, doc] : by_id) out.push_back(std::move(doc));
  return out;
}

std::string cache_key(const std::vector<Document>& docs, const Corpus& corpus, int dim,
                      const std::string& factory, const Components& components) {
  StableHasher h(0x5eed5eed);
  StableHasher g(0xfeedf00d);
  auto add = [&](std::string_view s) {
    h.add(s);
    g.add(s);
  };
  add("format");
  h.add_u64(kEngineFormatVersion);
  g.add_u64(kEngineFormatVersion);
  add(std::to_string(dim));
  add(factory);
  add(components.key());
  add("docs");
  for (const auto& d : docs) {
    add(d.id);
    h.add_u64(d.texts.size());
    g.add_u64(d.texts.size());
    for (const auto& t : d.texts) add(t);
    add(d.topic);
    add(d.type);
    h.add_u64(d.evidence.size());
    g.add_u64(d.evidence.size());
    for (const auto& t : d.evidence) add(t);
  }
  for (const auto* cues : {&corpus.type_cues, &corpus.topic_cues}) {
    add("cues");
    for (const auto& [name, words] : *cues) {
      add(name);
      h.add_u64(words.size());
      g.add_u64(words.size());
      for (const auto& w : words) add(w);
    }
  }
  add("negatives");
  for (const auto& n : corpus.negatives) add(n);
  for (const auto& [label, list] : {std::pair{"other products", &corpus.other_products},
                                    std::pair{"other kinds", &corpus.other_kinds}}) {
    add(label);
    for (const auto& p : *list) {
      add(p.name);
      h.add_u64(p.forms.size());
      g.add_u64(p.forms.size());
      for (const auto& f : p.forms) add(f);
    }
  }
  add("product cues");
  for (const auto& w : corpus.product_as_means) add(w);
  add("about us");
  for (const auto& w : corpus.product_about_us) add(w);
  add("synonyms");
  for (const auto& [k, v] : corpus.synonyms) {
    add(k);
    add(v);
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.digest()),
                static_cast<unsigned long long>(g.digest()));
  return buf;
}

// The slot matcher over the corpus's cues (null when the component is off).
std::shared_ptr<const QuestionFacets> slot_facets(const Corpus& corpus, const Normalizer& normalizer,
                                                  const EngineState& state) {
  if (!state.components.slots) return nullptr;
  return std::make_shared<const QuestionFacets>(corpus.type_cues, corpus.topic_cues, normalizer,
                                                readings_of(state));
}

Result<EngineState> build_state(const std::vector<Document>& docs, const Corpus& corpus,
                                const Normalizer& normalizer, const Settings& settings,
                                const Components& components, const std::string& factory) {
  const int dim = settings.dim;
  EngineState state;
  state.components = components;
  PreparedCorpus prepared;
  std::vector<std::string> all_lines;
  for (const auto& d : docs) {
    state.entry_ids.push_back(d.id);
    prepared.variants.emplace_back();
    for (const auto& t : d.texts) {
      std::string n = normalizer.normalize(t);
      if (n.empty()) continue;
      all_lines.push_back(n);
      prepared.variants.back().push_back(std::move(n));
    }
  }
  for (const auto& t : corpus.negatives) {
    std::string n = normalizer.normalize(t);
    if (n.empty()) continue;
    all_lines.push_back(n);
    prepared.negatives.push_back(std::move(n));
  }
  auto normalized_all = [&](const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back(normalizer.normalize(w));
    return out;
  };
  auto mentions = [&](const std::vector<OtherProduct>& things, std::vector<std::string> about_us,
                      bool kind_readings) {
    std::vector<std::string> names;
    std::vector<std::pair<std::string, uint32_t>> forms;
    std::vector<uint8_t> not_a_means;
    for (const auto& p : things) {
      const auto index = static_cast<uint32_t>(names.size());
      names.push_back(p.name);
      not_a_means.push_back(p.not_a_means ? 1 : 0);
      for (const auto& f : p.forms) forms.emplace_back(normalizer.normalize(f), index);
    }
    return ProductMentions(std::move(names), std::move(forms), normalized_all(corpus.product_as_means),
                           std::move(about_us), kind_readings, std::move(not_a_means));
  };
  state.products = mentions(corpus.other_products, normalized_all(corpus.product_about_us), false);
  // A kind we do not offer stays someone else's when put to us (你们能办信用卡吗),
  // but not when its bad record is the investor's condition for our loan
  // (信用卡逾期可以办理吗) or ours is feared to affect it (晚还了会影响我办房贷吗).
  state.kinds = mentions(corpus.other_kinds, {}, true);
  prepared.kinds = &state.kinds;
  auto tok = Tokenizer::train(all_lines);
  if (!tok.ok()) return tok.status();
  state.tokenizer = std::move(tok).value();
  if (components.pinyin) {
    auto table = PinyinTable::load(settings.pinyin_readings);
    if (table.ok()) {
      state.pinyin = std::make_shared<const PinyinTable>(std::move(table).value());
    } else {
      state.warnings.push_back("pinyin channel off: " + table.status().message());
    }
  }
  state.tokenizer->set_pinyin(state.pinyin, components.initials);
  for (const auto& texts : prepared.variants) {
    prepared.variant_features.emplace_back();
    for (const auto& t : texts) prepared.variant_features.back().push_back(state.tokenizer->features(t));
  }
  for (const auto& t : prepared.negatives) {
    prepared.negative_features.push_back(state.tokenizer->features(t));
  }
  if (components.augment) {
    const Augmenter augmenter(state.pinyin.get(), all_lines);
    for (size_t e = 0; e < prepared.variants.size(); ++e) {
      prepared.augmented.push_back(augmenter.augment(prepared.variants[e]));
      prepared.augmented_features.emplace_back();
      for (const auto& v : prepared.augmented.back()) {
        prepared.augmented_features.back().push_back(state.tokenizer->features(v.text));
      }
    }
  }
  // Weak evidence of entries with few variants (engine_trainer.h), less
  // what two entries share.
  std::vector<std::vector<std::string>> evidence(docs.size());
  std::map<std::string, std::set<size_t>> owners;
  for (size_t e = 0; e < docs.size(); ++e) {
    if (docs[e].texts.size() > kEvidenceUpToVariants) continue;
    for (const auto& t : docs[e].evidence) {
      std::string n = normalizer.normalize(t);
      if (utf8::decode(n).size() < 2) continue;
      owners[n].insert(e);
      evidence[e].push_back(std::move(n));
    }
  }
  for (size_t e = 0; e < docs.size(); ++e) {
    prepared.evidence.emplace_back();
    prepared.evidence_features.emplace_back();
    for (auto& t : evidence[e]) {
      if (owners[t].size() > 1) continue;
      prepared.evidence_features.back().push_back(state.tokenizer->features(t));
      prepared.evidence.back().push_back(std::move(t));
    }
  }
  if (auto facets = slot_facets(corpus, normalizer, state)) {
    std::vector<std::string> topics, types;
    for (const auto& d : docs) {
      topics.push_back(d.topic);
      types.push_back(d.type);
    }
    prepared.slots = SlotEvidence(std::move(facets), topics, types);
  }
  state.calibrators = fit_calibrators(*state.tokenizer, prepared, dim, components);
  std::vector<size_t> all(docs.size());
  for (size_t e = 0; e < all.size(); ++e) all[e] = e;
  state.slots = prepared.slots.fitted(all, prepared.variants);
  state.trained = train_engine(prepared, dim, components);

  const size_t n = state.entry_ids.size();
  std::vector<float> vectors(n * static_cast<size_t>(dim));
  std::vector<int64_t> ids(n);
  for (size_t e = 0; e < n; ++e) {
    ids[e] = static_cast<int64_t>(e);
    const float* v = state.trained.model.class_vector(static_cast<int>(e));
    std::copy(v, v + dim, vectors.begin() + e * dim);
  }
  auto dense = DenseIndex::build(factory, dim, vectors, ids);
  if (!dense.ok()) return dense.status();
  state.dense = std::move(dense).value();
  return Result<EngineState>(std::move(state));
}

// similarity() over the documents, with the engine's pinyin readings when
// the pinyin channel is on (the table is shared, read-only).
PairSimilarity similarity_over(const std::vector<Document>& docs, const Corpus& corpus,
                               const Normalizer& normalizer, const EngineState& state) {
  return pair_similarity(docs, normalizer, readings_of(state), corpus.type_cues, corpus.topic_cues);
}

}  // namespace

Result<std::shared_ptr<const Retriever>> Retriever::build(const Corpus& corpus,
                                                          const Settings& settings) {
  if (settings.dim < 8 || settings.dim > 2048) {
    return Status(StatusCode::kInvalidArgument, "retrieval dim must be in [8, 2048]");
  }
  try {
    auto normalizer = Normalizer::create(corpus.synonyms);
    if (!normalizer.ok()) return normalizer.status();
    const std::vector<Document> docs = canonical_docs(corpus);
    const std::string factory = resolve_factory(settings, docs.size());
    std::string ablate = settings.ablate;
    if (const char* env = std::getenv("FAQBOT_ABLATE")) ablate += std::string(",") + env;
    Components components = Components::without(ablate);
    if (docs.size() > kLargeCorpus) {
      // At this size the synthetic variants and the pinyin initials (short
      // keys shared by thousands of entries) cost more build time and query
      // time than they add: measured in retrieval_bench (README).
      components.augment = false;
      components.initials = false;
      components.slots = false;
    }
    const std::string key = cache_key(docs, corpus, settings.dim, factory, components);

    if (!settings.cache_dir.empty()) {
      auto cached = load_engine(settings.cache_dir, key);
      if (cached.ok() && cached->entry_ids.size() == docs.size()) {
        cached->components = components;  // part of the key, not of the file
        cached->tokenizer->set_pinyin(cached->pinyin, components.initials);
        cached->slots.set_facets(slot_facets(corpus, *normalizer.value(), cached.value()));
        PairSimilarity pairs = similarity_over(docs, corpus, *normalizer.value(), cached.value());
        return std::shared_ptr<const Retriever>(
            std::make_shared<EngineRetriever>(std::move(normalizer).value(), std::move(cached).value(),
                                              std::move(pairs), corpus));
      }
      // Missing or corrupt: rebuild below (and overwrite).
    }
    auto state = build_state(docs, corpus, *normalizer.value(), settings, components, factory);
    if (!state.ok()) return state.status();
    if (!settings.cache_dir.empty()) {
      // A cache that cannot be written only costs the next start a rebuild.
      (void)save_engine(settings.cache_dir, key, state.value());
    }
    PairSimilarity pairs = similarity_over(docs, corpus, *normalizer.value(), state.value());
    return std::shared_ptr<const Retriever>(
        std::make_shared<EngineRetriever>(std::move(normalizer).value(), std::move(state).value(),
                                          std::move(pairs), corpus));
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string("retrieval build failed: ") + e.what());
  }
}

}  // namespace faqbot::retrieval
