// The request parser alone: bytes in, request / need more / error out.
#include "adapters/http/request_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace faqbot::http {
namespace {

using State = RequestParser::State;

ParserLimits small() {
  ParserLimits l;
  l.max_body_bytes = 100;
  l.max_header_bytes = 256;
  l.max_headers = 8;
  return l;
}

// Feeds all of `bytes` at once; the parser's state after.
State parse(RequestParser& p, const std::string& bytes, size_t* used = nullptr) {
  const size_t n = p.feed(bytes.data(), bytes.size());
  if (used) *used = n;
  return p.state();
}

int error_of(const std::string& bytes) {
  RequestParser p(small());
  return parse(p, bytes) == State::kError ? p.error_status() : 0;
}

TEST(RequestParser, SimpleGetWithQueryAndDecodedPath) {
  RequestParser p(small());
  ASSERT_EQ(parse(p, "GET /v1/sessions/a%20b/messages?after=3&x=%E4%B8%AD HTTP/1.1\r\nHost: h\r\nX-A:  v  \r\n\r\n"),
            State::kComplete);
  ParsedRequest r = p.take();
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/v1/sessions/a b/messages");
  EXPECT_EQ(r.query, "after=3&x=%E4%B8%AD");
  EXPECT_EQ(r.header("x-a"), "v");
  EXPECT_TRUE(r.keep_alive);
  EXPECT_EQ(p.state(), State::kIdle);
  EXPECT_EQ(percent_decode("a+b%2", true), "a b%2");
}

TEST(RequestParser, ByteByByteGivesTheSameRequest) {
  const std::string bytes =
      "POST /v1/chat HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
      "4;ext=1\r\nabcd\r\n3\r\nefg\r\n0\r\nTrailer-A: 1\r\n\r\n";
  RequestParser p(small());
  size_t fed = 0;
  for (; fed < bytes.size() && p.state() != State::kComplete; ++fed) {
    ASSERT_NE(p.state(), State::kError) << p.error_message();
    ASSERT_EQ(p.feed(bytes.data() + fed, 1), 1u);
  }
  ASSERT_EQ(p.state(), State::kComplete);
  EXPECT_EQ(fed, bytes.size());
  EXPECT_EQ(p.take().body, "abcdefg");
}

TEST(RequestParser, StopsAtTheEndOfARequestForPipelining) {
  const std::string first = "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nxyz";
  const std::string second = "GET /b HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
  RequestParser p(small());
  size_t used = 0;
  ASSERT_EQ(parse(p, first + second, &used), State::kComplete);
  EXPECT_EQ(used, first.size());
  EXPECT_EQ(p.take().body, "xyz");
  ASSERT_EQ(parse(p, second), State::kComplete);
  ParsedRequest b = p.take();
  EXPECT_EQ(b.path, "/b");
  EXPECT_FALSE(b.keep_alive);
}

TEST(RequestParser, NeedsMoreUntilTheBodyIsComplete) {
  RequestParser p(small());
  EXPECT_EQ(parse(p, "POST /a HTTP/1.1\r\nHost: h\r\n"), State::kHeader);
  EXPECT_EQ(parse(p, "Content-Length: 4\r\n\r\nab"), State::kBody);
  EXPECT_EQ(parse(p, "cd"), State::kComplete);
}

TEST(RequestParser, BareLineFeedsAndLeadingEmptyLinesAreAccepted) {
  RequestParser p(small());
  ASSERT_EQ(parse(p, "\r\n\nGET / HTTP/1.1\nHost: h\n\n"), State::kComplete);
  EXPECT_EQ(p.take().path, "/");
}

TEST(RequestParser, ConnectionAndVersionDecideKeepAlive) {
  RequestParser p(small());
  ASSERT_EQ(parse(p, "GET / HTTP/1.0\r\n\r\n"), State::kComplete);
  EXPECT_FALSE(p.take().keep_alive);
  ASSERT_EQ(parse(p, "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"), State::kComplete);
  EXPECT_TRUE(p.take().keep_alive);
  ASSERT_EQ(parse(p, "GET / HTTP/1.1\r\nHost: h\r\nConnection: foo, close\r\n\r\n"), State::kComplete);
  EXPECT_FALSE(p.take().keep_alive);
}

TEST(RequestParser, ExpectContinueIsReportedOnce) {
  RequestParser p(small());
  EXPECT_EQ(parse(p, "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"), State::kBody);
  EXPECT_TRUE(p.take_continue());
  EXPECT_FALSE(p.take_continue());
}

TEST(RequestParser, AmbiguousFramingIs400) {
  const std::string head = "POST / HTTP/1.1\r\nHost: h\r\n";
  EXPECT_EQ(error_of(head + "Content-Length: 1\r\nContent-Length: 2\r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Content-Length: 1\r\nContent-Length: 1\r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Content-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Transfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Content-Length: -1\r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Content-Length: 0x10\r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Content-Length: \r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Content-Length: 1, 1\r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Content-Length: 99999999999999999999999\r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Transfer-Encoding: gzip\r\n\r\n"), 400);
  EXPECT_EQ(error_of(head + "Transfer-Encoding: chunked, chunked\r\n\r\n"), 400);
  EXPECT_EQ(error_of("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"), 400);
}

TEST(RequestParser, MalformedHeadsAre400Or505) {
  EXPECT_EQ(error_of("GET / HTTP/1.1\r\n\r\n"), 400);                 // no Host
  EXPECT_EQ(error_of("GET  / HTTP/1.1\r\nHost: h\r\n\r\n"), 400);     // two spaces
  EXPECT_EQ(error_of("GET / HTTP/1.1 x\r\nHost: h\r\n\r\n"), 400);
  EXPECT_EQ(error_of("G(T / HTTP/1.1\r\nHost: h\r\n\r\n"), 400);      // method not a token
  EXPECT_EQ(error_of("GET http://x/ HTTP/1.1\r\nHost: h\r\n\r\n"), 400);
  EXPECT_EQ(error_of("GET * HTTP/1.1\r\nHost: h\r\n\r\n"), 400);
  EXPECT_EQ(error_of("GET / HTTP/2.0\r\nHost: h\r\n\r\n"), 505);
  EXPECT_EQ(error_of("GET / HTTQ/1.1\r\nHost: h\r\n\r\n"), 400);
  EXPECT_EQ(error_of("GET / HTTP/1.1\r\nHost: h\r\nBad Name: v\r\n\r\n"), 400);
  EXPECT_EQ(error_of("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n"), 400);
  EXPECT_EQ(error_of("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n"), 400);
  EXPECT_EQ(error_of("GET / HTTP/1.1\r\nHost: h\r\nX: a\rb\r\n\r\n"), 400);
  const char nul[] = "GET / HTTP/1.1\r\nHost: h\r\nX: a\0b\r\n\r\n";
  EXPECT_EQ(error_of(std::string(nul, sizeof(nul) - 1)), 400);
  EXPECT_EQ(error_of("GET /a\x7f HTTP/1.1\r\nHost: h\r\n\r\n"), 400);
}

TEST(RequestParser, SizesOverTheLimitsAreRefusedBeforeBuffering) {
  const std::string head = "POST / HTTP/1.1\r\nHost: h\r\n";
  EXPECT_EQ(error_of(head + "Content-Length: 101\r\n\r\n"), 413);  // no body byte needed
  EXPECT_EQ(error_of(head + "Transfer-Encoding: chunked\r\n\r\n65\r\n"), 413);  // one chunk of 101
  // Chunks that cross the limit together: 413 at the chunk header that crosses it.
  RequestParser p(small());
  parse(p, head + "Transfer-Encoding: chunked\r\n\r\n32\r\n" + std::string(50, 'a') + "\r\n");
  EXPECT_EQ(p.state(), State::kBody);
  EXPECT_EQ(parse(p, "33\r\n"), State::kError);
  EXPECT_EQ(p.error_status(), 413);
  EXPECT_EQ(error_of(head + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n"), 400);
  EXPECT_EQ(error_of(head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n"), 400);
  EXPECT_EQ(error_of(head + "Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n"), 400);  // data longer than size
  EXPECT_EQ(error_of("GET / HTTP/1.1\r\nHost: h\r\nX: " + std::string(300, 'x') + "\r\n\r\n"), 431);
  std::string many = "GET / HTTP/1.1\r\nHost: h\r\n";
  for (int i = 0; i < 9; ++i) many += "X" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(error_of(many + "\r\n"), 431);
  // A header that never ends is refused once it passes the limit.
  RequestParser endless(small());
  const std::string chunk(64, 'x');
  size_t fed = 0;
  endless.feed("GET / HTTP/1.1\r\nX: ", 19);
  while (endless.state() != State::kError && fed < 10000) fed += endless.feed(chunk.data(), chunk.size());
  EXPECT_EQ(endless.error_status(), 431);
  EXPECT_LT(fed, 400u);
}

}  // namespace
}  // namespace faqbot::http
