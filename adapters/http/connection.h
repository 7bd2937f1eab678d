#pragma once
// One client connection of the event loop (event_loop.h) and the socket
// helpers both the loop and the workers use.
//
// Ownership: the event loop owns every Connection (and closes its fd). While
// `busy` a worker is answering a request on it: the worker then writes to
// `fd` and nothing else, and hands the rest back with EventLoop::complete();
// the loop touches only its own bookkeeping fields (`readable`, `hangup`) of a
// busy connection. Every other field is the loop thread's alone.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "adapters/http/request_parser.h"

namespace faqbot::http {

// Milliseconds of a monotonic clock (deadlines).
int64_t monotonic_ms();

struct Connection {
  enum class Phase {
    kIdle,      // between requests (keep-alive) or before the first byte
    kHeader,    // reading the request line and headers
    kBody,      // reading the body
    kBusy,      // a worker answers a complete request
    kWriting,   // the loop writes the rest of a response to a slow reader
    kLingering, // the answer is out and the write side shut: drain, then close
  };

  Connection(int fd, std::string peer, ParserLimits limits) : fd(fd), peer(std::move(peer)), parser(limits) {}

  const int fd;
  const std::string peer;  // the socket peer's IP address ("127.0.0.1", "::1")
  RequestParser parser;
  std::string in;          // bytes read but not yet fed to the parser
  std::string out;         // response bytes not yet written
  size_t out_sent = 0;     // of `out`
  Phase phase = Phase::kIdle;
  int64_t deadline_ms = 0;       // monotonic; the phase's time is up then
  bool readable = true;          // no EAGAIN since the last readable edge
  bool hangup = false;           // the peer closed or reset the connection
  bool close_after_write = false;
  bool registered_header = false;  // header deadline set for the current request
  int requests = 0;              // requests dispatched on this connection
  size_t lingered = 0;           // bytes drained while lingering
};

// Writes all of [data, data + size) to a non-blocking socket, waiting for it
// to become writable until `deadline_ms` (monotonic). False when the peer is
// gone or the deadline passed. For workers (streams); never on the loop.
bool write_until(int fd, const char* data, size_t size, int64_t deadline_ms);

// Writes what the socket takes now without waiting; returns the bytes
// written (maybe 0), or -1 when the peer is gone.
long write_now(int fd, const char* data, size_t size);

}  // namespace faqbot::http
