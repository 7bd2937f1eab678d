#include "retrieval/product_mentions.h"

#include <algorithm>

namespace faqbot::retrieval {

namespace {

void drop_empty(std::vector<std::string>& words) {
  words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Words joining a product to another means of the same list ("用微信或者支付宝").
constexpr std::string_view kCoordinators[] = {"或者", "还是", "以及", "或", "和", "及", "与"};
// How far back (bytes, about six CJK characters) the list's means word may be.
constexpr size_t kListWindow = 18;

}  // namespace

ProductMentions::ProductMentions(std::vector<std::string> names,
                                 std::vector<std::pair<std::string, uint32_t>> forms,
                                 std::vector<std::string> as_means,
                                 std::vector<std::string> about_us)
    : names_(std::move(names)), as_means_(std::move(as_means)), about_us_(std::move(about_us)) {
  drop_empty(as_means_);
  drop_empty(about_us_);
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

int ProductMentions::asked_about(const std::string& normalized) const {
  for (const std::string& w : about_us_) {
    if (normalized.find(w) != std::string::npos) return -1;
  }
  // Every mention of every form, longest form first; a shorter form inside a
  // longer one already seen is the same mention.
  std::vector<std::pair<size_t, size_t>> seen;  // byte ranges
  for (size_t i = 0; i < forms_.size(); ++i) {
    const std::string& form = forms_[i];
    for (size_t at = normalized.find(form); at != std::string::npos;
         at = normalized.find(form, at + 1)) {
      const size_t end = at + form.size();
      const bool inside = std::any_of(seen.begin(), seen.end(), [&](const auto& s) {
        return at >= s.first && end <= s.second;
      });
      if (inside) continue;
      seen.emplace_back(at, end);
      const std::string_view before = std::string_view(normalized).substr(0, at);
      if (!named_as_means(before)) return static_cast<int>(form_product_[i]);
    }
  }
  return -1;
}

bool ProductMentions::named_as_means(std::string_view before) const {
  auto right_after_means = [&](std::string_view text) {
    return std::any_of(as_means_.begin(), as_means_.end(),
                       [&](const std::string& w) { return ends_with(text, w); });
  };
  if (right_after_means(before)) return true;
  // The second item of a list of means: a means word shortly before the
  // coordinator, the first item between them.
  for (std::string_view c : kCoordinators) {
    if (!ends_with(before, c)) continue;
    const std::string_view list = before.substr(0, before.size() - c.size());
    const size_t from = list.size() > kListWindow ? list.size() - kListWindow : 0;
    const std::string_view window = list.substr(from);
    return std::any_of(as_means_.begin(), as_means_.end(), [&](const std::string& w) {
      return window.find(w) != std::string_view::npos;
    });
  }
  return false;
}

std::string ProductMentions::without_names(const std::string& normalized) const {
  std::string out = normalized;
  for (const std::string& form : forms_) {
    for (size_t at = out.find(form); at != std::string::npos; at = out.find(form, at)) {
      out.erase(at, form.size());
    }
  }
  return out;
}

void ProductMentions::serialize(BinaryWriter& w) const {
  w.strings(names_);
  w.strings(forms_);
  w.vec(form_product_);
  w.strings(as_means_);
  w.strings(about_us_);
}

bool ProductMentions::deserialize(BinaryReader& r) {
  if (!r.strings(names_) || !r.strings(forms_) || !r.vec(form_product_) ||
      !r.strings(as_means_) || !r.strings(about_us_)) {
    return false;
  }
  if (forms_.size() != form_product_.size()) return false;
  for (uint32_t p : form_product_) {
    if (p >= names_.size()) return false;
  }
  return true;
}

}  // namespace faqbot::retrieval
