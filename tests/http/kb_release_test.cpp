// Gated knowledge-base releases over loopback HTTP with the real engine:
// candidates, maker-checker, the evaluation gate and its override, rollback,
// the audit log, the version of each answer, reload as a version.
#include <atomic>
#include <thread>
#include <vector>

#include "kb_release_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

class KbReleaseTest : public ServerTest {
 protected:
  void SetUp() override {
    config_ = copy_fixture_config(dir_.path());
    start_real(with_admins(settings(), config_));
  }

  // The entry the bot answers `question` with in a new conversation ("" = none).
  std::string answer_of(const std::string& question) {
    json r = chat("", question);
    return r["action"] == "answer" && r["faq_id"].is_string() ? r["faq_id"].get<std::string>() : "";
  }

  std::string config_;
};

void expect_error(const json& body, const char* code) {
  ASSERT_TRUE(body.is_object()) << body;
  ASSERT_TRUE(body.contains("error")) << body;
  EXPECT_EQ(body["error"]["code"], code) << body;
  EXPECT_TRUE(body["error"]["message"].is_string()) << body;
}

TEST_F(KbReleaseTest, BreakingCandidateRefusedOverriddenWithReasonThenRolledBack) {
  EXPECT_EQ(get("/v1/admin/whoami", 200, bearer(kAliceAdmin))["name"], "alice");
  EXPECT_EQ(get("/v1/admin/whoami", 200, bearer(kAdmin))["name"], "admin");
  json versions = get("/v1/admin/kb/versions", 200, bearer(kBobAdmin));
  ASSERT_EQ(versions["versions"].size(), 1u) << versions;
  EXPECT_EQ(versions["live"], 1);
  EXPECT_EQ(versions["versions"][0]["author"], "system");
  EXPECT_EQ(versions["versions"][0]["status"], "released");
  ASSERT_EQ(answer_of("提现扣手续费吗"), "withdraw.fee");

  json candidate = post("/v1/admin/kb/candidates", {{"note", "减免活动"}, {"changes", breaking_change()}}, 201,
                        bearer(kAliceAdmin));
  ASSERT_EQ(candidate["status"], "candidate") << candidate;
  const std::string id = std::to_string(candidate["id"].get<int64_t>());
  EXPECT_EQ(candidate["author"], "alice");
  EXPECT_EQ(candidate["parent_id"], 1);
  const json& eval = candidate["evaluation"];
  EXPECT_EQ(eval["passes"], false) << eval;
  EXPECT_LT(eval["candidate"]["answered_right"].get<double>(), eval["live"]["answered_right"].get<double>());
  ASSERT_FALSE(eval["regressions"].empty());
  bool listed = false;
  for (const json& c : eval["changed"]) {
    if (c["question"] != "提现扣手续费吗") continue;
    listed = true;
    EXPECT_EQ(c["expected"], "withdraw.fee");
    EXPECT_EQ(c["live_entry"], "withdraw.fee");
    EXPECT_NE(c["candidate_entry"], "withdraw.fee");
  }
  EXPECT_TRUE(listed) << eval;
  // The candidate is not live: answers are unchanged.
  EXPECT_EQ(answer_of("提现扣手续费吗"), "withdraw.fee");

  // The diff names the new entry in its file.
  json detail = get("/v1/admin/kb/versions/" + id, 200, bearer(kBobAdmin));
  ASSERT_EQ(detail["diff"].size(), 1u) << detail["diff"];
  EXPECT_EQ(detail["diff"][0]["path"], "kb/withdraw.json");
  EXPECT_EQ(detail["diff"][0]["entries"][0]["id"], "withdraw.fee_waiver");
  EXPECT_EQ(detail["diff"][0]["entries"][0]["change"], "added");

  // Maker-checker, then the gate.
  expect_error(post("/v1/admin/kb/versions/" + id + "/release", json::object(), 409, bearer(kBobAdmin)), "not_approved");
  expect_error(post("/v1/admin/kb/versions/" + id + "/approve", json::object(), 403, bearer(kAliceAdmin)), "forbidden");
  EXPECT_EQ(post("/v1/admin/kb/versions/" + id + "/approve", json::object(), 200, bearer(kBobAdmin))["approved_by"], "bob");
  expect_error(post("/v1/admin/kb/versions/" + id + "/approve", json::object(), 409, bearer(kBobAdmin)), "conflict");
  json refused = post("/v1/admin/kb/versions/" + id + "/release", json::object(), 422, bearer(kBobAdmin));
  expect_error(refused, "evaluation_regressed");
  EXPECT_EQ(refused["error"]["details"], eval["regressions"]);
  json blank = post("/v1/admin/kb/versions/" + id + "/release", {{"override_reason", ""}}, 422, bearer(kBobAdmin));
  expect_error(blank, "evaluation_regressed");
  EXPECT_EQ(answer_of("提现扣手续费吗"), "withdraw.fee");

  json released = post("/v1/admin/kb/versions/" + id + "/release", {{"override_reason", "活动已获批准"}}, 200,
                        bearer(kBobAdmin));
  EXPECT_EQ(released["status"], "released");
  EXPECT_EQ(released["released_by"], "bob");
  EXPECT_EQ(released["override_reason"], "活动已获批准");
  EXPECT_EQ(answer_of("提现扣手续费吗"), "withdraw.fee_waiver");
  // Every bot answer names the version that produced it.
  json r = chat("s", "提现扣手续费吗");
  json transcript = get(messages_path("s"), 200, auth("s"));
  ASSERT_EQ(transcript["messages"].size(), 2u) << transcript;
  EXPECT_TRUE(transcript["messages"][0]["kb_version"].is_null());
  EXPECT_EQ(transcript["messages"][1]["kb_version"], std::stoll(id));

  // Rollback to version 1 restores the previous answers in one action.
  expect_error(post("/v1/admin/kb/rollback", {{"to", std::stoll(id)}}, 409, bearer(kAliceAdmin)), "conflict");
  json back = post("/v1/admin/kb/rollback", {{"to", 1}}, 200, bearer(kAliceAdmin));
  EXPECT_EQ(back["id"], 1);
  EXPECT_EQ(back["status"], "released");
  EXPECT_EQ(answer_of("提现扣手续费吗"), "withdraw.fee");
  versions = get("/v1/admin/kb/versions", 200, bearer(kBobAdmin));
  EXPECT_EQ(versions["live"], 1);
  EXPECT_EQ(versions["versions"][0]["status"], "retired");

  json audit = get("/v1/admin/audit?limit=20", 200, bearer(kAliceAdmin));
  std::vector<std::string> lines;
  for (const json& a : audit) {
    lines.push_back(a["actor"].get<std::string>() + " " + a["action"].get<std::string>() + " " +
                    std::to_string(a["version_id"].get<int64_t>()));
  }
  EXPECT_EQ(lines, (std::vector<std::string>{"alice rolled_back 1", "bob released " + id, "bob release_refused " + id,
                                             "bob release_refused " + id, "bob approved " + id, "alice created " + id,
                                             "system reloaded 1"}));
  EXPECT_EQ(audit[1]["detail"], "override: 活动已获批准");
  expect_error(get("/v1/admin/audit?limit=0", 400, bearer(kAliceAdmin)), "bad_request");
}

