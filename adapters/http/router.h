#pragma once
// Finds the route of a request: exact literal segments, "{name}" segments
// match one non-empty segment ("/v1/sessions/{id}/messages"). HEAD uses the
// GET route. Immutable after build, so find() is thread-safe.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace faqbot::http {

class Router {
 public:
  // Adds the pattern of route number `index` for `method`.
  void add(const std::string& method, const std::string& pattern, size_t index);

  struct Match {
    bool found = false;
    bool path_known = false;  // some route has this path, with another method (405)
    size_t index = 0;
    std::map<std::string, std::string> params;
  };
  Match find(const std::string& method, const std::string& path) const;

 private:
  struct Entry {
    std::string method;
    std::vector<std::string> segments;  // "{id}" for a parameter
    size_t index;
  };
  std::vector<Entry> entries_;
};

// "/a/b" -> {"", "a", "b"}.
std::vector<std::string> split_path(const std::string& path);

}  // namespace faqbot::http
