#pragma once
// Finds other companies' products named in a normalised question (the
// names normalised the same way). Immutable; thread-safe.
#include <string>
#include <vector>

#include "retrieval/binary_io.h"

namespace faqbot::retrieval {

class ProductMentions {
 public:
  ProductMentions() = default;
  // names[i]: how product i is named in replies; forms: (normalised form,
  // product index). Empty forms are ignored.
  ProductMentions(std::vector<std::string> names,
                  std::vector<std::pair<std::string, uint32_t>> forms);

  bool empty() const { return forms_.empty(); }
  // Index of the product with the longest form found in `normalized`, -1
  // when none.
  int find(const std::string& normalized) const;
  const std::string& name(int product) const { return names_[static_cast<size_t>(product)]; }

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  std::vector<std::string> names_;
  std::vector<std::string> forms_;         // longest first
  std::vector<uint32_t> form_product_;     // parallel to forms_
};

}  // namespace faqbot::retrieval
