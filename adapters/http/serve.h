#pragma once
// `faqbot serve`: the HTTP service. Settings as in adapters/http/settings.h.
// Exit status: 0 after a clean stop (SIGINT/SIGTERM), 1 when the store or the
// knowledge base cannot be opened or the port cannot be bound, 2 on bad settings.
#include <string>
#include <vector>

#include "adapters/http/routes.h"

namespace faqbot::http {

// argv: the arguments after "serve".
int run_serve(int argc, char** argv);
// The same with extension routes (IM channels) mounted next to the core API;
// `extra_usage` (their settings) is printed after the server's by --help.
int run_serve(int argc, char** argv, const std::vector<RouteProvider>& providers,
              const std::string& extra_usage = "");

}  // namespace faqbot::http
