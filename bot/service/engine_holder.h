#pragma once
// Holds the current answering Engine and replaces it atomically on reload.
//
// Readers call current() and keep the returned shared_ptr for the duration of
// one request: a reload never blocks or disturbs them (the old Engine lives on
// until its last reader lets go). reload() builds a whole new Engine first and
// swaps only when it loaded; a broken knowledge base leaves the old one serving
// and returns the lint diagnostics. Thread-safe; reloads are serialised.
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bot/engine.h"

namespace faqbot::service {

class EngineHolder {
 public:
  using Loader = std::function<bot::Engine::LoadOutcome()>;

  // `loader` builds a fresh Engine (normally bot::Engine::load on the config dir).
  explicit EngineHolder(Loader loader);
  // Starts with an already loaded engine (tests, or a load done by the caller).
  EngineHolder(Loader loader, std::shared_ptr<const bot::Engine> initial);

  // Null until a load succeeded.
  std::shared_ptr<const bot::Engine> current() const;

  // The serving engine with the id of the knowledge-base version (in the
  // store) it was loaded from, read together; 0 = not from a stored version.
  struct Serving {
    std::shared_ptr<const bot::Engine> engine;
    int64_t kb_version = 0;
  };
  Serving serving() const;

  // Swaps in an engine the caller loaded from stored version `kb_version`
  // (bot/ops/kb_releases.h); counted as a reload. `engine` non-null.
  void install(std::shared_ptr<const bot::Engine> engine, int64_t kb_version);

  struct ReloadResult {
    bool ok = false;
    std::string message;                       // why it failed
    std::vector<knowledge::Diagnostic> errors; // lint errors (severity error)
    std::vector<knowledge::Diagnostic> warnings;
    std::string content_hash;                  // of the engine now serving ("" if none)
  };
  ReloadResult reload();

  int64_t reload_count() const;  // successful reloads since start (not the initial load)

 private:
  Loader loader_;
  std::mutex reload_mu_;
  mutable std::mutex ptr_mu_;  // guards engine_ (held only for a pointer copy)
  std::shared_ptr<const bot::Engine> engine_;
  int64_t kb_version_ = 0;  // guarded by ptr_mu_
  int64_t reloads_ = 0;
};

}  // namespace faqbot::service
