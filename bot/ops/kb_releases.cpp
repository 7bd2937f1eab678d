#include "bot/ops/kb_releases.h"

#include <stdlib.h>

#include <chrono>
#include <exception>
#include <filesystem>
#include <iostream>

#include "bot/ops/kb_views.h"
#include "bot/ops/release_gate.h"
#include "knowledge/utf8.h"

namespace faqbot::ops {
namespace fs = std::filesystem;

namespace {

constexpr const char* kGoldenFile = "golden.jsonl";

nlohmann::json files_json(const KbFiles& files) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [path, text] : files) j[path] = text;
  return j;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

KbOutcome refused(KbRefusal why, std::string message, std::vector<std::string> details = {}) {
  KbOutcome out;
  out.refusal = why;
  out.message = std::move(message);
  out.details = std::move(details);
  return out;
}

// An admin action does not queue behind another: an evaluation holds the
// action lock for seconds, and every request waiting on it would hold a
// server worker.
KbOutcome busy() {
  return refused(KbRefusal::kBusy,
                 "another knowledge-base action is in progress (an evaluation takes a few seconds); try again shortly");
}

KbOutcome refused(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument: return refused(KbRefusal::kInvalid, st.message());
    case StatusCode::kNotFound: return refused(KbRefusal::kNotFound, st.message());
    case StatusCode::kFailedPrecondition: return refused(KbRefusal::kConflict, st.message());
    default: return refused(KbRefusal::kUnavailable, st.message());
  }
}

std::vector<std::string> formatted(const std::vector<knowledge::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(knowledge::format(d));
  return out;
}

store::KbVersionChange change_of(int64_t id, std::vector<std::string> from, std::string to, const std::string& actor,
                                 std::string action) {
  store::KbVersionChange c;
  c.version_id = id;
  c.from = std::move(from);
  c.to = std::move(to);
  c.actor = actor;
  c.action = std::move(action);
  return c;
}

std::string make_dir_under(const std::string& parent) {
  std::error_code ec;
  const fs::path base = parent.empty() ? fs::temp_directory_path(ec) : fs::path(parent);
  fs::create_directories(base, ec);
  std::string pattern = (base / "kb-version-XXXXXX").string();
  return mkdtemp(pattern.data()) ? pattern : std::string();
}

}  // namespace

KbReleases::KbReleases(store::Store& store, service::EngineHolder& engines, KbReleaseOptions options)
    : store_(store), engines_(engines), options_(std::move(options)) {}

KbReleases::~KbReleases() {
  {
    std::lock_guard<std::mutex> lock(poll_mu_);
    stopping_ = true;
  }
  poll_cv_.notify_all();
  if (poller_.joinable()) poller_.join();
}

