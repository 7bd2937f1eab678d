#include "bot/service/engine_holder.h"

#include <exception>

namespace faqbot::service {

EngineHolder::EngineHolder(Loader loader) : loader_(std::move(loader)) {}

EngineHolder::EngineHolder(Loader loader, std::shared_ptr<const bot::Engine> initial)
    : loader_(std::move(loader)), engine_(std::move(initial)) {}

std::shared_ptr<const bot::Engine> EngineHolder::current() const {
  std::lock_guard<std::mutex> lock(ptr_mu_);
  return engine_;
}

EngineHolder::Serving EngineHolder::serving() const {
  std::lock_guard<std::mutex> lock(ptr_mu_);
  return {engine_, kb_version_};
}

void EngineHolder::install(std::shared_ptr<const bot::Engine> engine, int64_t kb_version) {
  std::lock_guard<std::mutex> serial(reload_mu_);
  std::lock_guard<std::mutex> lock(ptr_mu_);
  engine_ = std::move(engine);
  kb_version_ = kb_version;
  ++reloads_;
}

int64_t EngineHolder::reload_count() const {
  std::lock_guard<std::mutex> lock(ptr_mu_);
  return reloads_;
}

EngineHolder::ReloadResult EngineHolder::reload() {
  std::lock_guard<std::mutex> serial(reload_mu_);
  ReloadResult result;
  bot::Engine::LoadOutcome outcome;
  try {
    outcome = loader_();
  } catch (const std::exception& e) {
    outcome.status = Status(StatusCode::kInternal, std::string("engine load threw: ") + e.what());
  } catch (...) {
    outcome.status = Status(StatusCode::kInternal, "engine load threw");
  }
  for (const knowledge::Diagnostic& d : outcome.diagnostics) {
    (d.severity == knowledge::Severity::kError ? result.errors : result.warnings).push_back(d);
  }
  if (outcome.engine) {
    std::lock_guard<std::mutex> lock(ptr_mu_);
    engine_ = std::move(outcome.engine);
    kb_version_ = 0;
    ++reloads_;
    result.ok = true;
    result.content_hash = engine_->kb().content_hash;
    return result;
  }
  result.message = outcome.status.message().empty() ? "the knowledge base did not load"
                                                    : outcome.status.message();
  if (auto old = current()) result.content_hash = old->kb().content_hash;
  return result;
}

}  // namespace faqbot::service
