#pragma once
// Fields of a platform's JSON read without exceptions: a missing field, a
// field of another type, or a parent that is not an object reads as absent
// (nlohmann's value() throws in those cases, which no webhook body may be
// able to cause). Pure functions, thread-safe.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace faqbot::channels {

// j[key] when j is an object holding a string there; "" otherwise.
inline std::string field_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// j[key] when it is an object; an empty object otherwise. The reference is
// into `j` or to a static empty object: valid while `j` is.
inline const nlohmann::json& field_object(const nlohmann::json& j, const char* key) {
  static const nlohmann::json empty = nlohmann::json::object();
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : empty;
}

// j[key] when it is a boolean; `fallback` otherwise.
inline bool field_bool(const nlohmann::json& j, const char* key, bool fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

// j[key] when it is an integer; `fallback` otherwise.
inline int64_t field_int(const nlohmann::json& j, const char* key, int64_t fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : fallback;
}

}  // namespace faqbot::channels
