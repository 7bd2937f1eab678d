#include "adapters/http/api_error.h"

#include <iostream>

#include <nlohmann/json.hpp>

namespace faqbot::http {

int status_of(ApiError error) {
  switch (error) {
    case ApiError::kMalformedJson:
    case ApiError::kInvalidUtf8:
    case ApiError::kBadRequest: return 400;
    case ApiError::kUnauthorized: return 401;
    case ApiError::kForbidden: return 403;
    case ApiError::kNotFound: return 404;
    case ApiError::kConflict: return 409;
    case ApiError::kPayloadTooLarge: return 413;
    case ApiError::kValidation:
    case ApiError::kCompliance: return 422;
    case ApiError::kRateLimited: return 429;
    case ApiError::kInternal: return 500;
    case ApiError::kUnavailable: return 503;
  }
  return 500;
}

const char* code_of(ApiError error) {
  switch (error) {
    case ApiError::kMalformedJson: return "malformed_json";
    case ApiError::kInvalidUtf8: return "invalid_utf8";
    case ApiError::kBadRequest: return "bad_request";
    case ApiError::kUnauthorized: return "unauthorized";
    case ApiError::kForbidden: return "forbidden";
    case ApiError::kNotFound: return "not_found";
    case ApiError::kConflict: return "conflict";
    case ApiError::kPayloadTooLarge: return "payload_too_large";
    case ApiError::kValidation: return "validation_failed";
    case ApiError::kCompliance: return "compliance";
    case ApiError::kRateLimited: return "rate_limited";
    case ApiError::kInternal: return "internal";
    case ApiError::kUnavailable: return "unavailable";
  }
  return "internal";
}

std::string error_body(const char* code, const std::string& message) {
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response error_response(ApiError error, const std::string& message) {
  Response r;
  r.status = status_of(error);
  r.body = error_body(code_of(error), message);
  return r;
}

Response error_response(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return error_response(ApiError::kValidation, status.message());
    case StatusCode::kNotFound: return error_response(ApiError::kNotFound, status.message());
    case StatusCode::kFailedPrecondition:
    case StatusCode::kAborted: return error_response(ApiError::kConflict, status.message());
    case StatusCode::kUnauthenticated: return error_response(ApiError::kUnauthorized, status.message());
    default: {
      // The database's (or engine's) own text stays in the log: it names
      // files, tables and internals no client should see.
      std::cerr << "faqbot serve: unavailable: " << status.message() << "\n";
      Response r = error_response(ApiError::kUnavailable,
                                  "the service is temporarily unavailable, please try again later");
      r.headers.emplace_back("Retry-After", "5");
      return r;
    }
  }
}

Response json_response(const std::string& json_text, int status) {
  Response r;
  r.status = status;
  r.body = json_text;
  return r;
}

}  // namespace faqbot::http
