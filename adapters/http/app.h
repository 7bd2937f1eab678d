#pragma once
// The whole service wired together: settings -> store -> engine -> Service ->
// HTTP server with the core routes and any extension routes, plus the
// background sweeper (promised reply times). Used by `faqbot serve` and by
// the integration tests (which start it on a free loopback port).
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "adapters/http/metrics.h"
#include "adapters/http/routes.h"
#include "bot/ops/kb_releases.h"
#include "adapters/http/server.h"
#include "adapters/http/settings.h"
#include "bot/service/engine_holder.h"
#include "bot/service/replica_relay.h"
#include "bot/service/service.h"
#include "bot/store/store.h"
#include "knowledge/status.h"

namespace faqbot::http {

struct AppOptions {
  Settings settings;
  // Builds the engine; null = the live knowledge-base version of the store
  // (bot/ops/kb_releases.h: the config dir becomes version 1 on first start;
  // releases, rollbacks and reloads through any replica reach this one).
  // Given (tests with a scripted engine): knowledge-base versions are off.
  service::EngineHolder::Loader loader;
  int kb_poll_interval_ms = 2000;        // how often the live version id is read
  store::StoreOptions store_options;     // sync_every_commit comes from settings
  std::vector<RouteProvider> providers;  // extension routes (IM channels)
  std::function<int64_t()> clock;        // null = wall clock (tests move time)
  int sweep_interval_ms = 1000;
};

class App {
 public:
  // Opens the store (creating the data dir), loads the engine and mounts the
  // routes. kInvalidArgument with the lint errors, one a line, when the
  // knowledge base does not load; kInternal when the store cannot be opened.
  static Result<std::unique_ptr<App>> create(AppOptions options);
  ~App();

  // Binds settings.host:settings.port (0 = any free port) and serves on a
  // background thread. Returns the port.
  Result<int> start();
  // Binds settings.host:settings.port; returns the bound port.
  Result<int> bind();
  // After bind(): serves on the calling thread until stop() (from another
  // thread or a signal watcher). False when serving failed.
  bool serve();
  void stop();

  service::Service& service() { return *service_; }
  HttpServer& server() { return *server_; }
  const Settings& settings() const { return options_.settings; }

 private:
  explicit App(AppOptions options);
  void start_sweeper();

  AppOptions options_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<service::EngineHolder> engines_;
  std::unique_ptr<ops::KbReleases> releases_;  // null with AppOptions::loader
  std::unique_ptr<service::Service> service_;
  std::unique_ptr<service::ReplicaRelay> relay_;  // other replicas' messages -> the bus
  HttpMetrics metrics_;
  std::unique_ptr<ApiContext> context_;
  std::unique_ptr<HttpServer> server_;
  // Retention (Settings::retention_days): at most hourly, from the sweeper.
  // *last_ms: when it last ran (0 = never).
  void erase_expired(int64_t* last_ms);
  std::thread sweeper_;
  std::mutex sweep_mu_;
  std::condition_variable sweep_cv_;
  bool stopping_ = false;
};

}  // namespace faqbot::http
