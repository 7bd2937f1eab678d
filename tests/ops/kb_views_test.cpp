#include "bot/ops/kb_views.h"

#include <gtest/gtest.h>

namespace faqbot::ops {
namespace {

using nlohmann::json;

TEST(KbViews, EntriesDiffPerEntryOtherFilesByLine) {
  const std::string before_kb =
      R"({"entries": [{"id": "a.one", "questions": ["q1", "q2"], "answer": "A1"},
                      {"id": "a.two", "questions": ["x"], "answer": "A2"}]})";
  const std::string after_kb =
      R"({"entries": [{"id": "a.one", "questions": ["q1", "q3"], "answer": "A1 new"},
                      {"id": "a.three", "questions": ["y"], "answer": "A3"}]})";
  KbFiles before = {{"kb/a.json", before_kb}, {"replies.json", "l1\nl2\nl3\n"}, {"same.json", "{}"},
                    {"gone.json", "1\n2\n"}};
  KbFiles after = {{"kb/a.json", after_kb}, {"replies.json", "l1\nL2\nl3\nl4\n"}, {"same.json", "{}"},
                   {"new.json", "1\n"}};
  json d = diff_files(before, after);
  ASSERT_EQ(d.size(), 4u) << d;  // by path; same.json unchanged
  EXPECT_EQ(d[0]["path"], "gone.json");
  EXPECT_EQ(d[0]["kind"], "removed");
  EXPECT_EQ(d[0]["line_count"], 2);
  const json& entries = d[1]["entries"];
  EXPECT_EQ(d[1]["kind"], "entries");
  ASSERT_EQ(entries.size(), 3u) << entries;
  EXPECT_EQ(entries[0]["id"], "a.one");
  EXPECT_EQ(entries[0]["change"], "changed");
  EXPECT_EQ(entries[0]["questions_added"], json::array({"q3"}));
  EXPECT_EQ(entries[0]["questions_removed"], json::array({"q2"}));
  EXPECT_EQ(entries[0]["answer_after"], "A1 new");
  EXPECT_EQ(entries[1]["id"], "a.three");
  EXPECT_EQ(entries[1]["change"], "added");
  EXPECT_EQ(entries[2]["change"], "removed");
  EXPECT_EQ(d[2]["kind"], "added");
  EXPECT_EQ(d[3]["path"], "replies.json");
  EXPECT_EQ(d[3]["lines"], json::array({"@@ -2 +2 @@", "-l2", "+L2", "@@ -4 +4 @@", "+l4"}));
}

TEST(KbViews, VersionObjectParsesStoredJsonAndNullsWhatIsUnset) {
  store::KbVersion v;
  v.id = 3;
  v.status = "candidate";
  v.author = "alice";
  v.changes = R"([{"op":"add_variants"}])";
  v.evaluation = R"({"passes":true})";
  json j = version_json(v);
  EXPECT_EQ(j["id"], 3);
  EXPECT_EQ(j["parent_id"], nullptr);
  EXPECT_EQ(j["changes"][0]["op"], "add_variants");
  EXPECT_EQ(j["evaluation"]["passes"], true);
  EXPECT_EQ(j["approved_by"], nullptr);
  EXPECT_EQ(j["released_at"], nullptr);
  EXPECT_FALSE(j.contains("files"));
}

}  // namespace
}  // namespace faqbot::ops
