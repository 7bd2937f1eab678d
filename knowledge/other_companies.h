#pragma once
// The companies that run other products (other_products.json "company"),
// named themselves: "东方财富app登不上" asks about that company's app as
// "天天基金" would. Pure; thread-safe.
#include <vector>

#include "knowledge/knowledge_base.h"

namespace faqbot::knowledge {

// One product per distinct company of kb.other_products(), named and spelt
// as the company (no aliases), file order. Left out: companies named like a
// product or an alias already listed (美团, 携程: the product stands), and
// companies holding a holder of a service (招商银行, 微众银行: 银行 is the
// services rule's, where our actions keep 招商银行卡充值 ours).
std::vector<OtherProduct> companies_as_products(const KnowledgeBase& kb);

}  // namespace faqbot::knowledge
