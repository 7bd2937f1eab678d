#include "adapters/http/security_headers.h"

#include <strings.h>

namespace faqbot::http {

const char* const kPageContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";
const char* const kApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

namespace {

void set_default(Response& r, const char* name, const char* value) {
  for (const auto& [k, v] : r.headers) {
    if (strcasecmp(k.c_str(), name) == 0) return;
  }
  r.headers.emplace_back(name, value);
}

}  // namespace

void add_security_headers(Response& r) {
  const bool page = r.content_type.rfind("text/html", 0) == 0;
  set_default(r, "Content-Security-Policy", page ? kPageContentSecurityPolicy : kApiContentSecurityPolicy);
  set_default(r, "X-Content-Type-Options", "nosniff");
  set_default(r, "Referrer-Policy", "no-referrer");
  set_default(r, "X-Frame-Options", "DENY");
}

}  // namespace faqbot::http
