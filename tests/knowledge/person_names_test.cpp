// Whether a question names one person (person_names.h).
#include "knowledge/person_names.h"

#include <gtest/gtest.h>

namespace faqbot::knowledge {
namespace {

TEST(PersonNames, ASurnameWithATitle) {
  EXPECT_TRUE(names_person("那个借款人陈某某还了吗"));
  EXPECT_TRUE(names_person("刘先生那笔钱"));
  EXPECT_TRUE(names_person("借款的是个赵女士"));
  EXPECT_TRUE(names_person("借款人周某"));
}

TEST(PersonNames, ASurnameAfterANamingVerb) {
  EXPECT_TRUE(names_person("借钱的人叫郭小二"));
  EXPECT_TRUE(names_person("借款人姓韩"));
}

TEST(PersonNames, NotACertainOneNorAnUnnamedVerb) {
  EXPECT_FALSE(names_person("对于某些借款人"));          // 于 is a surname, 某些 "some"
  EXPECT_FALSE(names_person("借款人某天跑了"));
  EXPECT_FALSE(names_person("逾期了会叫人去催吗"));
  EXPECT_FALSE(names_person("借款人姓名能看吗"));
  EXPECT_FALSE(names_person("借款人叫什么"));
  EXPECT_FALSE(names_person(""));
  EXPECT_FALSE(names_person("某"));
}

TEST(PersonNames, RightAfterAnAnchor) {
  const std::vector<std::string> borrower = {"借款人", ""};
  EXPECT_TRUE(names_person_after("那笔的借款人是叫韩小二的", borrower));
  EXPECT_TRUE(names_person_after("借款人陈某", borrower));
  EXPECT_FALSE(names_person_after("我姓钱 借款人逾期了", borrower));
  EXPECT_FALSE(names_person_after("借款人逾期了平台怎么处理 王女士", borrower));
  EXPECT_FALSE(names_person_after("陈某", {}));
}

}  // namespace
}  // namespace faqbot::knowledge
