#pragma once
// A raw TCP client for transport tests: exact bytes out, exact bytes in,
// optionally from another loopback source address (127.0.0.2) to act as
// another client. Every wait is bounded.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>

namespace faqbot::testing {

class RawSocket {
 public:
  // Connects to 127.0.0.1:port from `source` (any port). fd() < 0 on failure.
  explicit RawSocket(int port, const char* source = "127.0.0.1", const char* target = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source, &from.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof(from));
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, target, &to.sin_addr);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof(to)) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~RawSocket() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  int fd() const { return fd_; }

  // False once the server has closed or reset the connection.
  bool send(const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads what arrives within `timeout_ms`; stops early at `until` (if not
  // empty) or when the server closes (closed() is then true).
  std::string read(int timeout_ms, const std::string& until = "") {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      if (!until.empty() && buffer_.find(until) != std::string::npos) break;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
      if (closed_) break;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(std::max<int64_t>(0, left.count()))) <= 0) break;
      char buf[65536];
      ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      buffer_.append(buf, static_cast<size_t>(n));
    }
    return buffer_;
  }

  // One whole response (head + Content-Length body) from the buffer, read
  // within `timeout_ms`; "" if none arrived.
  std::string response(int timeout_ms = 5000) {
    read(timeout_ms, "\r\n\r\n");
    const size_t head_end = buffer_.find("\r\n\r\n");
    if (head_end == std::string::npos) return {};
    size_t length = 0;
    std::string head = buffer_.substr(0, head_end);
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (size_t at = head.find("\r\ncontent-length:"); at != std::string::npos) {
      length = std::stoul(head.substr(at + 17));
    }
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (buffer_.size() < head_end + 4 + length && !closed_ && std::chrono::steady_clock::now() < end) {
      read(50);
    }
    std::string out = buffer_.substr(0, std::min(buffer_.size(), head_end + 4 + length));
    buffer_.erase(0, out.size());
    return out;
  }

  // True when the server has closed the connection (reads 0 or an error)
  // within `timeout_ms`; bytes that arrive meanwhile are kept.
  bool closed_within(int timeout_ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!closed_ && std::chrono::steady_clock::now() < end) read(50);
    return closed_;
  }
  // Non-blocking: is the connection still open and silent right now?
  bool open_now() {
    if (closed_) return false;
    read(0);
    return !closed_;
  }

  const std::string& received() const { return buffer_; }

 private:
  int fd_ = -1;
  std::string buffer_;
  bool closed_ = false;
};

// "HTTP/1.1 413 …" -> 413; 0 when `response` is not one.
inline int status_of(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::atoi(response.c_str() + 9);
}

}  // namespace faqbot::testing
