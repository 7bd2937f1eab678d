// The companies running other products, named themselves (other_companies.h).
#include "knowledge/other_companies.h"

#include <gtest/gtest.h>

namespace faqbot::knowledge {
namespace {

TEST(OtherCompanies, EachCompanyOnceUnlessNamedOrABankHolder) {
  KnowledgeBase kb;
  kb.other_products_list = {{"甲钱包", {}, "甲集团"},  {"甲借钱", {}, "甲集团"}, {"乙外卖", {}, "乙外卖"},
                            {"丙贷", {"丙科技"}, "丙科技"}, {"丁快贷", {}, "丁银行"}, {"戊卡", {}, ""}};
  kb.other_services = {{"银行", {"银行"}, {"登录"}, {}}};
  const std::vector<OtherProduct> companies = companies_as_products(kb);
  ASSERT_EQ(companies.size(), 1u);  // 乙外卖, 丙科技: already a name or an alias; 丁银行: a holder
  EXPECT_EQ(companies[0].name, "甲集团");
  EXPECT_TRUE(companies[0].aliases.empty());
}

}  // namespace
}  // namespace faqbot::knowledge
