// faqbot insights [--since 7d] [--out FILE.html] [--json] [--config DIR]
// The operators' report over the store of FAQBOT_STORE (a PostgreSQL URI) or
// FAQBOT_DATA_DIR (SQLite, default ./data): the same figures as the admin
// console (bot/ops/insights.h). --json prints them; --out writes the HTML.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "adapters/cli/commands.h"
#include "adapters/cli/engine_loader.h"
#include "bot/ops/insights.h"
#include "bot/store/store.h"
#include "knowledge/calendar.h"

namespace faqbot::cli {

int run_insights(int argc, char** argv) {
  CommonOptions options;
  std::string error;
  if (!parse_options(argc, argv, 0, {"--since", "--out"}, &options, &error)) return usage_error("insights", error);
  const std::string since = option_value(options, "--since").empty() ? "7d" : option_value(options, "--since");
  const int64_t period = ops::parse_period(since);
  if (period <= 0) return usage_error("insights", "--since takes a period such as 7d, 24h or 90m");
  const std::string out = option_value(options, "--out");
  if (out.empty() && !options.json) return usage_error("insights", "give --out FILE.html or --json");

  std::shared_ptr<const bot::Engine> engine = load_engine_or_report(options);
  if (!engine) return 1;
  std::string location = "data";
  if (const char* dir = std::getenv("FAQBOT_DATA_DIR"); dir && *dir) location = dir;
  if (const char* url = std::getenv("FAQBOT_STORE"); url && *url) location = url;
  auto store = store::open_store(location);
  if (!store.ok()) {
    std::cerr << "faqbot insights: cannot open the store: " << store.status().message() << "\n";
    return 1;
  }
  ops::InsightsOptions opt;
  opt.to_ms = knowledge::now_epoch_ms() + 1;  // include this millisecond
  opt.from_ms = opt.to_ms - period;
  opt.utc_offset_minutes = engine->kb().calendar.utc_offset_minutes;
  auto computed = ops::insights_from_store(*store.value(), *engine, opt, 200000);
  if (!computed.ok()) {
    std::cerr << "faqbot insights: cannot read the store: " << computed.status().message() << "\n";
    return 1;
  }
  const ops::Insights& insights = computed.value();
  if (options.json) std::cout << ops::to_json(insights).dump() << "\n";
  if (!out.empty()) {
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!(file << ops::to_html(insights))) {
      std::cerr << "faqbot insights: cannot write " << out << "\n";
      return 1;
    }
    std::cerr << "faqbot insights: " << insights.conversations << " conversations since " << since << " -> " << out << "\n";
  }
  return 0;
}

}  // namespace faqbot::cli