KbReleases::Loaded KbReleases::load(const KbFiles& files) const {
  Loaded out;
  const std::string dir = make_dir_under(options_.scratch_dir);
  if (dir.empty()) {
    out.message = "cannot make a directory to load the knowledge base in";
    return out;
  }
  if (Status written = write_config_files(files, dir); !written.ok()) {
    out.message = written.message();
  } else {
    try {
      bot::Engine::LoadOutcome loaded = bot::Engine::load(dir, options_.cache_dir);
      out.engine = std::move(loaded.engine);
      for (auto& d : loaded.diagnostics) {
        (d.severity == knowledge::Severity::kError ? out.errors : out.warnings).push_back(std::move(d));
      }
      if (!out.engine) out.message = loaded.status.message().empty() ? "the knowledge base did not load" : loaded.status.message();
    } catch (const std::exception& e) {
      out.message = std::string("the engine load threw: ") + e.what();
    }
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return out;
}

Result<KbFiles> KbReleases::files_of(const store::KbVersion& version) const {
  auto j = nlohmann::json::parse(version.files, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status(StatusCode::kDataLoss, "the files of version " + std::to_string(version.id) + " are not a JSON object");
  }
  KbFiles files;
  for (auto& [path, text] : j.items()) {
    if (text.is_string()) files[path] = text.get<std::string>();
  }
  return files;
}

Status KbReleases::start() {
  auto live = store_.live_kb_version();
  if (!live.ok()) return live.status();
  if (live.value() != 0) {
    note_config_drift(live.value());
  } else {
    auto files = read_config_files(options_.config_dir);
    if (!files.ok()) return files.status();
    Loaded loaded = load(files.value());
    if (!loaded.engine) {
      std::string message = "the knowledge base in " + options_.config_dir + " does not load: " + loaded.message;
      for (const std::string& e : formatted(loaded.errors)) message += "\n" + e;
      return Status(StatusCode::kInvalidArgument, message);
    }
    store::NewKbVersion first;
    first.version.status = "released";
    first.version.author = "system";
    first.version.note = "the configuration directory at first start";
    first.version.files = dump(files_json(files.value()));
    first.version.content_hash = loaded.engine->kb().content_hash;
    first.action = "reloaded";
    first.detail = options_.config_dir;
    first.only_if_first = true;
    auto made = store_.create_kb_version(first);
    // Another replica starting at the same moment may have written it first.
    if (!made.ok() && made.status().code() != StatusCode::kFailedPrecondition) return made.status();
  }
  auto synced = sync();
  if (!synced.ok()) return synced.status();
  if (serving_version() == 0) return Status(StatusCode::kInternal, "the live knowledge-base version did not load");
  return Status::Ok();
}

void KbReleases::note_config_drift(int64_t live) const {
  auto version = store_.kb_version(live);
  auto on_disk = read_config_files(options_.config_dir);
  if (!version.ok() || !on_disk.ok()) return;
  auto stored = files_of(version.value());
  if (stored.ok() && stored.value() != on_disk.value()) {
    std::cerr << "faqbot: serving knowledge-base version " << live << " from the store; " << options_.config_dir
              << " differs from it (POST /v1/admin/reload publishes the files on disk)\n";
  }
}

Result<bool> KbReleases::sync() {
  std::lock_guard<std::mutex> lock(sync_mu_);
  auto live = store_.live_kb_version();
  if (!live.ok()) return live.status();
  if (live.value() == 0 || live.value() == serving_ || live.value() == failed_) return false;
  auto version = store_.kb_version(live.value());
  if (!version.ok()) return version.status();
  auto files = files_of(version.value());
  if (!files.ok()) return files.status();
  Loaded loaded = load(files.value());
  if (!loaded.engine) {
    failed_ = live.value();
    std::cerr << "faqbot: knowledge-base version " << live.value() << " does not load here; still serving "
              << serving_ << ": " << loaded.message << "\n";
    return Status(StatusCode::kInternal, "knowledge-base version " + std::to_string(live.value()) + " does not load: " + loaded.message);
  }
  engines_.install(std::move(loaded.engine), live.value());
  serving_ = live.value();
  return true;
}

int64_t KbReleases::serving_version() const {
  std::lock_guard<std::mutex> lock(sync_mu_);
  return serving_;
}

void KbReleases::start_polling() {
  if (poller_.joinable() || options_.poll_interval_ms <= 0) return;
  poller_ = std::thread([this] { poll_loop(); });
}

void KbReleases::poll_loop() {
  std::unique_lock<std::mutex> lock(poll_mu_);
  while (!stopping_) {
    poll_cv_.wait_for(lock, std::chrono::milliseconds(options_.poll_interval_ms));
    if (stopping_) break;
    lock.unlock();
    auto changed = sync();
    if (!changed.ok()) std::cerr << "faqbot: knowledge-base poll: " << changed.status().message() << "\n";
    lock.lock();
  }
}

Result<std::pair<int64_t, std::shared_ptr<const bot::Engine>>> KbReleases::live_engine() {
  if (auto synced = sync(); !synced.ok()) return synced.status();
  const service::EngineHolder::Serving s = engines_.serving();
  auto live = store_.live_kb_version();
  if (!live.ok()) return live.status();
  if (s.engine && s.kb_version == live.value()) return std::make_pair(s.kb_version, s.engine);
  return Status(StatusCode::kInternal, "the live knowledge-base version is not loaded here");
}

Result<nlohmann::json> KbReleases::evaluate(const bot::Engine& candidate) {
  auto live = live_engine();
  if (!live.ok()) return live.status();
  auto live_version = store_.kb_version(live->first);
  if (!live_version.ok()) return live_version.status();
  auto live_files = files_of(live_version.value());
  if (!live_files.ok()) return live_files.status();
  std::vector<GoldenCase> golden;
  if (auto it = live_files->find(kGoldenFile); it != live_files->end()) {
    auto parsed = parse_golden(it->second);
    if (!parsed.ok()) return Status(StatusCode::kInvalidArgument, std::string(kGoldenFile) + ": " + parsed.status().message());
    golden = std::move(parsed).value();
  }
  GateReport report = evaluate_release(*live->second, candidate, golden);
  report.live_version = live->first;
  return to_json(report);
}

void KbReleases::serve(const store::KbVersion& version) {
  if (auto synced = sync(); !synced.ok()) {
    std::cerr << "faqbot: knowledge-base version " << version.id << ": " << synced.status().message() << "\n";
  }
}

KbOutcome KbReleases::stored(Result<store::KbVersion> r) {
  if (!r.ok()) return refused(r.status());
  KbOutcome out;
  out.version = std::move(r).value();
  return out;
}

KbOutcome KbReleases::create_candidate(const std::string& author, const std::string& note,
                                       const nlohmann::json& changes, int64_t base) {
  std::unique_lock<std::mutex> lock(action_mu_, std::try_to_lock);
  if (!lock.owns_lock()) return busy();
  if (base == 0) {
    auto live = store_.live_kb_version();
    if (!live.ok()) return refused(live.status());
    base = live.value();
  }
  auto parent = store_.kb_version(base);
  if (!parent.ok()) return refused(parent.status());
  auto base_files = files_of(parent.value());
  if (!base_files.ok()) return refused(base_files.status());
  auto edit = apply_kb_changes(base_files.value(), changes);
  if (!edit.ok()) return refused(edit.status());
  if (!edit->errors.empty()) {
    return refused(KbRefusal::kInvalid, "the changed knowledge base does not pass the lint", formatted(edit->errors));
  }
  if (edit->changed_paths.empty()) return refused(KbRefusal::kInvalid, "the changes change nothing");
  Loaded loaded = load(edit->files);
  if (!loaded.engine) {
    return refused(KbRefusal::kInvalid, "the changed knowledge base does not load: " + loaded.message, formatted(loaded.errors));
  }
  auto evaluation = evaluate(*loaded.engine);
  if (!evaluation.ok()) return refused(evaluation.status());
  store::NewKbVersion v;
  v.version.status = "candidate";
  v.version.parent_id = base;
  v.version.author = author;
  v.version.note = note;
  v.version.files = dump(files_json(edit->files));
  v.version.content_hash = loaded.engine->kb().content_hash;
  v.version.changes = dump(changes);
  v.version.evaluation = dump(evaluation.value());
  v.action = "created";
  v.detail = note;
  return stored(store_.create_kb_version(v));
}

KbOutcome KbReleases::approve(int64_t id, const std::string& approver) {
  std::unique_lock<std::mutex> lock(action_mu_, std::try_to_lock);
  if (!lock.owns_lock()) return busy();
  auto version = store_.kb_version(id);
  if (!version.ok()) return refused(version.status());
  if (version->author == approver) {
    return refused(KbRefusal::kForbidden, "a version is approved by another admin than its author (" + approver + ")");
  }
  if (version->status != "candidate") {
    return refused(KbRefusal::kConflict, "version " + std::to_string(id) + " is " + version->status + ", not a candidate");
  }
  return stored(store_.change_kb_version(change_of(id, {"candidate"}, "approved", approver, "approved")));
}

KbOutcome KbReleases::refuse(int64_t id, const std::string& admin, const std::string& reason) {
  const size_t chars = utf8::length(reason);
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos || chars > kMaxReasonChars) {
    return refused(KbRefusal::kInvalid,
                   "a refusal needs a reason of 1-" + std::to_string(kMaxReasonChars) + " characters");
  }
  std::unique_lock<std::mutex> lock(action_mu_, std::try_to_lock);
  if (!lock.owns_lock()) return busy();
  store::KbVersionChange c = change_of(id, {"candidate", "approved"}, "refused", admin, "refused");
  c.refusal_reason = reason;
  c.detail = reason;
  return stored(store_.change_kb_version(c));
}

