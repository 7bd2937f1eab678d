#pragma once
// One IM platform behind one interface. A Channel is pure protocol: it
// verifies and parses the platform's webhook requests, renders faqbot's
// replies in the platform's format and knows how to authorise calls to the
// platform's send API. The pipeline common to all channels (dedup, the
// service call, sync vs async reply, the outbox, metrics) lives in
// runtime.h; `bot/` never changes for a new platform.
//
// Thread-safety: receive/render/reply_in_body are const and called from many
// request threads at once; authorize() may be called from the sender thread
// concurrently with them (implementations guard their token caches).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/http_types.h"
#include "knowledge/status.h"

namespace faqbot::channels {

class Transport;

// A button or numbered choice offered with a reply.
struct Choice {
  std::string label;    // what the investor sees (the entry's question, or "转人工")
  std::string payload;  // what comes back when pressed: "faq:<entry id>" or plain text
};

// What faqbot wants to say to the investor.
struct ReplyContent {
  std::string text;
  std::vector<Choice> choices;  // may be empty
  // The service's view, for channels that return it (generic webhook).
  std::string session_id;
  std::string action;            // "answer" | "clarify" | "fallback" | "handoff" | "" (agent)
  std::string faq_id;
  double confidence = 0;
  int64_t ticket_id = 0;         // open handoff ticket, 0 = none
  std::string ticket_status;     // "waiting" | "active" | ""
  int64_t queue_position = 0;
};

// One verified, parsed investor message.
struct Inbound {
  std::string event_id;       // platform's id for dedup ("" = none given)
  std::string user_id;        // platform user id
  std::string conversation;   // stable key: same key = same faqbot session
  std::string channel_ref;    // JSON: where replies go (chat id, user, webhook…)
  std::string text;           // the question, or a button payload
  std::string customer_name;  // display name when the platform gives one
  bool from_bot = false;      // sent by a bot (ours or another): never answered
  std::map<std::string, std::string> context;  // for reply_in_body (timestamps, ids)
  // Replay protection, set by receive() through bind_signature() where the
  // platform needs it (the runtime records the keys as processed events):
  //   replay_key     digest of the signature and the body: a byte-for-byte
  //                  resend has the same key. Deduplicates messages that
  //                  carry no event_id.
  //   signature_key  only where the signature does not cover the body
  //                  (WeChat plain mode, DingTalk): digest of the signature
  //                  alone. One signature is good for one body: the same
  //                  signature with another body is refused (401).
  std::string replay_key;
  std::string signature_key;
  // The platform may sign two messages alike (DingTalk: two callbacks in
  // the same millisecond): set by receive() while that is plausible (the
  // signed time is very recent); a reused signature is then accepted.
  bool signature_may_repeat = false;
};

// The outcome of receive().
struct Received {
  enum class Kind {
    kRespond,   // answer `response` as is: challenge, 401, or an event we ignore
    kMessage,   // an investor message: `inbound` is set
    kPull,      // messages wait on the platform (WeChat Customer Service): the
                // runtime passes `notice` to Channel::pull, then answers `response`
  };
  Kind kind = Kind::kRespond;
  http::Response response;
  Inbound inbound;
  std::string notice;  // kPull: what pull() needs (token, account), channel-defined
  // kPull: the name under which the runtime keeps this stream's read
  // position in the store (Store::channel_cursor), "" = none kept.
  std::string cursor_name;
  bool rejected = false;  // kRespond because verification failed (counted)
};

// One call to a platform's send API, as stored in the outbox. Contains no
// secret: authorize() adds tokens at send time.
struct OutboundRequest {
  std::string url;  // absolute
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::map<std::string, std::string> headers;
};

// The platform's answer to a send call.
struct SendResult {
  int status = 0;       // HTTP status, 0 = transport error
  std::string body;
  std::string error;    // transport error text
};

// What Channel::pull fetched: the messages, oldest first, and the position
// after them. The runtime stores `cursor` only once every message is
// answered (or recognised as answered), so a restart neither fetches them
// again nor skips one.
struct Pulled {
  std::vector<Inbound> messages;
  std::string cursor;  // "" = unchanged
};

class Channel {
 public:
  virtual ~Channel() = default;

  // "wecom", "wechat", "feishu", "dingtalk", "slack", "telegram", "generic":
  // the route is /webhooks/<name> and the store's channel name.
  virtual const std::string& name() const = 0;
  // HTTP methods the route accepts ("POST", plus "GET" for URL checks).
  virtual std::vector<std::string> methods() const { return {"POST"}; }

  // Verifies and parses a webhook request. now_ms: wall clock for the
  // timestamp-skew check. Never throws.
  virtual Received receive(const http::Request& request, int64_t now_ms) const = 0;

  // The acknowledgement for a message answered asynchronously, a duplicate
  // or a message from a bot. Default: 200 {"ok":true}.
  virtual http::Response ack(const Inbound& inbound) const;

  // For platforms where the reply goes in the webhook response body (the
  // generic webhook; WeCom/WeChat passive replies). nullopt = reply through
  // the send API instead (the default).
  virtual std::optional<http::Response> reply_in_body(const Inbound& inbound,
                                                      const ReplyContent& reply) const;

  // The send-API call delivering `reply` to the conversation described by
  // channel_ref (Inbound::channel_ref). kInvalidArgument when channel_ref is
  // unusable (e.g. a DingTalk sessionWebhook outside the configured base).
  virtual Result<OutboundRequest> render(const std::string& channel_ref,
                                         const ReplyContent& reply) const = 0;

  // Adds credentials (access tokens, bot tokens) to a stored request just
  // before it is sent; may call the platform's token API through
  // `transport`. Default: nothing to add.
  virtual Status authorize(OutboundRequest& request, Transport& transport) const;

  // Whether the platform accepted a send: HTTP 2xx and the platform's own
  // success field (errcode 0, code 0, ok true). The message is kept for
  // retry otherwise.
  virtual Status accepted(const SendResult& result) const = 0;

  // Called after a rejected send, so a cached token is fetched again.
  virtual void invalidate_token() const {}

  // For a kPull notice: fetches the messages waiting after `cursor` (the
  // stored position of Received::cursor_name, "" = from the platform's
  // oldest) through `transport`, on the webhook request's thread. An error
  // makes the runtime answer 503, so the platform calls again. Default: none.
  virtual Result<Pulled> pull(const std::string& notice, const std::string& cursor,
                              Transport& transport) const;
};

// Sets in.replay_key from `signature` (what the platform sent to
// authenticate the request besides the body: timestamp, nonce, signature)
// and `body`, and in.signature_key when the signature does not cover the body.
void bind_signature(Inbound& in, std::string_view signature, std::string_view body,
                    bool signature_covers_body);

// Small helpers shared by the channel files.
http::Response json_response(int status, const std::string& body);
http::Response unauthorized(const std::string& why);
Received respond(http::Response response);
Received reject(const std::string& why);
// Text without "\r", cut to at most max_bytes on a UTF-8 boundary.
std::string utf8_truncate(const std::string& text, size_t max_bytes);
// "1. …\n2. …" appended to the text, with a hint to reply with a number.
std::string numbered_text(const ReplyContent& reply);
std::string url_encode(const std::string& text);
std::string url_decode(const std::string& text);
// True when `url` is `base` itself or lies under it (base + "/" or "?").
bool url_under(const std::string& url, const std::string& base);
// Parses "http(s)://host[:port]/path?query" into origin and path+query.
bool split_url(const std::string& url, std::string* origin, std::string* path);

}  // namespace faqbot::channels
