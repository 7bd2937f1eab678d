#pragma once
// Validation of a text typed by a person (investor or agent) before it is
// used: valid UTF-8, bidi controls and zero-width characters dropped
// (utf8::sanitize), trimmed, not empty, at most max_chars characters.
// Masking of personal numbers is the store's (masking_store.h).
#include <cstddef>
#include <string>

#include "knowledge/status.h"

namespace faqbot::service {

// The cleaned text, or kInvalidArgument naming `what` ("text", "note", …).
Result<std::string> clean_typed_text(const std::string& raw, size_t max_chars, const char* what);

}  // namespace faqbot::service
