#pragma once
// Other companies' wealth products named by their own names
// (other_products.json "issuers", "issued_products" and "wealth_products"):
// a company that issues such products named right before one of the words
// naming a product ("众安天天利", "齐鲁稳固", "太平的理财"), or a named
// third-party wealth product on its own ("天天利", "薪金宝"). A spelling
// inside one of its not_in words is no mention ("公众安全" holds 众安,
// "天天利息" holds 天天利). Read the same way by the runtime (on normalised
// text and words, retrieval/engine_retriever) and by lint. Pure; thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::knowledge {

// A company issuing products, or a named product; either way spelt by its
// name and aliases, guarded by not_in.
struct NamedIssue {
  std::string name;                  // how replies name it: "众安保险", "天天利"
  std::vector<std::string> aliases;  // other spellings: "众安"
  std::vector<std::string> not_in;   // longer words holding a spelling that are not it: "公众安全"
};

struct IssuedProducts {
  std::vector<NamedIssue> issuers;          // "issuers"
  std::vector<std::string> product_words;   // "issued_products": 天天利, 稳固, 理财, 定期 …
  std::vector<NamedIssue> wealth_products;  // "wealth_products": named alone
  bool empty() const { return issuers.empty() && wealth_products.empty(); }
};

// How replies name the issued or wealth product `text` names as the thing
// asked about: "<issuer name>的<product word as written>" ("众安保险的天天利")
// for an issuer's spelling followed
// (after 的, 家, 家的, 那个, 的那个 or 新出的, if any) by a word of
// product_words or a wealth product's spelling (the longest), else the
// name of a wealth product whose spelling `text` holds; neither inside one of its
// not_in words nor right after an as_means word unless money is moved into
// it (ends_with_money_moved_in: "从建行卡转到活期加") (knowledge/means_words.h:
// 用, 通过 …). "" when none, or when `text` holds an about_us word (你们 …).
// Empty spellings and words are ignored.
std::string issued_product_named(std::string_view text, const IssuedProducts& list,
                                 const std::vector<std::string>& as_means,
                                 const std::vector<std::string>& about_us);

}  // namespace faqbot::knowledge
