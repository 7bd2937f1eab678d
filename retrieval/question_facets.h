#pragma once
// What a question asks, as three facets for comparing two questions that
// need not be in the knowledge base (PairSimilarity):
//   - type: the kind of answer wanted (多久, 手续费, 能不能, 为什么, 几号 …);
//   - action: what the asker wants done (提升, 查询, 修改, 注销, 开通 …);
//   - subject: what it is about (信用卡, 年费, 转账, 征信 …).
// Each facet is a set of classes, each class a list of cue words; a text
// holds a class when it contains one of its cues (on normalised text, and
// for cues of two or more characters also on toneless pinyin when readings
// are given, so 带款 still names 贷款). Built-in classes cover general
// banking and consumer-credit language; the operator's follow-up cues
// (followup.json types and topics) are added to the type and subject facets.
//
// Two questions that both name a facet and share none of its classes ask
// different things (额度怎么提升 / 额度怎么查询: raise vs check); sharing them
// all is evidence for the same question. A polarity clash (还款成功了 /
// 还款没成功: a word negated on one side only) is evidence against.
// Immutable after construction; thread-safe.
#include <bitset>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faqbot::retrieval {

class Normalizer;

// Toneless pinyin of a code point ("" when unknown).
using Readings = std::function<std::string_view(char32_t)>;

// Agreement of two questions on each facet, each in [-1, 1]: 1 = both name
// the same classes, 0.5 = one names more, 0 = a side names none,
// -0.5 = shared and different classes, -1 = no class shared.
struct FacetAgreement {
  double type = 0, action = 0, subject = 0;
  bool polarity_clash = false;
};

class QuestionFacets {
 public:
  using Cues = std::map<std::string, std::vector<std::string>>;  // class -> cue words

  QuestionFacets() = default;  // no classes: every agreement 0
  // `type_cues` and `topic_cues` (the operator's, may be empty) join the
  // built-in type and subject classes. Every cue is normalised with
  // `normalizer` so it matches normalised text. `readings` may be empty.
  QuestionFacets(const Cues& type_cues, const Cues& topic_cues, const Normalizer& normalizer,
                 Readings readings);

  // `a` and `b` normalised.
  FacetAgreement compare(std::string_view a, std::string_view b) const;

  static constexpr size_t kMaxClasses = 128;  // per facet; more are ignored
  using Classes = std::bitset<kMaxClasses>;
  // The classes a normalised text names, per facet.
  struct Named {
    Classes type, action, subject;
  };
  Named named(std::string_view normalized) const;
  // Index of the operator's type class `name` (as given to the
  // constructor), -1 when there is none (or it was beyond kMaxClasses).
  int type_class(const std::string& name) const { return class_index(type_, name); }

 private:
  struct Cue {
    std::u32string chars;                // normalised
    std::vector<std::string> syllables;  // empty = match on characters only
    size_t cls = 0;
  };
  // A facet's cues, indexed by first character and by first syllable, so
  // that a text is scanned once per position, not once per cue.
  struct Facet {
    std::vector<Cue> cues;
    std::unordered_map<char32_t, std::vector<size_t>> by_char;
    std::unordered_map<std::string, std::vector<size_t>> by_syllable;
    size_t num_classes = 0;
    std::unordered_map<std::string, size_t> class_of_name;
  };
  struct Text {
    std::u32string chars;
    std::vector<std::string_view> syllables;  // per character, "" = none
  };
  void add(Facet* facet, const Cues& classes, const Normalizer& normalizer);
  Text prepare(std::string_view normalized) const;
  static Classes classes_of(const Facet& facet, const Text& text);
  static int class_index(const Facet& facet, const std::string& name);

  Facet type_, action_, subject_;
  Readings readings_;
};

// Whether a word is negated in one text and stated without negation in the
// other (成功 / 没成功, 有信用卡 / 没有信用卡); the A不A question form
// (能不能, 收不收) is not a negation. `a` and `b` normalised.
bool polarity_clash(std::string_view a, std::string_view b);

}  // namespace faqbot::retrieval
