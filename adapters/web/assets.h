#pragma once
// The web pages of faqbot (demo page, chat widget, agent console), compiled
// into the binary at build time from the files in adapters/web/ by
// embed_assets.cmake. No file is read at run time.
//
// Thread-safety: everything here is immutable static data; find_asset may be
// called from any thread. The returned pointer and the views it holds stay
// valid for the whole life of the program (static storage), never freed.
#include <string_view>

namespace faqbot::web {

struct Asset {
  std::string_view content_type;  // e.g. "text/html; charset=utf-8"
  std::string_view body;          // the file's bytes, unchanged
};

// The asset served at `url_path` (exact match, no query string):
//   "/"          demo.html   (the demo page of 示例贷 with the widget)
//   "/widget.js" widget.js   (the embeddable chat widget)
//   "/agent"     agent.html  (the agent console)
//   "/agent.js", "/agent_alerts.js", "/agent_panels.js", "/agent.css",
//   "/demo.css"  the pages' scripts and styles
//                (separate files: the pages' CSP forbids inline code)
// nullptr for any other path.
const Asset* find_asset(std::string_view url_path);

}  // namespace faqbot::web