KbOutcome KbReleases::release(int64_t id, const std::string& actor, const std::string& override_reason) {
  std::unique_lock<std::mutex> lock(action_mu_, std::try_to_lock);
  if (!lock.owns_lock()) return busy();
  auto version = store_.kb_version(id);
  if (!version.ok()) return refused(version.status());
  if (version->status != "approved") {
    return refused(KbRefusal::kNotApproved, "version " + std::to_string(id) + " is " + version->status + ", not approved");
  }
  // The evaluation is against the live version of its time: redo it when
  // another release happened since.
  auto evaluation = nlohmann::json::parse(version->evaluation, nullptr, false);
  auto live = store_.live_kb_version();
  if (!live.ok()) return refused(live.status());
  std::string fresh;
  if (!evaluation.is_object() || evaluation.value("live_version", int64_t{0}) != live.value()) {
    auto files = files_of(version.value());
    if (!files.ok()) return refused(files.status());
    Loaded loaded = load(files.value());
    if (!loaded.engine) return refused(KbRefusal::kUnavailable, "version " + std::to_string(id) + " does not load: " + loaded.message);
    auto redone = evaluate(*loaded.engine);
    if (!redone.ok()) return refused(redone.status());
    evaluation = redone.value();
    fresh = dump(evaluation);
  }
  std::vector<std::string> regressions;
  for (const auto& r : evaluation.value("regressions", nlohmann::json::array())) {
    if (r.is_string()) regressions.push_back(r.get<std::string>());
  }
  store::KbVersionChange c = change_of(id, {"approved"}, "", actor, "release_refused");
  c.evaluation = fresh;
  if (!regressions.empty() && override_reason.empty()) {
    std::string detail;
    for (const std::string& r : regressions) detail += (detail.empty() ? "" : "; ") + r;
    c.detail = detail;
    auto noted = store_.change_kb_version(c);
    if (!noted.ok()) return refused(noted.status());
    return refused(KbRefusal::kRegressed,
                   "the candidate makes the bot worse on the golden set; release it only with an override_reason",
                   regressions);
  }
  c.to = "released";
  c.action = "released";
  c.override_reason = regressions.empty() ? std::string() : override_reason;
  c.detail = c.override_reason.empty() ? std::string() : "override: " + c.override_reason;
  KbOutcome out = stored(store_.change_kb_version(c));
  if (out.ok()) serve(out.version);
  return out;
}