TEST_F(KbReleaseTest, ChangesThatDoNotApplyOrLintAreRefusedAndTokensAreChecked) {
  expect_error(post("/v1/admin/kb/candidates", {{"changes", breaking_change()}}, 401), "unauthorized");
  expect_error(post("/v1/admin/kb/candidates", {{"changes", breaking_change()}}, 403, bearer(kAlice)), "forbidden");
  expect_error(post("/v1/admin/kb/candidates", {{"changes", json::array()}}, 422, bearer(kAliceAdmin)),
               "validation_failed");
  json unknown = {{{"op", "add_variants"}, {"entry_id", "withdraw.nothing"}, {"questions", {"提现"}}}};
  expect_error(post("/v1/admin/kb/candidates", {{"changes", unknown}}, 404, bearer(kAliceAdmin)), "not_found");
  json taken = {{{"op", "new_entry"},
                 {"entry", {{"id", "withdraw.fee"}, {"questions", {"提现费用"}}, {"answer", "您好，请以页面为准。"}}}}};
  expect_error(post("/v1/admin/kb/candidates", {{"changes", taken}}, 422, bearer(kAliceAdmin)), "validation_failed");
  json bad_handoff = {{{"op", "new_entry"},
                       {"entry", {{"id", "withdraw.odd"}, {"questions", {"提现好奇问题"}}, {"answer", "您好。"},
                                  {"handoff", "sometimes"}}}}};
  json refused = post("/v1/admin/kb/candidates", {{"changes", bad_handoff}}, 422, bearer(kAliceAdmin));
  expect_error(refused, "validation_failed");
  expect_error(get("/v1/admin/kb/versions/99", 404, bearer(kAliceAdmin)), "not_found");
  expect_error(post("/v1/admin/kb/rollback", {{"to", "1"}}, 422, bearer(kAliceAdmin)), "validation_failed");
  // Nothing was created.
  EXPECT_EQ(get("/v1/admin/kb/versions", 200, bearer(kAliceAdmin))["versions"].size(), 1u);
}

