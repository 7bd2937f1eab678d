#pragma once
// Minimal little-endian binary serialisation for the on-disk cache. The
// reader is bounds-checked: a truncated or corrupt blob makes it fail, never
// read out of range.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace faqbot::retrieval {

class BinaryWriter {
 public:
  template <typename T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void str(std::string_view s) {
    pod<uint64_t>(s.size());
    out_.append(s.data(), s.size());
  }
  template <typename T>
  void vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    pod<uint64_t>(v.size());
    if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void strings(const std::vector<std::string>& v) {
    pod<uint64_t>(v.size());
    for (const auto& s : v) str(s);
  }
  const std::string& data() const { return out_; }

 private:
  std::string out_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  template <typename T>
  bool pod(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!take(sizeof v)) return false;
    std::memcpy(&v, in_.data() + pos_ - sizeof v, sizeof v);
    return true;
  }
  bool str(std::string& s) {
    uint64_t n = 0;
    if (!pod(n) || n > in_.size() - pos_) return fail();
    s.assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool vec(std::vector<T>& v) {
    uint64_t n = 0;
    if (!pod(n) || n > (in_.size() - pos_) / sizeof(T)) return fail();
    v.resize(n);
    if (n) std::memcpy(v.data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool strings(std::vector<std::string>& v) {
    uint64_t n = 0;
    if (!pod(n) || n > in_.size() - pos_) return fail();
    v.resize(n);
    for (auto& s : v) {
      if (!str(s)) return false;
    }
    return true;
  }
  bool at_end() const { return ok_ && pos_ == in_.size(); }

 private:
  bool take(size_t n) {
    if (!ok_ || n > in_.size() - pos_) return fail();
    pos_ += n;
    return true;
  }
  bool fail() {
    ok_ = false;
    return false;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace faqbot::retrieval
