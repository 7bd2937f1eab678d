#pragma once
// Knowledge-base releases over the store (issue 10 points 3-4, issue 11):
// every change is a candidate version evaluated by the release gate
// (release_gate.h); another admin approves it (maker-checker); a release
// that makes a gate figure worse is refused unless overridden with a
// reason; any earlier version can be made live again in one action; every
// step is in the store's audit log.
//
// Every replica serves the store's live version: start() makes the config
// directory version 1 when the store has none, then loads the live version;
// a poller re-reads the live version id every poll_interval_ms and loads a
// new one into the EngineHolder, so a release through one replica reaches
// all within about one interval plus a load (the index is cached by content,
// so a version evaluated once loads from the cache).
//
// Thread-safe: one action at a time per process (and across replicas by
// the store's kb_live lock). The admin actions (candidate, approve, release,
// rollback) refuse with kBusy instead of waiting for another;
// reload_from_disk waits. Readers of the EngineHolder never wait.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/engine.h"
#include "bot/ops/kb_edit.h"
#include "bot/service/engine_holder.h"
#include "bot/store/store.h"

namespace faqbot::ops {

struct KbReleaseOptions {
  std::string config_dir;      // read by start() (first version) and reload_from_disk()
  std::string scratch_dir;     // versions are written here to be loaded ("" = system temp dir)
  std::string cache_dir;       // the engines' index cache ("" = none)
  int poll_interval_ms = 2000;
};

// Why an action was refused; kNone = done.
enum class KbRefusal {
  kNone,
  kInvalid,        // malformed request, or the change does not lint (details = lint lines)
  kNotFound,       // no such version
  kForbidden,      // the approver is the author (maker-checker)
  kConflict,       // the version is not in a state that allows the action
  kNotApproved,    // a release of a version that is not approved
  kRegressed,      // the gate found regressions and no override reason was given (details)
  kUnavailable,    // the store or an engine load failed
  kBusy,           // another action runs in this process: try again shortly
};

struct KbOutcome {
  store::KbVersion version;  // the version after the action, when done
  KbRefusal refusal = KbRefusal::kNone;
  std::string message;
  std::vector<std::string> details;
  bool ok() const { return refusal == KbRefusal::kNone; }
};

class KbReleases {
 public:
  KbReleases(store::Store& store, service::EngineHolder& engines, KbReleaseOptions options);
  ~KbReleases();  // stops the poller
  KbReleases(const KbReleases&) = delete;
  KbReleases& operator=(const KbReleases&) = delete;

  // Makes the config directory version 1 (author "system", released) when the
  // store has no version, then loads the live version into the EngineHolder.
  // kInvalidArgument with the lint errors, one a line, when it does not load.
  Status start();
  // Polls the live version every poll_interval_ms on a thread of its own.
  void start_polling();
  // Loads the live version when it is not the one serving. True when it
  // changed the serving engine.
  Result<bool> sync();

  // A candidate from `changes` (see kb_edit.h) applied to version `base`
  // (0 = the live one), evaluated against the live version.
  KbOutcome create_candidate(const std::string& author, const std::string& note, const nlohmann::json& changes,
                             int64_t base);
  KbOutcome approve(int64_t id, const std::string& approver);
  // A candidate or approved version will not be released: by any admin (the
  // author withdrawing it, or a checker saying no), with a reason (kInvalid
  // when blank or longer than kMaxReasonChars) shown with the version.
  KbOutcome refuse(int64_t id, const std::string& admin, const std::string& reason);
  static constexpr size_t kMaxReasonChars = 500;
  // Re-evaluates when the live version changed since the evaluation.
  KbOutcome release(int64_t id, const std::string& actor, const std::string& override_reason);
  KbOutcome rollback(int64_t to, const std::string& actor);
  // The config directory as it is on disk, released at once as a new version
  // (audit "reloaded"): kInvalid with the lint errors when it does not load.
  KbOutcome reload_from_disk(const std::string& actor);

  // A version with its evaluation and, per changed file against its parent,
  // a diff (kb_views.h).
  Result<nlohmann::json> describe(int64_t id);

  int64_t serving_version() const;
  int poll_interval_ms() const { return options_.poll_interval_ms; }

 private:
  struct Loaded {
    std::shared_ptr<const bot::Engine> engine;
    std::vector<knowledge::Diagnostic> errors, warnings;
    std::string message;  // why it did not load
  };
  Loaded load(const KbFiles& files) const;
  Result<KbFiles> files_of(const store::KbVersion& version) const;
  // The live version's engine: the serving one when it is live, else loaded.
  Result<std::pair<int64_t, std::shared_ptr<const bot::Engine>>> live_engine();
  Result<nlohmann::json> evaluate(const bot::Engine& candidate);
  // Makes `version` serve here at once (after a release or rollback).
  void serve(const store::KbVersion& version);
  KbOutcome stored(Result<store::KbVersion> r);
  // Logs when the config directory is not what version `live` holds.
  void note_config_drift(int64_t live) const;
  void poll_loop();

  store::Store& store_;
  service::EngineHolder& engines_;
  KbReleaseOptions options_;
  std::mutex action_mu_;     // one action at a time in this process (see kBusy)
  mutable std::mutex sync_mu_;  // guards serving_, failed_
  int64_t serving_ = 0;      // version installed in engines_
  int64_t failed_ = 0;       // live version that did not load here (not retried until it changes)
  std::thread poller_;
  std::mutex poll_mu_;
  std::condition_variable poll_cv_;
  bool stopping_ = false;
};

}  // namespace faqbot::ops
