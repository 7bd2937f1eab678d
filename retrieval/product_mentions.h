#pragma once
// Finds the other company's product a normalised question asks about (names
// and cue words normalised the same way). Immutable; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "retrieval/binary_io.h"

namespace faqbot::retrieval {

class ProductMentions {
 public:
  ProductMentions() = default;
  // names[i]: how product i is named in replies; forms: (normalised form,
  // product index); as_means, about_us: see Corpus. Empty strings are
  // ignored.
  ProductMentions(std::vector<std::string> names,
                  std::vector<std::pair<std::string, uint32_t>> forms,
                  std::vector<std::string> as_means = {},
                  std::vector<std::string> about_us = {});

  bool empty() const { return forms_.empty(); }
  // Index of the product with the longest form found in `normalized`, -1
  // when none.
  int find(const std::string& normalized) const;
  // Index of the product the question is about: named (longest form first)
  // not right after an as_means word, in a question without an about_us
  // word; -1 when none.
  int asked_about(const std::string& normalized) const;
  // `normalized` without the products' names (longest form first).
  std::string without_names(const std::string& normalized) const;
  // Whether a name preceded by `before` is named as a means of ours: right
  // after an as_means word, or listed after a first means ("用微信或者支付宝").
  bool named_as_means(std::string_view before) const;
  const std::string& name(int product) const { return names_[static_cast<size_t>(product)]; }

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  std::vector<std::string> names_;
  std::vector<std::string> forms_;         // longest first
  std::vector<uint32_t> form_product_;     // parallel to forms_
  std::vector<std::string> as_means_;
  std::vector<std::string> about_us_;
};

}  // namespace faqbot::retrieval
