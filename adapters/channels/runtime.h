#pragma once
// The pipeline every channel shares, and the provider that mounts the
// channels on faqbot's HTTP server (http::RouteProvider).
//
// For each webhook request: channel.receive (verify, parse; 401 on a bad
// signature/token/decryption or a stale timestamp, nothing stored) -> a
// delivery already answered (its event id, or a digest of the signed request
// when there is none) is acknowledged, a signature that does not cover the
// body is accepted with one body only (401 for another) -> ignore messages
// from bots -> Service::chat, which records those keys in the transaction of
// the turn (a retry is acknowledged, not answered twice, also after a restart
// or on another replica; a turn that failed answers 503 and leaves the retry
// to be answered) and resolves a number typed after a numbered list, or a
// button payload "faq:<id>", from the choices stored with the session -> the
// reply in the response body where the platform expects it, otherwise into
// the store's outbox and an immediate acknowledgement. Agent and system messages of IM sessions (handoff) reach
// the outbox through Service::set_outbound.
//
// The sender thread drains the outbox: authorize, send, check the platform's
// answer; a failure is retried with exponential backoff and, after
// max_attempts, marked failed (kept in the store, counted in metrics, never
// dropped). A request that cannot even be rendered (e.g. a DingTalk
// sessionWebhook outside FAQBOT_DINGTALK_API_BASE) is stored as failed too.
//
// Lifetime: the runtime is owned by the mounted routes (shared_ptr captured
// by the handlers), so it lives as long as the HTTP server and stops its
// sender thread when the server is destroyed, before the Service and Store.
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "adapters/channels/channel.h"
#include "adapters/channels/config.h"
#include "adapters/channels/transport.h"
#include "adapters/http/routes.h"
#include "bot/service/service.h"

namespace faqbot::channels {

// The enabled channels for this configuration, one per platform whose
// secret is set. kInvalidArgument for a malformed secret (e.g. an
// EncodingAESKey that is not 43 base64 characters).
Result<std::vector<std::unique_ptr<Channel>>> build_channels(const ChannelsConfig& config);

struct ChannelCounters {
  std::atomic<int64_t> received{0};       // webhook requests
  std::atomic<int64_t> rejected{0};       // 401: signature, token, decryption, stale
  std::atomic<int64_t> duplicates{0};     // platform retries acknowledged only
  std::atomic<int64_t> ignored_bots{0};   // messages from bots
  std::atomic<int64_t> answered{0};       // messages passed to the service
  std::atomic<int64_t> sent{0};           // outbox messages delivered
  std::atomic<int64_t> send_errors{0};    // failed attempts (retried)
  std::atomic<int64_t> given_up{0};       // outbox messages marked failed
};

class ChannelRuntime {
 public:
  ChannelRuntime(service::Service& service, std::vector<std::unique_ptr<Channel>> channels,
                 ChannelsConfig config, std::shared_ptr<Transport> transport);
  ~ChannelRuntime();  // stops the sender

  // Routes: POST (and GET where the channel has URL checks) /webhooks/<name>
  // for each channel, and GET /webhooks/metrics.
  std::vector<http::Route> routes(const std::shared_ptr<ChannelRuntime>& self);
  // Registers Service::set_outbound for each channel (weak reference).
  void register_outbound(const std::shared_ptr<ChannelRuntime>& self);
  void start_sender();

  http::Response handle(const Channel& channel, const http::Request& request);
  // The pipeline after receive(): replay and bot checks, dedup, the turn, the
  // reply. Also runs for each message a kPull notice fetched.
  http::Response handle_inbound(const Channel& channel, Inbound& in);
  // Renders and enqueues a message for an IM conversation.
  void enqueue(const Channel& channel, const std::string& channel_ref, const ReplyContent& reply);
  // One pass of the sender (tests call it directly). Returns messages handled.
  int drain_once();
  // Prometheus text of the channel counters and the outbox's failed count.
  std::string metrics_text();

  const Channel* channel(const std::string& name) const;

 private:
  // The answer to a replayed delivery (its event id or a byte-for-byte
  // resend already answered: acknowledged; a signature already used with
  // another body: 401), or nullopt for a fresh one, whose keys are appended
  // to `keys` for the turn to record (ChatRequest::event_keys). Reads only.
  std::optional<http::Response> check_replay(const Channel& channel, const Inbound& in,
                                             std::vector<std::string>* keys);
  http::Response reused_signature(const Channel& channel);
  // A kPull notice: fetches from the stored position, answers each message,
  // then stores the new position (see Pulled).
  http::Response handle_pull(const Channel& channel, const Received& r);
  ReplyContent content_of(const service::ChatReply& reply) const;
  void sender_loop();
  int64_t backoff(int attempts) const;
  ChannelCounters& counters(const std::string& name);

  service::Service& service_;
  std::vector<std::unique_ptr<Channel>> channels_;
  ChannelsConfig config_;
  std::shared_ptr<Transport> transport_;
  std::map<std::string, std::unique_ptr<ChannelCounters>> counters_;  // fixed after construction

  std::mutex pull_mu_;  // one kPull notice handled at a time (handle_pull)
  std::mutex sender_mu_;
  std::condition_variable sender_cv_;
  bool stopping_ = false;
  bool wake_ = false;
  std::thread sender_;
};

// The RouteProvider for http::AppOptions::providers / run_serve: builds the
// enabled channels, starts the sender, registers the outbound callbacks.
// `transport` null = HttplibTransport. A malformed secret is reported on
// stderr and that configuration mounts no channel routes.
http::RouteProvider make_channels_provider(ChannelsConfig config,
                                           std::shared_ptr<Transport> transport = nullptr);

}  // namespace faqbot::channels
