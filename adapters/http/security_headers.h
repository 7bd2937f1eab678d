#pragma once
// The security headers every response carries (added by the server, after
// the handler): X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer
// and a Content-Security-Policy. HTML pages may load scripts, styles, images
// and connections from this origin only, never inline script or style
// (their code is in served files), and cannot be framed (frame-ancestors
// 'none' and X-Frame-Options: DENY: the agent console holds an agent's
// session). Everything else (JSON, the widget script, metrics) gets a policy
// that allows nothing, which only matters if a browser renders it.
// A page that embeds /widget.js is governed by its own CSP: the widget needs
// script-src and connect-src for this origin there (README, Security).
#include "adapters/http/http_types.h"

namespace faqbot::http {

extern const char* const kPageContentSecurityPolicy;
extern const char* const kApiContentSecurityPolicy;

// Adds the headers to `r` unless the handler set one of the same name.
void add_security_headers(Response& r);

}  // namespace faqbot::http
