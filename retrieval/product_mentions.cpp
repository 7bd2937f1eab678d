#include "retrieval/product_mentions.h"

#include <algorithm>

namespace faqbot::retrieval {

ProductMentions::ProductMentions(std::vector<std::string> names,
                                 std::vector<std::pair<std::string, uint32_t>> forms)
    : names_(std::move(names)) {
  forms.erase(std::remove_if(forms.begin(), forms.end(),
                             [&](const auto& f) { return f.first.empty() || f.second >= names_.size(); }),
              forms.end());
  std::stable_sort(forms.begin(), forms.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (auto& [form, product] : forms) {
    forms_.push_back(std::move(form));
    form_product_.push_back(product);
  }
}

int ProductMentions::find(const std::string& normalized) const {
  for (size_t i = 0; i < forms_.size(); ++i) {
    if (normalized.find(forms_[i]) != std::string::npos) return static_cast<int>(form_product_[i]);
  }
  return -1;
}

void ProductMentions::serialize(BinaryWriter& w) const {
  w.strings(names_);
  w.strings(forms_);
  w.vec(form_product_);
}

bool ProductMentions::deserialize(BinaryReader& r) {
  if (!r.strings(names_) || !r.strings(forms_) || !r.vec(form_product_)) return false;
  if (forms_.size() != form_product_.size()) return false;
  for (uint32_t p : form_product_) {
    if (p >= names_.size()) return false;
  }
  return true;
}

}  // namespace faqbot::retrieval
