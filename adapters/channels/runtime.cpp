#include "adapters/channels/runtime.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "adapters/http/api_error.h"
#include "bot/store/store.h"
#include "knowledge/utf8.h"

namespace faqbot::channels {
namespace {

constexpr const char* kInvalidText = "抱歉，您的消息过长或无法识别，请您简要描述一下问题。";

// Nothing was recorded: the platform retries the delivery later.
http::Response unavailable() {
  return http::error_response(http::ApiError::kUnavailable, "storage unavailable");
}

}  // namespace

ChannelRuntime::ChannelRuntime(service::Service& service,
                               std::vector<std::unique_ptr<Channel>> channels,
                               ChannelsConfig config, std::shared_ptr<Transport> transport)
    : service_(service),
      channels_(std::move(channels)),
      config_(std::move(config)),
      transport_(std::move(transport)) {
  for (const auto& c : channels_) counters_[c->name()] = std::make_unique<ChannelCounters>();
}

ChannelRuntime::~ChannelRuntime() {
  {
    std::lock_guard<std::mutex> lock(sender_mu_);
    stopping_ = true;
  }
  sender_cv_.notify_all();
  if (sender_.joinable()) sender_.join();
}

const Channel* ChannelRuntime::channel(const std::string& name) const {
  for (const auto& c : channels_) {
    if (c->name() == name) return c.get();
  }
  return nullptr;
}

ChannelCounters& ChannelRuntime::counters(const std::string& name) { return *counters_.at(name); }

std::vector<http::Route> ChannelRuntime::routes(const std::shared_ptr<ChannelRuntime>& self) {
  std::vector<http::Route> out;
  for (const auto& c : channels_) {
    const Channel* ch = c.get();
    for (const std::string& method : ch->methods()) {
      http::Route r;
      r.method = method;
      r.path = "/webhooks/" + ch->name();
      r.summary = ch->name() + " webhook (IM channel)";
      r.handler = [self, ch](const http::Request& req) { return self->handle(*ch, req); };
      out.push_back(std::move(r));
    }
  }
  http::Route m;
  m.method = "GET";
  m.path = "/webhooks/metrics";
  m.summary = "IM channel counters and failed outbox messages (Prometheus text)";
  m.handler = [self](const http::Request&) {
    http::Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = self->metrics_text();
    return r;
  };
  out.push_back(std::move(m));
  return out;
}

void ChannelRuntime::register_outbound(const std::shared_ptr<ChannelRuntime>& self) {
  std::weak_ptr<ChannelRuntime> weak = self;
  for (const auto& c : channels_) {
    const Channel* ch = c.get();
    service_.set_outbound(ch->name(), [weak, ch](const store::Session& session, const store::Message& message) {
      auto rt = weak.lock();
      if (!rt || message.text.empty()) return;
      ReplyContent content;
      content.text = message.text;
      content.session_id = session.id;
      rt->enqueue(*ch, session.channel_ref, content);
    });
  }
}

void ChannelRuntime::start_sender() {
  if (sender_.joinable()) return;
  sender_ = std::thread([this] { sender_loop(); });
}


ReplyContent ChannelRuntime::content_of(const service::ChatReply& reply) const {
  ReplyContent c;
  c.text = reply.text;
  for (const service::ChatChoice& choice : reply.choices) c.choices.push_back(Choice{choice.title, choice.payload});
  c.session_id = reply.session_id;
  c.action = reply.routed_to_agent ? "" : reply.action;
  c.faq_id = reply.faq_id;
  c.confidence = reply.confidence;
  if (reply.handoff) {
    c.ticket_id = reply.handoff->ticket_id;
    c.ticket_status = reply.handoff->status;
    c.queue_position = reply.handoff->queue_position;
  }
  return c;
}

std::optional<http::Response> ChannelRuntime::check_replay(const Channel& channel, const Inbound& in,
                                                           std::vector<std::string>* keys) {
  // Keys share the processed-event table with the platforms' event ids,
  // under prefixes no platform id has. Only read here: they are recorded
  // with the turn that answers the delivery (Service::chat).
  ChannelCounters& count = counters(channel.name());
  store::Store& st = service_.store();
  const bool bind = !in.signature_key.empty();
  std::vector<std::string> seen_means_duplicate;
  if (!in.event_id.empty()) seen_means_duplicate.push_back(in.event_id);
  if (!in.replay_key.empty() && (bind || in.event_id.empty())) {
    seen_means_duplicate.push_back("replay:" + in.replay_key);
  }
  for (const std::string& key : seen_means_duplicate) {
    auto seen = st.event_processed(channel.name(), key);
    if (!seen.ok()) return unavailable();
    if (seen.value()) {
      count.duplicates.fetch_add(1, std::memory_order_relaxed);
      return channel.ack(in);
    }
    keys->push_back(key);
  }
  if (bind && !in.signature_may_repeat) {
    const std::string key = "signature:" + in.signature_key;
    auto seen = st.event_processed(channel.name(), key);
    if (!seen.ok()) return unavailable();
    if (seen.value()) return reused_signature(channel);
    keys->push_back(key);
  }
  return std::nullopt;
}

http::Response ChannelRuntime::reused_signature(const Channel& channel) {
  counters(channel.name()).rejected.fetch_add(1, std::memory_order_relaxed);
  return http::error_response(http::ApiError::kUnauthorized,
                              "this signature was already used for another message");
}

http::Response ChannelRuntime::handle(const Channel& channel, const http::Request& request) {
  ChannelCounters& count = counters(channel.name());
  count.received.fetch_add(1, std::memory_order_relaxed);
  Received r = channel.receive(request, store::now_ms());
  if (r.kind == Received::Kind::kRespond) {
    if (r.rejected) count.rejected.fetch_add(1, std::memory_order_relaxed);
    return r.response;
  }
  if (r.kind == Received::Kind::kPull) return handle_pull(channel, r);
  return handle_inbound(channel, r.inbound);
}

http::Response ChannelRuntime::handle_pull(const Channel& channel, const Received& r) {
  // One pull at a time in this process: two would fetch the same messages.
  std::lock_guard<std::mutex> lock(pull_mu_);
  std::string from;
  if (!r.cursor_name.empty()) {
    auto stored = service_.store().channel_cursor(r.cursor_name);
    if (!stored.ok()) return unavailable();
    from = stored.value();
  }
  auto pulled = channel.pull(r.notice, from, *transport_);
  if (!pulled.ok()) {
    std::fprintf(stderr, "faqbot channels: %s: %s\n", channel.name().c_str(), pulled.status().message().c_str());
    return json_response(503, "{\"error\":{\"code\":\"unavailable\",\"message\":\"platform unavailable\"}}");
  }
  // Each message answered (or deduplicated) in turn. The position moves on
  // only when none failed: a failed one is fetched again with the next
  // notice (the answered ones around it are then recognised by their ids).
  bool all_handled = true;
  for (Inbound& in : pulled->messages) {
    if (handle_inbound(channel, in).status >= 500) all_handled = false;
  }
  if (all_handled && !r.cursor_name.empty() && !pulled->cursor.empty() && pulled->cursor != from) {
    if (Status saved = service_.store().set_channel_cursor(r.cursor_name, pulled->cursor); !saved.ok()) {
      std::fprintf(stderr, "faqbot channels: %s: cursor not saved: %s\n", channel.name().c_str(),
                   saved.message().c_str());
    }
  }
  return r.response;
}

http::Response ChannelRuntime::handle_inbound(const Channel& channel, Inbound& in) {
  ChannelCounters& count = counters(channel.name());
  std::vector<std::string> keys;
  if (auto refused = check_replay(channel, in, &keys)) return *refused;
  if (in.from_bot) {
    count.ignored_bots.fetch_add(1, std::memory_order_relaxed);
    return channel.ack(in);
  }
  // Keyed by a server secret: nobody can compute an IM user's session id.
  auto keyed = service_.im_session_id(channel.name(), in.conversation);
  if (!keyed.ok()) return unavailable();
  const std::string session_id = keyed.value();
  // Nothing visible (only zero-width or bidi characters): acknowledged, not answered.
  if (utf8::trim(utf8::sanitize(in.text)).empty()) return channel.ack(in);

  service::ChatRequest chat;
  chat.session_id = session_id;
  chat.user_id = in.user_id;
  chat.text = in.text;  // a number or a button's payload is resolved by the service
  chat.channel = channel.name();
  chat.channel_ref = in.channel_ref;
  chat.customer_name = in.customer_name;
  chat.event_keys = keys;
  auto reply = service_.chat(chat);
  ReplyContent content;
  if (reply.ok()) {
    if (reply->duplicate) {
      count.duplicates.fetch_add(1, std::memory_order_relaxed);
      return channel.ack(in);
    }
    count.answered.fetch_add(1, std::memory_order_relaxed);
    content = content_of(reply.value());
  } else if (reply.status().code() == StatusCode::kFailedPrecondition) {
    return reused_signature(channel);  // a later key of the delivery was already used
  } else if (reply.status().code() == StatusCode::kInvalidArgument) {
    // Answered with an apology, once: a retry is acknowledged only.
    for (const std::string& key : keys) {
      if (!service_.store().mark_event_processed(channel.name(), key).ok()) return unavailable();
    }
    count.answered.fetch_add(1, std::memory_order_relaxed);
    content.text = kInvalidText;
    content.session_id = session_id;
  } else {
    return unavailable();  // nothing recorded: the platform's retry is answered
  }
  if (content.text.empty()) return channel.ack(in);  // an agent answers in person
  if (auto body = channel.reply_in_body(in, content)) return *body;
  enqueue(channel, in.channel_ref, content);
  return channel.ack(in);
}

void ChannelRuntime::enqueue(const Channel& channel, const std::string& channel_ref,
                             const ReplyContent& reply) {
  store::Store& st = service_.store();
  Result<OutboundRequest> req = channel.render(channel_ref, reply);
  store::NewOutbound out;
  out.channel = channel.name();
  if (req.ok()) {
    out.target = req->url;
    nlohmann::json payload = {{"body", req->body}, {"content_type", req->content_type},
                              {"headers", req->headers}};
    out.payload = payload.dump();
  } else {
    nlohmann::json payload = {{"text", reply.text}, {"channel_ref", channel_ref}};
    out.payload = payload.dump();
  }
  auto id = st.enqueue_outbound(out);
  if (!id.ok()) {
    counters(channel.name()).given_up.fetch_add(1, std::memory_order_relaxed);
    std::fprintf(stderr, "faqbot channels: %s: reply not stored: %s\n", channel.name().c_str(),
                 id.status().message().c_str());
    return;
  }
  if (!req.ok()) {
    st.mark_failed(id.value(), req.status().message(), 0);
    counters(channel.name()).given_up.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(sender_mu_);
    wake_ = true;
  }
  sender_cv_.notify_all();
}

int64_t ChannelRuntime::backoff(int attempts) const {
  int64_t delay = config_.backoff_ms;
  for (int i = 1; i < attempts && delay < config_.backoff_max_ms; ++i) delay *= 2;
  return std::min(delay, config_.backoff_max_ms);
}

int ChannelRuntime::drain_once() {
  store::Store& st = service_.store();
  int64_t now = store::now_ms();
  auto due = st.due_outbound(now, 16, 30000);
  if (!due.ok()) return 0;
  for (const store::Outbound& o : due.value()) {
    const Channel* ch = channel(o.channel);
    if (!ch) {
      st.mark_failed(o.id, "channel " + o.channel + " is not enabled", 0);
      continue;
    }
    ChannelCounters& count = counters(o.channel);
    OutboundRequest req;
    req.url = o.target;
    nlohmann::json payload = nlohmann::json::parse(o.payload, nullptr, false);
    if (payload.is_object()) {
      req.body = payload.value("body", "");
      req.content_type = payload.value("content_type", req.content_type);
      if (payload.contains("headers") && payload["headers"].is_object()) {
        for (auto& [k, v] : payload["headers"].items()) {
          if (v.is_string()) req.headers[k] = v.get<std::string>();
        }
      }
    }
    Status status = ch->authorize(req, *transport_);
    if (status.ok()) {
      SendResult res = transport_->send("POST", req.url, req.headers, req.body, req.content_type);
      status = ch->accepted(res);
    }
    if (status.ok()) {
      st.mark_sent(o.id);
      count.sent.fetch_add(1, std::memory_order_relaxed);
      continue;
    }
    ch->invalidate_token();
    count.send_errors.fetch_add(1, std::memory_order_relaxed);
    int attempts = o.attempts + 1;
    if (attempts >= config_.max_attempts) {
      st.mark_failed(o.id, status.message(), 0);
      count.given_up.fetch_add(1, std::memory_order_relaxed);
      std::fprintf(stderr, "faqbot channels: %s: outbox message %lld given up after %d attempts: %s\n",
                   o.channel.c_str(), static_cast<long long>(o.id), attempts, status.message().c_str());
    } else {
      st.mark_failed(o.id, status.message(), store::now_ms() + backoff(attempts));
    }
  }
  return static_cast<int>(due.value().size());
}

void ChannelRuntime::sender_loop() {
  std::unique_lock<std::mutex> lock(sender_mu_);
  while (!stopping_) {
    sender_cv_.wait_for(lock, std::chrono::milliseconds(config_.poll_ms), [this] { return stopping_ || wake_; });
    if (stopping_) break;
    wake_ = false;
    lock.unlock();
    while (drain_once() > 0) {
      std::lock_guard<std::mutex> check(sender_mu_);
      if (stopping_) break;
    }
    lock.lock();
  }
}

std::string ChannelRuntime::metrics_text() {
  std::string out;
  auto family = [&](const char* name, const char* help, std::atomic<int64_t> ChannelCounters::*field) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " counter\n";
    for (const auto& [channel, c] : counters_) {
      out += std::string(name) + "{channel=\"" + channel + "\"} " +
             std::to_string(((*c).*field).load(std::memory_order_relaxed)) + "\n";
    }
  };
  family("faqbot_channel_webhooks_total", "Webhook requests received.", &ChannelCounters::received);
  family("faqbot_channel_rejected_total", "Webhook requests refused with 401 (signature, token, decryption, stale).", &ChannelCounters::rejected);
  family("faqbot_channel_duplicates_total", "Platform retries acknowledged without answering again.", &ChannelCounters::duplicates);
  family("faqbot_channel_bot_messages_total", "Messages from bots, ignored.", &ChannelCounters::ignored_bots);
  family("faqbot_channel_messages_total", "Investor messages passed to the service.", &ChannelCounters::answered);
  family("faqbot_channel_sent_total", "Replies delivered through the platform's send API.", &ChannelCounters::sent);
  family("faqbot_channel_send_errors_total", "Failed send attempts (retried with backoff).", &ChannelCounters::send_errors);
  family("faqbot_channel_send_failed_total", "Replies given up after all attempts (kept in the outbox).", &ChannelCounters::given_up);
  auto failed = service_.store().count_failed();
  out += "# HELP faqbot_outbox_failed Outbox messages that could not be delivered (kept in the store).\n"
         "# TYPE faqbot_outbox_failed gauge\nfaqbot_outbox_failed " +
         std::to_string(failed.ok() ? failed.value() : -1) + "\n";
  return out;
}

http::RouteProvider make_channels_provider(ChannelsConfig config, std::shared_ptr<Transport> transport) {
  return [config = std::move(config), transport](service::Service& service) mutable {
    auto channels = build_channels(config);
    if (!channels.ok()) {
      std::fprintf(stderr, "faqbot channels: disabled: %s\n", channels.status().message().c_str());
      return std::vector<http::Route>{};
    }
    if (!transport) transport = std::make_shared<HttplibTransport>(config.send_timeout_s);
    auto rt = std::make_shared<ChannelRuntime>(service, std::move(channels).value(), config, transport);
    rt->register_outbound(rt);
    rt->start_sender();
    return rt->routes(rt);
  };
}

}  // namespace faqbot::channels