TEST_F(KbReleaseTest, PassingCandidateReleasesWithoutOverrideAndReloadIsAVersion) {
  json add = {{{"op", "add_variants"}, {"entry_id", "recharge.fee"}, {"questions", {"充值收不收钱", "用网银充钱要钱不"}}}};
  json candidate = post("/v1/admin/kb/candidates", {{"note", "充值变体"}, {"changes", add}}, 201, bearer(kBobAdmin));
  ASSERT_TRUE(candidate["evaluation"].is_object()) << candidate;
  ASSERT_EQ(candidate["evaluation"]["passes"], true) << candidate["evaluation"];
  const std::string id = std::to_string(candidate["id"].get<int64_t>());
  post("/v1/admin/kb/versions/" + id + "/approve", json::object(), 200, bearer(kAdmin));
  json released = post("/v1/admin/kb/versions/" + id + "/release", json::object(), 200, bearer(kAliceAdmin));
  EXPECT_EQ(released["override_reason"], nullptr);
  EXPECT_EQ(answer_of("用网银充钱要钱不"), "recharge.fee");

  // A reload records the directory on disk as the next released version.
  json reloaded = post("/v1/admin/reload", json::object(), 200, bearer(kAliceAdmin));
  EXPECT_EQ(reloaded["ok"], true);
  EXPECT_EQ(reloaded["version"], std::stoll(id) + 1);
  json versions = get("/v1/admin/kb/versions", 200, bearer(kAliceAdmin));
  EXPECT_EQ(versions["live"], std::stoll(id) + 1);
  EXPECT_EQ(versions["versions"][0]["author"], "alice");
  EXPECT_EQ(get("/v1/admin/audit?limit=1", 200, bearer(kAliceAdmin))[0]["action"], "reloaded");

  // A restart serves the live version from the store.
  stop();
  start_real(with_admins(settings(), config_));
  EXPECT_EQ(get("/v1/admin/kb/versions", 200, bearer(kAliceAdmin))["versions"].size(), 3u);
}

