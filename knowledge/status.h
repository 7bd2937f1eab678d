#pragma once
// Expected failures travel as values: Status for operations without a result,
// Result<T> for those with one. Nothing in the engine throws across a module
// boundary.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace faqbot {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // caller's input is malformed or out of range
  kNotFound,         // a named thing does not exist
  kFailedPrecondition,
  kDataLoss,         // a file exists but cannot be read / parsed
  kInternal,
  kUnauthenticated,  // a credential is missing or wrong (says nothing about what exists)
  kAborted,          // a concurrent change won: re-read and try again
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return {}; }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace faqbot
