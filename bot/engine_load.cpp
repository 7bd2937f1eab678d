// Engine::load: knowledge base -> settings -> retrieval index -> Engine.
#include "retrieval/corpus.h"
#include "bot/engine.h"
#include "bot/settings.h"

namespace faqbot::bot {
namespace {

Engine::LoadOutcome failure(StatusCode code, std::string message,
                            std::vector<knowledge::Diagnostic> diagnostics) {
  Engine::LoadOutcome out;
  out.status = Status(code, std::move(message));
  out.diagnostics = std::move(diagnostics);
  return out;
}

}  // namespace

Engine::LoadOutcome Engine::load(const std::string& config_dir, const std::string& cache_dir) {
  knowledge::LoadOutcome kb = knowledge::load(config_dir);
  if (!kb.ok()) {
    size_t errors = 0;
    std::string first;
    for (const knowledge::Diagnostic& d : kb.diagnostics) {
      if (d.severity != knowledge::Severity::kError) continue;
      if (errors++ == 0) first = knowledge::format(d);
    }
    return failure(StatusCode::kInvalidArgument,
                   "knowledge base has " + std::to_string(errors) + " error(s)" +
                       (first.empty() ? std::string() : ", first: " + first),
                   std::move(kb.diagnostics));
  }

  Result<EngineSettings> settings = load_settings(config_dir);
  if (!settings.ok()) {
    return failure(settings.status().code(), settings.status().message(),
                   std::move(kb.diagnostics));
  }
  if (Status entries = check_signal_entries(settings.value(), *kb.kb); !entries.ok()) {
    return failure(entries.code(), entries.message(), std::move(kb.diagnostics));
  }
  settings.value().retrieval.cache_dir = cache_dir;

  auto retriever = retrieval::Retriever::build(retrieval::make_corpus(*kb.kb), settings.value().retrieval);
  if (!retriever.ok()) {
    return failure(retriever.status().code(), "retrieval: " + retriever.status().message(),
                   std::move(kb.diagnostics));
  }

  LoadOutcome out;
  out.engine = create(kb.kb, retriever.value(), settings.value());
  out.diagnostics = std::move(kb.diagnostics);
  for (const std::string& w : retriever.value()->warnings()) {
    out.diagnostics.push_back({knowledge::Severity::kWarning, "-", "-", "retrieval: " + w});
  }
  return out;
}

}  // namespace faqbot::bot