TEST_F(KbReleaseTest, ACheckerRefusesWithAReasonAndTheVersionCannotGoLive) {
  json candidate = post("/v1/admin/kb/candidates", {{"note", "减免活动"}, {"changes", breaking_change()}}, 201,
                        bearer(kAliceAdmin));
  const std::string path = "/v1/admin/kb/versions/" + std::to_string(candidate["id"].get<int64_t>());
  expect_error(post(path + "/refuse", json::object(), 422, bearer(kBobAdmin)), "validation_failed");
  expect_error(post(path + "/refuse", {{"reason", "  "}}, 422, bearer(kBobAdmin)), "validation_failed");
  expect_error(post(path + "/refuse", {{"reason", std::string(501, 'x')}}, 422, bearer(kBobAdmin)),
               "validation_failed");
  expect_error(post("/v1/admin/kb/versions/99/refuse", {{"reason", "不对"}}, 404, bearer(kBobAdmin)), "not_found");
  expect_error(post("/v1/admin/kb/versions/1/refuse", {{"reason", "不对"}}, 409, bearer(kBobAdmin)), "conflict");

  json refused = post(path + "/refuse", {{"reason", "口径与公告不一致，客户13812345678投诉过"}}, 200, bearer(kBobAdmin));
  EXPECT_EQ(refused["status"], "refused");
  EXPECT_EQ(refused["refused_by"], "bob");
  const std::string reason = refused["refusal_reason"];
  EXPECT_EQ(reason.find("13812345678"), std::string::npos) << "a customer's number is masked: " << reason;
  EXPECT_NE(reason.find("口径与公告不一致"), std::string::npos);
  EXPECT_EQ(get(path, 200, bearer(kAliceAdmin))["refusal_reason"], reason);

  // Refused is final: it is neither approved nor released, nor refused again.
  expect_error(post(path + "/approve", json::object(), 409, bearer(kBobAdmin)), "conflict");
  expect_error(post(path + "/release", json::object(), 409, bearer(kBobAdmin)), "not_approved");
  expect_error(post(path + "/refuse", {{"reason", "再次"}}, 409, bearer(kBobAdmin)), "conflict");
  EXPECT_EQ(answer_of("提现扣手续费吗"), "withdraw.fee");
  json audit = get("/v1/admin/audit?limit=1", 200, bearer(kAliceAdmin));
  EXPECT_EQ(audit[0]["action"], "refused");
  EXPECT_EQ(audit[0]["actor"], "bob");
  EXPECT_EQ(audit[0]["detail"], reason);

  // The author may withdraw an approved version of their own.
  json second = post("/v1/admin/kb/candidates", {{"note", "第二版"}, {"changes", breaking_change()}}, 201,
                     bearer(kAliceAdmin));
  const std::string second_path = "/v1/admin/kb/versions/" + std::to_string(second["id"].get<int64_t>());
  post(second_path + "/approve", json::object(), 200, bearer(kBobAdmin));
  EXPECT_EQ(post(second_path + "/refuse", {{"reason", "撤回，改天再提"}}, 200, bearer(kAliceAdmin))["refused_by"], "alice");
}

TEST_F(KbReleaseTest, ConcurrentCandidatesDoNotQueueTheOthersAreToldBusy) {
  // Four admins propose at once: an evaluation takes seconds, so the ones
  // that find it running are answered at once with 409 busy (no worker waits
  // on the lock), and every created candidate is listed.
  constexpr int kAdmins = 4;
  std::vector<int> status(kAdmins, 0);
  std::vector<std::string> code(kAdmins);
  std::vector<std::thread> threads;
  std::atomic<int> ready{0};
  for (int i = 0; i < kAdmins; ++i) {
    threads.emplace_back([&, i] {
      httplib::Client client("127.0.0.1", port_);
      client.set_read_timeout(60, 0);
      const json body = {{"note", "并发 " + std::to_string(i)}, {"changes", breaking_change()}};
      ++ready;
      while (ready.load() < kAdmins) std::this_thread::yield();
      auto res = client.Post("/v1/admin/kb/candidates", bearer(kAliceAdmin), body.dump(), "application/json");
      if (!res) return;
      status[i] = res->status;
      json reply = json::parse(res->body, nullptr, false);
      if (reply.is_object() && reply.contains("error")) code[i] = reply["error"].value("code", "");
    });
  }
  for (std::thread& t : threads) t.join();
  int created = 0, busy = 0;
  for (int i = 0; i < kAdmins; ++i) {
    if (status[i] == 201) ++created;
    if (status[i] == 409 && code[i] == "busy") ++busy;
  }
  EXPECT_EQ(created + busy, kAdmins) << ::testing::PrintToString(status);
  EXPECT_GE(created, 1);
  EXPECT_GE(busy, 1);
  EXPECT_EQ(get("/v1/admin/kb/versions", 200, bearer(kAliceAdmin))["versions"].size(), 1u + created);
  // Once the evaluation is done the next proposal is accepted.
  post("/v1/admin/kb/candidates", {{"note", "之后"}, {"changes", breaking_change()}}, 201, bearer(kAliceAdmin));
}

}  // namespace
}  // namespace faqbot::testing