KbOutcome KbReleases::rollback(int64_t to, const std::string& actor) {
  std::unique_lock<std::mutex> lock(action_mu_, std::try_to_lock);
  if (!lock.owns_lock()) return busy();
  auto version = store_.kb_version(to);
  if (!version.ok()) return refused(version.status());
  if (version->status != "retired") {
    return refused(KbRefusal::kConflict, "version " + std::to_string(to) + " is " + version->status +
                                             "; only a version that was live before can be rolled back to");
  }
  store::KbVersionChange c = change_of(to, {"retired"}, "released", actor, "rolled_back");
  auto live = store_.live_kb_version();
  if (live.ok()) c.detail = "from version " + std::to_string(live.value());
  KbOutcome out = stored(store_.change_kb_version(c));
  if (out.ok()) serve(out.version);
  return out;
}

KbOutcome KbReleases::reload_from_disk(const std::string& actor) {
  std::lock_guard<std::mutex> lock(action_mu_);
  auto files = read_config_files(options_.config_dir);
  if (!files.ok()) return refused(KbRefusal::kInvalid, files.status().message());
  Loaded loaded = load(files.value());
  if (!loaded.engine) {
    return refused(KbRefusal::kInvalid, "the knowledge base did not load; the previous one keeps serving: " + loaded.message,
                   formatted(loaded.errors));
  }
  auto live = store_.live_kb_version();
  if (!live.ok()) return refused(live.status());
  store::NewKbVersion v;
  v.version.status = "released";
  v.version.parent_id = live.value();
  v.version.author = actor;
  v.version.note = "reloaded from " + options_.config_dir;
  v.version.files = dump(files_json(files.value()));
  v.version.content_hash = loaded.engine->kb().content_hash;
  v.action = "reloaded";
  v.detail = options_.config_dir;
  KbOutcome out = stored(store_.create_kb_version(v));
  if (out.ok()) {
    serve(out.version);
    out.details = formatted(loaded.warnings);
  }
  return out;
}

Result<nlohmann::json> KbReleases::describe(int64_t id) {
  auto version = store_.kb_version(id);
  if (!version.ok()) return version.status();
  auto files = files_of(version.value());
  if (!files.ok()) return files.status();
  KbFiles parent_files;
  if (version->parent_id != 0) {
    auto parent = store_.kb_version(version->parent_id);
    if (!parent.ok()) return parent.status();
    auto pf = files_of(parent.value());
    if (!pf.ok()) return pf.status();
    parent_files = std::move(pf).value();
  }
  nlohmann::json out = version_json(version.value());
  out["diff"] = diff_files(parent_files, files.value());
  return out;
}

}  // namespace faqbot::ops
