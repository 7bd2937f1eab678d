#pragma once
// The OpenAPI 3.0 description of the core API, written by hand, and the
// document served at /openapi.json (core + extension routes). A test checks
// that its (method, path) pairs equal the routes the server registers.
#include <string>
#include <vector>

#include "adapters/http/server.h"

namespace faqbot::http {

// The hand-written document of the core routes (JSON text).
const std::string& core_openapi_json();

// The served document: the core one plus a minimal entry for every mounted
// route it does not describe (IM channel webhooks).
std::string openapi_json(const std::vector<MountedRoute>& mounted);

}  // namespace faqbot::http
