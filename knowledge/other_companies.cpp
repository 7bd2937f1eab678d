#include "knowledge/other_companies.h"

#include <algorithm>
#include <set>
#include <string>

namespace faqbot::knowledge {

std::vector<OtherProduct> companies_as_products(const KnowledgeBase& kb) {
  std::set<std::string> named;  // products' names and aliases, and companies taken
  for (const OtherProduct& p : kb.other_products()) {
    named.insert(p.name);
    named.insert(p.aliases.begin(), p.aliases.end());
  }
  auto holds_holder = [&](const std::string& company) {
    return std::any_of(kb.other_services.begin(), kb.other_services.end(), [&](const OtherService& s) {
      return std::any_of(s.holders.begin(), s.holders.end(), [&](const std::string& h) {
        return !h.empty() && company.find(h) != std::string::npos;
      });
    });
  };
  std::vector<OtherProduct> out;
  for (const OtherProduct& p : kb.other_products()) {
    const std::string& company = p.company;
    if (company.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    if (named.count(company) != 0 || holds_holder(company)) continue;
    named.insert(company);
    out.push_back({company, {}, company});
  }
  return out;
}

}  // namespace faqbot::knowledge
