#pragma once
// Finds the other company's product a normalised question asks about (names
// and cue words normalised the same way). Immutable; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/phrase_matcher.h"
#include "retrieval/binary_io.h"

namespace faqbot::retrieval {

class ProductMentions {
 public:
  ProductMentions() = default;
  // names[i]: how product i is named in replies; forms: (normalised form,
  // product index); as_means, about_us: see Corpus. Empty strings are
  // ignored. kind_readings: two readings for kinds of product (信用卡,
  // 房贷), never for a company's own product, which a question naming it
  // asks about (借呗逾期了还能借吗, 逾期了影响花呗吗): a name whose bad record
  // the question tells before asking whether ours can be applied for
  // (named_as_record: 信用卡逾期可以办理吗), and a name right after 影响 as
  // what ours is feared to affect (晚还了会不会影响我以后办房贷), are not
  // asked about. not_a_means[i] != 0 (missing: 0): thing i is never a means
  // of ours (knowledge::OtherProduct::not_a_means), so asked_about() takes
  // any mention of it as what the question is about.
  ProductMentions(std::vector<std::string> names,
                  std::vector<std::pair<std::string, uint32_t>> forms,
                  std::vector<std::string> as_means = {},
                  std::vector<std::string> about_us = {},
                  bool kind_readings = false,
                  std::vector<uint8_t> not_a_means = {});

  bool empty() const { return forms_.empty(); }
  // Index of the product with the longest form found in `normalized`, -1
  // when none.
  int find(const std::string& normalized) const;
  // Index of the product the question is about: named (longest form first)
  // not right after an as_means word (but after 从 with money moved out of
  // it toward none of ours: "从余额宝转出到银行卡要多久"; nor when put to its
  // own use, borrowing or shopping with it: "用借呗借的钱怎么还"; nor, for
  // products, after 用 in a question with nothing of ours and no paying or
  // moving of money right after it: "使用微信钱包", "为什么用微信账号登录不上"), nor (with
  // kind_readings) as a record or what ours is feared to affect, nor
  // likened to (相当于, 等于 …), nor
  // as the maker of the investor's card or phone number (中国移动的手机号, 银联
  // 的卡, 电信手机号), nor beside the subject (named_beside_subject), in a
  // question without an about_us word that speaks_to_us (a debt told taken
  // at the product and asked to be repaid with us is asked about all the
  // same: "我在美团借的钱 可以在你们这还吗"); -1 when none. A
  // thing that is not_a_means is asked about wherever it is named, whatever
  // surrounds it ("外币能充值吗", "话费可以充到你们这吗").
  int asked_about(const std::string& normalized) const;
  // Index of the product a debt is told taken at (在 right before the name,
  // borrowing right after it: "我在美团借的钱") when the question asks that
  // debt repaid with us ("可以在你们这还吗", "你们能帮我还吗"); -1 otherwise.
  // Read on the whole message: its clauses alone tell the debt as background
  // and the question as ours.
  int debt_repaid_with_us(const std::string& normalized) const;
  // Index of the product (longest form first) whose absence the question
  // asks why of ("为什么我没有微粒贷", "为啥我没X": a why-word, the asker or
  // not, a negation, the name, not followed by a means of ours: 为什么没有
  // 支付宝充值), in a question without an about_us word; -1
  // when none. For products only: "为什么没有房贷也借不了" is our loan's.
  int asked_why_missing(const std::string& normalized) const;
  // Whether some product is named beside the subject (named_beside_subject).
  bool named_beside_subject_in(const std::string& normalized) const;
  // Whether some product is named right after a word of comparison (像, 跟,
  // 比 …: "像基金定投那样自动帮我投"): set against ours, not asked about.
  bool named_in_comparison_in(const std::string& normalized) const;
  // Whether some product is named (not as a means of ours) as holding money:
  // right before an account or an inside ("公积金账户里有6万", "社保卡里的
  // 钱"). A question without an object of its own after such a story asks
  // about that money ("……。怎么取出来？").
  bool named_as_holder(const std::string& normalized) const;
  // Whether an about_us word speaks to us in `normalized`: one not right
  // before a product's name ("你们微众银行上能借吗" takes us for that
  // company and asks about its product).
  bool speaks_to_us(const std::string& normalized) const;
  // `normalized` without the products' names (longest form first).
  std::string without_names(const std::string& normalized) const;
  // Whether a name preceded by `before` is named as a means of ours: right
  // after an as_means word, or listed after a first means ("用微信或者支付宝").
  bool named_as_means(std::string_view before) const;
  // Whether a name between `before` and `after` is not what the question is
  // about although it is no means of ours: negated right before it ("没有房
  // 贷"; but see asked_why_missing), the object of our feature right after it ("信用卡能绑不", "信用卡可以
  // 充值吗"), the subject of a recharge toward ours ("支付宝能给账户充值吗"),
  // evidence offered for ours ("支付宝流水算吗"), or the investor's
  // workplace ("在美团上班", "京东的员工"). A name that is
  // the subject of the question's action ("信用卡怎么提现", "支付宝账单怎么
  // 查") is none of these.
  static bool named_beside_subject(std::string_view before, std::string_view after);
  // Whether what follows a name (`after`) tells its bad record (逾期, 欠款,
  // 不良记录 …, within three characters of it) and then, within ten, asks
  // whether a loan of ours can be applied for (能借, 可以申请, 可以办理,
  // 影响借款 …): "信用卡逾期可以办理吗", "房贷有逾期还能借吗". The record is
  // the investor's condition, not the question's subject.
  static bool named_as_record(std::string_view after);
  const std::string& name(int product) const { return names_[static_cast<size_t>(product)]; }
  // Whether thing `product` is never a means of ours (constructor).
  bool not_a_means(int product) const { return not_a_means_[static_cast<size_t>(product)] != 0; }

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  // Every occurrence of every form in `normalized` as (form index, byte
  // offset), by form (longest first) then offset: the order of a find loop
  // over forms_, in one pass over the text.
  std::vector<std::pair<uint32_t, size_t>> mentions(const std::string& normalized) const;

  std::vector<std::string> names_;
  std::vector<std::string> forms_;         // longest first
  knowledge::PhraseMatcher form_matcher_;  // over forms_, built on load (not serialized)
  std::vector<uint32_t> form_product_;     // parallel to forms_
  std::vector<std::string> as_means_;
  std::vector<std::string> about_us_;
  bool kind_readings_ = false;
  std::vector<uint8_t> not_a_means_;  // parallel to names_ (0 when missing)
};

}  // namespace faqbot::retrieval
