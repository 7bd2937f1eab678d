#include "knowledge/issued_products.h"

#include <algorithm>

#include "knowledge/means_words.h"

namespace faqbot::knowledge {
namespace {

// Words that may stand between an issuer and its product ("太平的理财",
// "众安家的天天利", "齐鲁新出的稳固"), longest first.
constexpr std::string_view kBetween[] = {"的那个", "新出的", "家的", "那个", "的", "家"};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Whether the spelling at `at` of `text` lies inside an occurrence of one of
// `not_in` (a guard holding the spelling).
bool guarded(std::string_view text, size_t at, std::string_view spelling, const std::vector<std::string>& not_in) {
  for (const std::string& guard : not_in) {
    if (guard.empty()) continue;
    for (size_t k = guard.find(spelling); k != std::string::npos; k = guard.find(spelling, k + 1)) {
      if (k <= at && text.substr(at - k, guard.size()) == guard) return true;
    }
  }
  return false;
}

// Calls fn(spelling) for n's name and each alias that is not empty, in that
// order, until fn returns true; whether one did. Reads the lists in place:
// nothing is allocated per question.
template <typename Fn>
bool any_spelling(const NamedIssue& n, Fn fn) {
  if (!n.name.empty() && fn(std::string_view(n.name))) return true;
  for (const std::string& a : n.aliases) {
    if (!a.empty() && fn(std::string_view(a))) return true;
  }
  return false;
}

// Whether `text` names `n` at `at` (spelling `s`) as the thing asked about.
bool named_at(std::string_view text, size_t at, std::string_view s, const NamedIssue& n,
              const std::vector<std::string>& as_means) {
  const std::string_view before = text.substr(0, at);
  return !guarded(text, at, s, n.not_in) && (ends_with_money_moved_in(before) || !ends_with_means_word(before, as_means));
}

// The product word or wealth product's spelling (not guarded) that starts
// `text`, longest first; "" when none.
std::string product_starting(std::string_view text, const IssuedProducts& list) {
  std::string best;
  for (const std::string& w : list.product_words) {
    if (w.size() > best.size() && starts_with(text, w)) best = w;
  }
  for (const NamedIssue& p : list.wealth_products) {
    any_spelling(p, [&](std::string_view s) {
      if (s.size() > best.size() && starts_with(text, s) && !guarded(text, 0, s, p.not_in)) best = std::string(s);
      return false;
    });
  }
  return best;
}

}  // namespace

std::string issued_product_named(std::string_view text, const IssuedProducts& list,
                                 const std::vector<std::string>& as_means,
                                 const std::vector<std::string>& about_us) {
  for (const std::string& w : about_us) {
    if (!w.empty() && text.find(w) != std::string_view::npos) return "";
  }
  std::string named;
  for (const NamedIssue& issuer : list.issuers) {
    const bool found = any_spelling(issuer, [&](std::string_view s) {
      for (size_t at = text.find(s); at != std::string_view::npos; at = text.find(s, at + 1)) {
        if (!named_at(text, at, s, issuer, as_means)) continue;
        std::string_view after = text.substr(at + s.size());
        for (std::string_view b : kBetween) {
          if (starts_with(after, b)) {
            after.remove_prefix(b.size());
            break;
          }
        }
        const std::string product = product_starting(after, list);
        if (!product.empty()) {
          named = issuer.name + "的" + product;
          return true;
        }
      }
      return false;
    });
    if (found) return named;
  }
  for (const NamedIssue& p : list.wealth_products) {
    const bool found = any_spelling(p, [&](std::string_view s) {
      for (size_t at = text.find(s); at != std::string_view::npos; at = text.find(s, at + 1)) {
        if (named_at(text, at, s, p, as_means)) return true;
      }
      return false;
    });
    if (found) return p.name;
  }
  return "";
}

}  // namespace faqbot::knowledge
