#pragma once
// The one error envelope of the API: {"error": {"code": "...", "message": "..."}}
// with the matching HTTP status. Every failure of every route goes through here.
#include <string>

#include "adapters/http/http_types.h"
#include "knowledge/status.h"

namespace faqbot::http {

enum class ApiError {
  kMalformedJson,     // 400 malformed_json
  kInvalidUtf8,       // 400 invalid_utf8
  kBadRequest,        // 400 bad_request
  kUnauthorized,      // 401 unauthorized
  kForbidden,         // 403 forbidden
  kNotFound,          // 404 not_found
  kConflict,          // 409 conflict
  kPayloadTooLarge,   // 413 payload_too_large
  kValidation,        // 422 validation_failed
  kCompliance,        // 422 compliance (an agent's reply makes a banned promise)
  kRateLimited,       // 429 rate_limited
  kInternal,          // 500 internal
  kUnavailable,       // 503 unavailable
};

int status_of(ApiError error);
const char* code_of(ApiError error);

Response error_response(ApiError error, const std::string& message);
// kInvalidArgument -> 422, kNotFound -> 404, kFailedPrecondition -> 409,
// kUnauthenticated -> 401; anything else (storage, no engine) -> 503 with a
// fixed message and Retry-After, the status's own text only on stderr.
Response error_response(const Status& status);
// The envelope body alone.
std::string error_body(const char* code, const std::string& message);

// A JSON body with status 200 (or `status`).
Response json_response(const std::string& json_text, int status = 200);

}  // namespace faqbot::http
