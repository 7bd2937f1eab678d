// The web pages are embedded byte for byte and found by their URL paths.
#include "adapters/web/assets.h"

#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

namespace faqbot::web {
namespace {

std::string read_source(const std::string& name) {
  std::ifstream in(std::string(FAQBOT_WEB_SOURCE_DIR) + "/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(WebAssets, WidgetIsJavaScript) {
  const Asset* a = find_asset("/widget.js");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->content_type, "application/javascript; charset=utf-8");
  EXPECT_NE(a->body.find("/v1/chat"), std::string_view::npos);
}

TEST(WebAssets, RootIsTheDemoPageEmbeddingTheWidget) {
  const Asset* a = find_asset("/");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->content_type, "text/html; charset=utf-8");
  EXPECT_NE(a->body.find("<script src=\"/widget.js\""), std::string_view::npos);
  EXPECT_NE(a->body.find("出借有风险"), std::string_view::npos);
}

TEST(WebAssets, AgentIsTheConsole) {
  const Asset* a = find_asset("/agent");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->content_type, "text/html; charset=utf-8");
  EXPECT_NE(a->body.find("/agent.js"), std::string_view::npos);
  const Asset* script = find_asset("/agent.js");  // its code: no inline script (CSP)
  ASSERT_NE(script, nullptr);
  EXPECT_EQ(script->content_type, "application/javascript; charset=utf-8");
  EXPECT_NE(script->body.find("/v1/handoffs"), std::string_view::npos);
  ASSERT_NE(find_asset("/agent.css"), nullptr);
  EXPECT_EQ(find_asset("/agent.css")->content_type, "text/css; charset=utf-8");
  ASSERT_NE(find_asset("/demo.css"), nullptr);
}

TEST(WebAssets, BodiesAreTheSourceFilesByteForByte) {
  const struct { const char* path; const char* file; } cases[] = {
      {"/", "demo.html"}, {"/widget.js", "widget.js"}, {"/agent", "agent.html"},
      {"/agent.js", "agent.js"}, {"/agent_alerts.js", "agent_alerts.js"},
      {"/agent_panels.js", "agent_panels.js"}, {"/agent.css", "agent.css"}, {"/demo.css", "demo.css"}};
  for (const auto& c : cases) {
    const Asset* a = find_asset(c.path);
    ASSERT_NE(a, nullptr) << c.path;
    const std::string source = read_source(c.file);
    ASSERT_FALSE(source.empty()) << c.file;
    EXPECT_EQ(a->body, source) << c.path;
  }
}

TEST(WebAssets, UnknownPathsAreNotFound) {
  EXPECT_EQ(find_asset(""), nullptr);
  EXPECT_EQ(find_asset("/widget.js?v=1"), nullptr);
  EXPECT_EQ(find_asset("/demo.html"), nullptr);
  EXPECT_EQ(find_asset("/agent/"), nullptr);
  EXPECT_EQ(find_asset("/../CMakeLists.txt"), nullptr);
}

}  // namespace
}  // namespace faqbot::web
