#pragma once
// Finds another company's own service a normalised question asks about when
// the words alone look like ours: a bank's app or 网银 that will not log in,
// a lost or swallowed bank card, its deposits, its hotline; a game or a phone
// plan topped up (other_products.json "services"). Such a question names the
// service's holder (建行, 银行, 游戏 …) and, when the service lists any, one of
// its words (登录, 挂失, 定期 …), and none of our actions (充值, 提现, 绑 …:
// "招行卡充值限额多少" is ours) nor an about-us word (你们 …). An about-us
// word that only says one of our actions ("能充值吗") does not make a
// question ours when the service uses that action in its own sense
// ("话费能充值吗", "美金现钞能充值吗"). Names and words are normalised the
// same way as the questions. Immutable; thread-safe.
#include <cstdint>
#include <string>
#include <vector>

#include "knowledge/phrase_matcher.h"

namespace faqbot::retrieval {

class ServiceMentions {
 public:
  struct Service {
    std::string name;                  // how replies name it ("银行")
    std::vector<std::string> holders;  // who offers it, normalised ("建行", "银行卡")
    std::vector<std::string> words;    // its own words, normalised; empty: the holder alone
    // our_actions words it uses in its own sense ("游戏充值"), normalised:
    // they do not make a question naming it ours.
    std::vector<std::string> own_actions;
  };

  ServiceMentions() = default;
  // our_actions, about_us, as_means: normalised words (Corpus); empty
  // strings and services without holders are ignored.
  ServiceMentions(std::vector<Service> services, std::vector<std::string> our_actions,
                  std::vector<std::string> about_us, std::vector<std::string> as_means);

  bool empty() const { return services_.empty(); }
  // Index of the first service `normalized` asks about: a holder of it named
  // (not as a means of ours: right after an as_means word, or beside the
  // subject as ProductMentions::named_beside_subject reads it) and, when the
  // service lists words, one of them anywhere in the question; -1 when none
  // or when the question holds an about_us word that names no action the
  // service uses in its own sense, or an our_actions word the service does
  // not use in its own sense.
  int asked_about(const std::string& normalized) const;
  const std::string& name(int service) const { return services_[static_cast<size_t>(service)].name; }

 private:
  // Ids in words_ of the words asked_about looks for, per service.
  struct ServiceWords {
    std::vector<uint32_t> holders;  // parallel to Service::holders
    std::vector<uint32_t> words;    // parallel to Service::words
  };
  // Whether an about_us word present in the question makes it ours for `s`.
  bool speaks_to_us(const Service& s, const knowledge::PhraseMatcher::Present& present) const;
  bool names_holder(const std::string& normalized, const Service& s, const ServiceWords& ids,
                    const knowledge::PhraseMatcher::Present& present) const;

  std::vector<Service> services_;
  std::vector<std::string> our_actions_;
  std::vector<std::string> about_us_;
  std::vector<std::string> as_means_;
  // Per about_us_ word, the our_actions_ words it holds ("能充值吗": 充值).
  std::vector<std::vector<std::string>> about_us_actions_;
  // Every word asked_about looks for, told in one pass over the question:
  // about_us_ (ids from 0), our_actions_ (ids from about_us_.size()), then
  // each service's (service_words_).
  knowledge::PhraseMatcher words_;
  std::vector<ServiceWords> service_words_;  // parallel to services_
};

}  // namespace faqbot::retrieval
