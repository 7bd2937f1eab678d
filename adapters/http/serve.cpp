#include "adapters/http/serve.h"

#include <pthread.h>
#include <signal.h>

#include <cstring>
#include <iostream>
#include <thread>

#include "adapters/http/app.h"

namespace faqbot::http {

int run_serve(int argc, char** argv) { return run_serve(argc, argv, {}); }

int run_serve(int argc, char** argv, const std::vector<RouteProvider>& providers,
              const std::string& extra_usage) {
  std::vector<std::string> args(argv, argv + argc);
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      std::cout << settings_usage() << extra_usage;
      return 0;
    }
  }
  auto settings = load_settings(args);
  if (!settings.ok()) {
    std::cerr << "faqbot serve: invalid settings:\n" << settings.status().message() << "\n";
    return 2;
  }

  // Signals are taken by one watcher thread; every other thread blocks them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  AppOptions options;
  options.settings = settings.value();
  options.providers = providers;
  std::cerr << "faqbot serve: loading the knowledge base from " << options.settings.config_dir << " …\n";
  auto app = App::create(std::move(options));
  if (!app.ok()) {
    std::cerr << "faqbot serve: " << app.status().message() << "\n";
    return 1;
  }
  App& a = *app.value();

  const Settings& s = a.settings();
  auto port = a.bind();
  if (!port.ok()) {
    std::cerr << "faqbot serve: " << port.status().message() << "\n";
    return 1;
  }
  std::thread watcher([&a, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (sig == SIGINT || sig == SIGTERM) {
      std::cerr << "faqbot serve: stopping (" << strsignal(sig) << ")\n";
      a.stop();
    }
  });
  for (const std::string& notice : s.notices) std::cerr << "faqbot serve: " << notice << "\n";
  if (s.agent_tokens.empty()) {
    std::cerr << "faqbot serve: warning: FAQBOT_AGENT_TOKENS is empty: no agent can log in to /agent\n";
  }
  if (s.admin_token.empty() && s.admin_tokens.empty()) {
    std::cerr << "faqbot serve: warning: FAQBOT_ADMIN_TOKEN and FAQBOT_ADMINS are empty: /v1/admin/* answers 401\n";
  }
  std::cerr << "faqbot serve: listening on http://" << s.host << ":" << port.value() << " (store "
            << s.store_location() << ", " << s.threads << " threads)\n";
  const bool served = a.serve();
  // The server stopped (signal or failure): make sure the watcher exits too.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  if (!served) {
    std::cerr << "faqbot serve: the server failed while serving\n";
    return 1;
  }
  return 0;
}

}  // namespace faqbot::http
