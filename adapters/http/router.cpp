#include "adapters/http/router.h"

namespace faqbot::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

void Router::add(const std::string& method, const std::string& pattern, size_t index) {
  entries_.push_back(Entry{method, split_path(pattern), index});
}

Router::Match Router::find(const std::string& method, const std::string& path) const {
  Match m;
  const std::string& wanted = method == "HEAD" ? std::string("GET") : method;
  const std::vector<std::string> segments = split_path(path);
  for (const Entry& e : entries_) {
    if (e.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; ok && i < segments.size(); ++i) {
      const std::string& p = e.segments[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        ok = !segments[i].empty();
        if (ok) params[p.substr(1, p.size() - 2)] = segments[i];
      } else {
        ok = p == segments[i];
      }
    }
    if (!ok) continue;
    if (e.method != wanted) {
      m.path_known = true;
      continue;
    }
    m.found = true;
    m.index = e.index;
    m.params = std::move(params);
    return m;
  }
  return m;
}

}  // namespace faqbot::http
