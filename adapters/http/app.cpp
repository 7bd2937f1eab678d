#include "adapters/http/app.h"

#include <filesystem>

#include <omp.h>

#include <iostream>

namespace faqbot::http {

App::App(AppOptions options) : options_(std::move(options)) {}

App::~App() { stop(); }

Result<std::unique_ptr<App>> App::create(AppOptions options) {
  std::unique_ptr<App> app(new App(std::move(options)));
  const Settings& s = app->options_.settings;

  if (s.store.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(s.data_dir, ec);
    if (ec) return Status(StatusCode::kInternal, "cannot create the data directory " + s.data_dir + ": " + ec.message());
  }
  store::StoreOptions store_options = app->options_.store_options;
  store_options.sync_every_commit = s.sync_every_commit;
  auto opened = store::open_store(s.store_location(), store_options);
  if (!opened.ok()) {
    return Status(StatusCode::kInternal, "cannot open the store at " + s.store_location() + ": " +
                                             opened.status().message());
  }
  app->store_ = std::move(opened).value();

  service::EngineHolder::Loader loader = app->options_.loader;
  const bool from_store = !loader;
  if (from_store) {
    const std::string config_dir = s.config_dir, cache_dir = s.index_cache_dir();
    loader = [config_dir, cache_dir] { return bot::Engine::load(config_dir, cache_dir); };
  }
  app->engines_ = std::make_unique<service::EngineHolder>(loader);
  if (from_store) {
    ops::KbReleaseOptions ko;
    ko.config_dir = s.config_dir;
    ko.cache_dir = s.index_cache_dir();
    ko.poll_interval_ms = app->options_.kb_poll_interval_ms;
    app->releases_ = std::make_unique<ops::KbReleases>(*app->store_, *app->engines_, ko);
    if (Status started = app->releases_->start(); !started.ok()) {
      if (started.code() == StatusCode::kInvalidArgument) return started;
      return Status(StatusCode::kInternal, "cannot load the live knowledge base from the store: " + started.message());
    }
  } else {
    auto loaded = app->engines_->reload();
    if (!loaded.ok) {
      std::string message = "the knowledge base in " + s.config_dir + " does not load: " + loaded.message;
      for (const auto& d : loaded.errors) message += "\n" + knowledge::format(d);
      return Status(StatusCode::kInvalidArgument, message);
    }
  }

  service::ServiceOptions so;
  so.max_text_chars = s.max_text_chars;
  so.hours = service::ServiceHours::parse(s.service_hours, s.utc_offset_minutes).value();
  so.no_claim_timeout_ms = s.no_claim_timeout_s * 1000;
  so.callback_ms = s.callback_minutes * 60 * 1000;
  so.quick_replies = s.quick_replies;
  if (so.quick_replies.empty()) {
    so.quick_replies = {"您好，请问有什么可以帮您？",
                        "麻烦您稍等，我这边为您查询一下。",
                        "非常抱歉给您带来不便，我们会尽快为您处理。",
                        "具体以银行处理结果为准，请您留意账户变动。",
                        "感谢您的耐心等待，欢迎您随时再来咨询。"};
  }
  so.clock = app->options_.clock;
  app->service_ = std::make_unique<service::Service>(*app->store_, *app->engines_, std::move(so));
  app->relay_ = std::make_unique<service::ReplicaRelay>(*app->store_, app->service_->bus());

  ServerOptions server_options;
  server_options.threads = s.threads;
  server_options.keep_alive_max = s.keep_alive_max;
  server_options.keep_alive_timeout_ms = s.keep_alive_timeout_ms;
  server_options.max_body_bytes = s.max_body_bytes;
  server_options.max_header_bytes = s.max_header_bytes;
  server_options.header_timeout_ms = s.header_timeout_ms;
  server_options.body_timeout_ms = s.body_timeout_ms;
  server_options.write_timeout_ms = s.write_timeout_ms;
  server_options.max_connections = s.max_connections;
  server_options.max_connections_per_client = s.max_connections_per_client;
  server_options.cors_origins = s.cors_origins;
  server_options.trust_forwarded_for = s.trust_forwarded_for;
  server_options.rate_client = s.rate_client;
  // One request = one worker thread. With dozens of concurrent requests on a
  // few cores, an OpenMP team per query (FAISS, the embedder) only adds
  // context switches: measured 2,000 -> 3,300 chat requests/s at 32
  // connections on 2 cores.
  server_options.worker_init = [] { omp_set_num_threads(1); };
  app->server_ = std::make_unique<HttpServer>(server_options, app->metrics_);
  app->metrics_.add_exposition([server = app->server_.get()] { return server->transport_metrics(); });
  app->context_ = std::make_unique<ApiContext>(*app->service_, app->options_.settings, app->metrics_);
  app->context_->releases = app->releases_.get();
  register_api_routes(*app->server_, *app->context_);
  for (const RouteProvider& provider : app->options_.providers) {
    for (Route& r : provider(*app->service_)) {
      if (is_metrics_route(r)) {
        Handler handler = r.handler;
        app->metrics_.add_exposition([handler] { return handler(Request{}).body; });
        r.handler = admin_only(*app->context_, std::move(handler));
      }
      app->server_->add_route(std::move(r), false);
    }
  }
  service::Service* service = app->service_.get();
  app->server_->on_stop = [service] { service->bus().shutdown(); };
  return app;
}

void App::start_sweeper() {
  if (sweeper_.joinable()) return;
  if (releases_) releases_->start_polling();
  sweeper_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(sweep_mu_);
    int64_t last_erase_ms = 0;
    while (!stopping_) {
      sweep_cv_.wait_for(lock, std::chrono::milliseconds(options_.sweep_interval_ms));
      if (stopping_) break;
      lock.unlock();
      service_->sweep();
      erase_expired(&last_erase_ms);
      lock.lock();
    }
  });
}

void App::erase_expired(int64_t* last_ms) {
  constexpr int64_t kEveryMs = 3'600'000;
  const int days = options_.settings.retention_days;
  if (days <= 0) return;
  const int64_t now = options_.clock ? options_.clock() : store::now_ms();
  if (*last_ms != 0 && now - *last_ms < kEveryMs) return;
  *last_ms = now;
  auto erased = service_->store().erase_older_than(now - days * int64_t{86'400'000});
  if (!erased.ok()) {
    std::cerr << "faqbot serve: retention: " << erased.status().message() << "\n";
  } else if (erased.value() > 0) {
    std::cerr << "faqbot serve: retention: erased " << erased.value() << " conversations idle for more than "
              << days << " days\n";
  }
}

Result<int> App::start() {
  auto port = server_->start(options_.settings.host, options_.settings.port);
  if (port.ok()) start_sweeper();
  return port;
}

Result<int> App::bind() { return server_->bind(options_.settings.host, options_.settings.port); }

bool App::serve() {
  start_sweeper();
  return server_->listen();
}

void App::stop() {
  {
    std::lock_guard<std::mutex> lock(sweep_mu_);
    stopping_ = true;
  }
  sweep_cv_.notify_all();
  if (sweeper_.joinable()) sweeper_.join();
  if (server_) server_->stop();
}

}  // namespace faqbot::http
