// kg's one error convention: library APIs return a [[nodiscard]] Status or Result<T>; nothing throws
// across a library boundary. The CLI turns a failed Status into one line on stderr and an exit code.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kg {

enum class ErrorCode {
  kOk = 0,
  kInvalidInput,     // the user's input is malformed (file, line and what is wrong in the message)
  kNotFound,         // a file, entity or document that does not exist
  kIo,               // the operating system or RocksDB failed to read or write
  kCorruption,       // stored data does not decode
  kVersionMismatch,  // a database or model file of a format this binary does not understand
  kBusy,             // a lock is held by another process
  kUsage,            // a command-line usage error (exit code 2)
  kInternal,         // a bug
};

// A value type: cheap to copy when ok (no allocation). Thread-compatible.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok_status() { return {}; }
  static Status invalid(std::string m) { return {ErrorCode::kInvalidInput, std::move(m)}; }
  static Status not_found(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Status io(std::string m) { return {ErrorCode::kIo, std::move(m)}; }
  static Status corruption(std::string m) { return {ErrorCode::kCorruption, std::move(m)}; }
  static Status version_mismatch(std::string m) {
    return {ErrorCode::kVersionMismatch, std::move(m)};
  }
  static Status busy(std::string m) { return {ErrorCode::kBusy, std::move(m)}; }
  static Status usage(std::string m) { return {ErrorCode::kUsage, std::move(m)}; }
  static Status internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "<context>: <message>", e.g. the file name before a parse error;
  // a message that already starts with "<context>: " is kept as it is (a loader adding the file
  // name to an error of its reader, which names the file).
  Status with_context(const std::string& context) const {
    if (ok() || (message_.compare(0, context.size(), context) == 0 &&
                 message_.compare(context.size(), 2, ": ") == 0)) {
      return *this;
    }
    return Status(code_, context + ": " + message_);
  }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Either a T or a failed Status. Access value() only when ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "Result built from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  // By value, so that `for (auto& x : f().value())` does not refer into a destroyed Result.
  T value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg

// Propagates a failed Status out of the enclosing function.
#define KG_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::kg::Status kg_status_ = (expr);       \
    if (!kg_status_.ok()) return kg_status_; \
  } while (0)

#define KG_CONCAT_INNER_(a, b) a##b
#define KG_CONCAT_(a, b) KG_CONCAT_INNER_(a, b)
// Declares `lhs` from a Result, or returns its failed Status.
#define KG_ASSIGN_OR_RETURN(lhs, expr)                                  \
  auto KG_CONCAT_(kg_result_, __LINE__) = (expr);                       \
  if (!KG_CONCAT_(kg_result_, __LINE__).ok())                           \
    return KG_CONCAT_(kg_result_, __LINE__).status();                   \
  lhs = std::move(KG_CONCAT_(kg_result_, __LINE__)).value()
