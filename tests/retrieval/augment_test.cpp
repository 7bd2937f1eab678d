#include "retrieval/augment.h"

#include <gtest/gtest.h>

#include <string>

#include "knowledge/utf8.h"

namespace faqbot::retrieval {
namespace {

std::vector<std::string> texts_from(const std::vector<AugmentedVariant>& out, uint32_t source) {
  std::vector<std::string> texts;
  for (const auto& v : out) {
    if (v.source == source) texts.push_back(v.text);
  }
  return texts;
}

TEST(Augmenter, DropsOneCharacterOfLongEnoughVariants) {
  const Augmenter augmenter(nullptr, {});
  const auto out = augmenter.augment({"提现要多久到账", "提现"});
  ASSERT_EQ(out.size(), 1u);  // no pinyin table: no homophone typos
  EXPECT_EQ(out[0].source, 0u);
  EXPECT_EQ(utf8::length(out[0].text), 6u);
}

TEST(Augmenter, AVariantsSyntheticVariantsDependOnItsTextOnly) {
  const Augmenter augmenter(nullptr, {});
  const std::vector<std::string> variants = {"提现要多久到账", "充值失败怎么办呢", "银行卡怎么解绑"};
  const auto before = augmenter.augment(variants);
  std::vector<std::string> edited = variants;
  edited.insert(edited.begin(), "新加的一个问题吗");  // every source index moves by one
  const auto after = augmenter.augment(edited);
  for (uint32_t j = 0; j < variants.size(); ++j) {
    EXPECT_EQ(texts_from(before, j), texts_from(after, j + 1)) << variants[j];
  }
}

}  // namespace
}  // namespace faqbot::retrieval
