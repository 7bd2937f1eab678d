#include "bot/followup_cues.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

// What a message may say besides a product after a type of
// product_after_types for the product to name the product type: one
// character, a means word (用, 拿), besides yes-no tags (行不行).
constexpr size_t kMeansAfterResidual = 1;

// Characters of grammar, not of a subject: a pair holding one names nothing
// ("能退", "了会"). The interrogatives among them (什 哪 怎 咋 几 谁 啥) ask,
// they name no subject: "找谁" after 我要投诉 asks whom to turn to, it is no
// remark of another kind for an out-of-scope example's 找谁修.
constexpr std::u32string_view kGrammatical =
    U"的了吗呢吧啊么那这个它是有能会要不没也都就还在和跟我你他们什多少几哪怎咋谁啥为去到给让被把用从对可以得过着";

// Yes-no tags asking whether something will do, longest first: in text no
// cue covers, they ask, they name nothing ("云闪付行不行", "翼支付可不可以").
constexpr std::u32string_view kYesNoTags[] = {U"可不可以", U"支不支持", U"行不行", U"能不能", U"可以",
                                             U"支持", U"行"};

// Code points of the yes-no tags in `span` (leftmost-longest), and of the
// yes-no frames around a verb of one character, the verb apart: 能…不 / 可…不
// ("支付宝能充不": 能 and 不) and A不A ("支付宝充不充": 不 and the second 充).
size_t yes_no_length(std::string_view span) {
  const std::u32string cps = utf8::decode(span);
  size_t n = 0;
  for (size_t i = 0; i < cps.size();) {
    bool hit = false;
    for (std::u32string_view t : kYesNoTags) {
      if (cps.compare(i, t.size(), t) == 0) {
        n += t.size();
        i += t.size();
        hit = true;
        break;
      }
    }
    if (hit) continue;
    if (i + 2 < cps.size() && cps[i + 1] != U'不' && cps[i + 2] == U'不' &&
        (cps[i] == U'能' || cps[i] == U'可')) {  // 能充不
      n += 2;
      i += 3;
      continue;
    }
    if (i + 2 < cps.size() && cps[i] != U'不' && cps[i + 1] == U'不' && cps[i + 2] == cps[i]) {
      n += 2;  // 充不充
      i += 3;
      continue;
    }
    ++i;
  }
  return n;
}

// The pairs of adjacent CJK characters of `text`, UTF-8.
std::vector<std::string> cjk_pairs(std::string_view text) {
  const std::u32string cps = utf8::decode(text);
  std::vector<std::string> out;
  for (size_t i = 0; i + 1 < cps.size(); ++i) {
    if (utf8::is_cjk(cps[i]) && utf8::is_cjk(cps[i + 1])) out.push_back(utf8::encode(cps.substr(i, 2)));
  }
  return out;
}

// `rest` (what follows a word) opens with a word of time after it.
bool after_it(std::string_view rest) {
  for (std::string_view w : {"后", "以后", "之后", "完"}) {
    if (rest.compare(0, w.size(), w) == 0) return true;
  }
  return false;
}

// Verbs of money going back or over somewhere, and the words of the places
// it goes (the customer's account or card): such a word right after such a
// verb, filler words between ("钱会退回到银行卡吗", "是打到我账户里吗"), names
// where the money goes, not a topic asked about.
constexpr std::string_view kToward[] = {"回到", "退回", "打到", "转到", "退到"};
constexpr std::string_view kPlaces[] = {"账户", "账号", "银行卡"};

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// A numeral (or 每, 半) and a measure word: a quantity ("一份", "两张",
// "每次"), which names no kind of thing, whichever texts hold it ("是每月出
// 一份吗" after 运营数据在哪查 asks how often the report comes out; 一份 is
// no word of 帮我写一份工作总结's kind).
constexpr std::u32string_view kNumerals = U"一二两三四五六七八九十百千万半每";
constexpr std::u32string_view kMeasures = U"份张次件本条种笔位只块元回遍趟期批";

bool quantity(const std::u32string& pair) {
  return pair.size() == 2 && kNumerals.find(pair[0]) != std::u32string_view::npos &&
         kMeasures.find(pair[1]) != std::u32string_view::npos;
}

bool grammatical(std::string_view pair) {
  const std::u32string cps = utf8::decode(pair);
  if (quantity(cps)) return true;
  for (char32_t cp : cps) {
    if (kGrammatical.find(cp) != std::u32string_view::npos) return true;
  }
  return false;
}

}  // namespace

bool MessageCues::names_topic(const std::string& topic) const {
  return std::any_of(topics.begin(), topics.end(), [&](const NamedSlot& t) { return t.slot == topic; });
}

bool MessageCues::names_only(const std::string& topic) const {
  return !topics.empty() &&
         std::all_of(topics.begin(), topics.end(), [&](const NamedSlot& t) { return t.slot == topic; });
}

std::string MessageCues::subject() const {
  std::string out;
  for (const NamedSlot& t : topics) {
    if (out.find(t.word) == std::string::npos) out += t.word;
  }
  return out;
}

CueReader::CueReader(const knowledge::KnowledgeBase& kb, const retrieval::Retriever& normalizer) {
  const knowledge::FollowupCues& cues = kb.followup;
  product_after_types_ = cues.product_after_types;
  std::sort(product_after_types_.begin(), product_after_types_.end());
  auto add = [&](const std::string& raw, Kind kind, const std::string& slot) -> Word* {
    std::string text = normalizer.normalize(raw);
    if (text.empty()) return nullptr;
    words_.push_back({std::move(text), kind, slot});
    return &words_.back();
  };
  for (const auto& [topic, list] : cues.topic_cues) {
    for (const std::string& w : list) add(w, Kind::kTopic, topic);
  }
  for (const auto& [type, list] : cues.type_cues) {
    for (const std::string& w : list) add(w, Kind::kType, type);
  }
  for (const auto& [type, list] : cues.followup_type_cues) {
    std::vector<std::string> questions;  // the type's entries' questions, normalised
    std::vector<const std::string*> topic_of;
    for (const knowledge::Entry& e : kb.entries) {
      if (e.type != type) continue;
      for (const std::string& q : e.questions) {
        questions.push_back(normalizer.normalize(q));
        topic_of.push_back(&e.topic);
      }
    }
    for (const std::string& w : list) {
      Word* word = add(w, Kind::kType, type);
      if (word == nullptr) continue;
      word->gated = true;
      for (size_t i = 0; i < questions.size(); ++i) {
        if (questions[i].find(word->text) != std::string::npos) word->topics.push_back(*topic_of[i]);
      }
      std::sort(word->topics.begin(), word->topics.end());
      word->topics.erase(std::unique(word->topics.begin(), word->topics.end()), word->topics.end());
    }
  }
  if (!cues.product_type.empty()) {
    auto add_product = [&](const std::string& form, const std::vector<std::string>& peer_of) {
      if (Word* w = add(form, Kind::kType, cues.product_type)) {
        w->product = true;
        w->peer_of = peer_of;
      }
    };
    for (const knowledge::OtherProduct& p : kb.other_products()) {
      // The topics whose marks the name or an alias holds.
      std::vector<std::string> peer_of;
      for (const auto& [topic, marks] : cues.peer_marks) {
        auto holds_mark = [&](const std::string& form) {
          return std::any_of(marks.begin(), marks.end(),
                             [&](const std::string& mark) { return form.find(mark) != std::string::npos; });
        };
        if (holds_mark(p.name) || std::any_of(p.aliases.begin(), p.aliases.end(), holds_mark)) {
          peer_of.push_back(topic);
        }
      }
      std::sort(peer_of.begin(), peer_of.end());
      add_product(p.name, peer_of);
      for (const std::string& alias : p.aliases) add_product(alias, peer_of);
    }
  }
  for (const std::string& w : cues.references) add(w, Kind::kReference, "");
  for (const std::string& w : cues.fillers) add(w, Kind::kFiller, "");
  for (const std::string& w : cues.hesitations) {
    if (Word* h = add(w, Kind::kHesitation, "")) hesitations_.push_back(h->text);
  }
  std::sort(hesitations_.begin(), hesitations_.end());
  for (const std::string& w : cues.plain_words) add(w, Kind::kPlain, "");
  for (const std::string& w : cues.places) add(w, Kind::kPlace, "");
  for (const std::string& w : cues.outside) {
    std::string text = normalizer.normalize(w);
    if (!text.empty()) outside_.push_back(std::move(text));
  }
  for (const auto& [type, list] : cues.contrasts) {
    for (const std::string& w : list) add(w, Kind::kContrast, type);
  }
  for (const auto& [modifier, others] : cues.modifier_synonyms) {
    std::vector<std::string>& out = synonyms_[normalizer.normalize(modifier)];
    for (const std::string& o : others) {
      std::string text = normalizer.normalize(o);
      if (!text.empty()) out.push_back(std::move(text));
    }
  }
  for (const auto& [topic, other] : cues.opposites) {
    auto it = cues.topic_cues.find(other);
    if (it == cues.topic_cues.end() || it->second.empty()) continue;
    std::string word = normalizer.normalize(it->second[0]);
    if (!word.empty()) opposite_of_[topic] = std::move(word);
  }
  for (const std::string& w : cues.opposite_words) {
    std::string text = normalizer.normalize(w);
    if (!text.empty()) opposite_words_.push_back(std::move(text));
  }
  std::sort(opposite_words_.begin(), opposite_words_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  steps_ = StepWords(cues.steps, normalizer);
  readings_ = normalizer.readings();
  if (readings_) {
    for (const Word& w : words_) {
      if ((w.kind != Kind::kTopic && w.kind != Kind::kType) || w.product) continue;
      Sound sound{utf8::decode(w.text), {}};
      if (sound.chars.size() < 2) continue;
      bool readable = true;
      for (char32_t cp : sound.chars) {
        const std::string_view syllable = readings_(cp);
        readable = readable && !syllable.empty();
        sound.syllables.emplace_back(syllable);
      }
      if (readable) sounds_.push_back(std::move(sound));
    }
    std::stable_sort(sounds_.begin(), sounds_.end(),
                     [](const Sound& a, const Sound& b) { return a.chars.size() > b.chars.size(); });
  }
  std::set<std::string> ours;  // pairs some entry's text holds
  std::vector<std::u32string> texts;  // every entry's text and out-of-scope example, normalised
  for (const knowledge::Entry& e : kb.entries) {
    for (const std::string* text : {&e.title, &e.answer}) {
      const std::string t = normalizer.normalize(*text);
      texts.push_back(utf8::decode(t));
      for (std::string& p : cjk_pairs(t)) ours.insert(std::move(p));
    }
    for (const std::string& q : e.questions) {
      const std::string t = normalizer.normalize(q);
      texts.push_back(utf8::decode(t));
      for (std::string& p : cjk_pairs(t)) ours.insert(std::move(p));
    }
  }
  std::set<std::string> foreign;
  std::set<std::string> known = ours;
  for (const std::string& q : kb.out_of_scope) {
    const std::string t = normalizer.normalize(q);
    texts.push_back(utf8::decode(t));
    for (std::string& p : cjk_pairs(t)) {
      known.insert(p);
      if (!ours.count(p) && !grammatical(p)) foreign.insert(std::move(p));
    }
  }
  add_seams(texts);
  known_.assign(known.begin(), known.end());
  foreign_.assign(foreign.begin(), foreign.end());
  ours_.assign(ours.begin(), ours.end());
  // Longest first; among equals the order above (topic before type) holds.
  std::stable_sort(words_.begin(), words_.end(),
                   [](const Word& a, const Word& b) { return a.text.size() > b.text.size(); });
  for (size_t i = 0; i < words_.size(); ++i) words_by_lead_[utf8::packed_code_point(words_[i].text, 0)].push_back(i);
  for (Word& w : words_) {
    if (w.kind != Kind::kTopic) continue;
    for (size_t i = 0; i < words_.size(); ++i) {
      if (words_[i].kind == Kind::kType && !words_[i].product && !words_[i].gated &&
          words_[i].text == w.text) {
        w.also_type = i;
      }
    }
  }
}

void CueReader::add_seams(const std::vector<std::u32string>& texts) {
  if (sounds_.empty()) return;
  // One pass over the texts: each pair is looked up among the sounds that
  // begin right after its first character or end at it (a few per character).
  std::map<char32_t, std::vector<size_t>> by_first, by_last;  // character -> sounds_ indices
  for (size_t k = 0; k < sounds_.size(); ++k) {
    by_first[sounds_[k].chars.front()].push_back(k);
    by_last[sounds_[k].chars.back()].push_back(k);
  }
  std::map<std::u32string, size_t> count;  // CJK pair -> its occurrences in `texts`
  // Per sound: pair -> its occurrences right before (after) the whole word.
  std::vector<std::map<std::u32string, size_t>> before(sounds_.size()), after(sounds_.size());
  for (const std::u32string& t : texts) {
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      if (!utf8::is_cjk(t[i]) || !utf8::is_cjk(t[i + 1])) continue;
      const std::u32string pair = t.substr(i, 2);
      ++count[pair];
      if (auto it = by_first.find(t[i + 1]); it != by_first.end()) {
        for (size_t k : it->second) {
          if (t.compare(i + 1, sounds_[k].chars.size(), sounds_[k].chars) == 0) ++before[k][pair];
        }
      }
      if (auto it = by_last.find(t[i]); it != by_last.end()) {
        for (size_t k : it->second) {
          const size_t n = sounds_[k].chars.size();
          if (i + 1 >= n && t.compare(i + 1 - n, n, sounds_[k].chars) == 0) ++after[k][pair];
        }
      }
    }
  }
  auto only_beside = [&](const std::map<std::u32string, size_t>& beside, std::vector<std::string>* out) {
    for (const auto& [pair, n_beside] : beside) {
      if (count[pair] == n_beside) out->push_back(utf8::encode(pair));
    }
    std::sort(out->begin(), out->end());
  };
  for (size_t k = 0; k < sounds_.size(); ++k) {
    only_beside(before[k], &sounds_[k].seam_before);
    only_beside(after[k], &sounds_[k].seam_after);
  }
}

const std::vector<size_t>& CueReader::words_at(std::string_view text, size_t at) const {
  static const std::vector<size_t> kNone;
  const auto it = words_by_lead_.find(utf8::packed_code_point(text, at));
  return it == words_by_lead_.end() ? kNone : it->second;
}

std::vector<CueReader::Match> CueReader::matches(std::string_view text, const std::string* topic) const {
  std::vector<Match> out;
  for (size_t i = 0; i < text.size();) {
    const Word* hit = nullptr;
    for (size_t k : words_at(text, i)) {
      if (topic != nullptr && words_[k].gated &&
          !std::binary_search(words_[k].topics.begin(), words_[k].topics.end(), *topic)) {
        continue;
      }
      if (text.compare(i, words_[k].text.size(), words_[k].text) == 0) {
        hit = &words_[k];
        break;
      }
    }
    // A pointer or filler whose tail begins a longer topic word ("那个人信息":
    // 那个 | 个人信息) gives way to it when its head is a word of its own (那):
    // the topic is named, nothing is pointed at.
    if (hit && (hit->kind == Kind::kReference || hit->kind == Kind::kFiller || hit->kind == Kind::kHesitation)) {
      const size_t end = i + hit->text.size();
      for (size_t j = i + 1; j < end; ++j) {
        if ((static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) continue;
        const std::vector<size_t>& at_j = words_at(text, j);
        const bool topic_begins = std::any_of(at_j.begin(), at_j.end(), [&](size_t k) {
          const Word& w = words_[k];
          return w.kind == Kind::kTopic && j + w.text.size() > end && text.compare(j, w.text.size(), w.text) == 0;
        });
        if (!topic_begins) continue;
        const Word* head = nullptr;
        for (size_t k : words_at(text, i)) {
          const Word& w = words_[k];
          if (w.kind != Kind::kPlain && w.text.size() == j - i && text.compare(i, w.text.size(), w.text) == 0) {
            head = &w;
            break;
          }
        }
        if (head != nullptr) hit = head;
        break;
      }
    }
    if (hit) {
      out.push_back({i, i + hit->text.size(), hit});
      i += hit->text.size();
    } else {  // the next code point: skip continuation bytes
      do ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80);
    }
  }
  return out;
}

MessageCues CueReader::read(std::string_view text, const std::string& topic,
                            const std::string& type) const {
  MessageCues out;
  size_t covered = 0;
  size_t uncovered_from = 0;  // byte offset where the text no cue covers starts
  for (const Match& m : matches(text, &topic)) {
    if (m.word->kind == Kind::kPlain) continue;  // residual, and no reference
    add_foreign(text.substr(uncovered_from, m.begin - uncovered_from), &out.foreign);
    add_unknown(text.substr(uncovered_from, m.begin - uncovered_from), &out.unknown, &out.strange_chars);
    out.yes_no_chars += yes_no_length(text.substr(uncovered_from, m.begin - uncovered_from));
    uncovered_from = m.end;
    const Word& w = *m.word;
    if (w.gated && !std::binary_search(w.topics.begin(), w.topics.end(), topic)) continue;
    out.names_product = out.names_product || w.product;
    out.peer_product = out.peer_product ||
                       (w.product && std::binary_search(w.peer_of.begin(), w.peer_of.end(), topic));
    if (w.product && w.slot != type &&
        !std::binary_search(product_after_types_.begin(), product_after_types_.end(), type)) {
      continue;
    }
    if (w.kind == Kind::kContrast && w.slot != type) continue;
    covered += utf8::length(text.substr(m.begin, m.end - m.begin));
    // A type's word followed by 后, 以后, 之后 or 完 tells when, not what is
    // asked ("注销后信息会删除吗" asks about the information, after closing).
    if (w.kind == Kind::kType && !w.product && after_it(text.substr(m.end))) continue;
    if (w.kind == Kind::kTopic && names_a_destination(text, m)) continue;
    switch (w.kind) {
      case Kind::kTopic:
        out.topics.push_back({w.slot, w.text});
        if (w.also_type != std::string::npos) out.types.push_back({words_[w.also_type].slot, w.text});
        break;
      case Kind::kType:
        out.types.push_back({w.slot, w.text, w.gated, w.product});
        out.product = out.product || w.product;
        break;
      case Kind::kReference: out.reference = true; break;
      case Kind::kContrast: out.contrasts.push_back({w.slot, w.text}); break;
      case Kind::kPlace: out.place = true; break;
      case Kind::kFiller:
      case Kind::kHesitation:
      case Kind::kPlain: break;
    }
  }
  add_foreign(text.substr(uncovered_from), &out.foreign);
  add_unknown(text.substr(uncovered_from), &out.unknown, &out.strange_chars);
  out.yes_no_chars += yes_no_length(text.substr(uncovered_from));
  const size_t total = utf8::length(text);
  out.residual_chars = total > covered ? total - covered : 0;
  // After a type of product_after_types a product names the product type
  // only when little else is said (a means word: "用支付宝呢", or a yes-no
  // tag: "云闪付行不行"); with more it asks about the product itself ("花呗
  // 怎么还" after 充值怎么操作).
  if (out.residual_besides_yes_no() > kMeansAfterResidual &&
      std::binary_search(product_after_types_.begin(), product_after_types_.end(), type)) {
    const auto before = out.types.size();
    out.types.erase(std::remove_if(out.types.begin(), out.types.end(),
                                   [&](const NamedSlot& t) { return t.product && t.slot != type; }),
                    out.types.end());
    if (out.types.size() != before) out.product = false;
  }
  return out;
}

bool CueReader::names_a_destination(std::string_view text, const Match& m) const {
  const std::string_view word = text.substr(m.begin, m.end - m.begin);
  if (std::none_of(std::begin(kPlaces), std::end(kPlaces), [&](std::string_view p) { return p == word; })) {
    return false;
  }
  std::string_view before = text.substr(0, m.begin);
  for (bool stripped = true; stripped;) {  // filler words between the verb and the place
    stripped = false;
    for (const Word& w : words_) {
      if (w.kind == Kind::kFiller && ends_with(before, w.text)) {
        before.remove_suffix(w.text.size());
        stripped = true;
        break;
      }
    }
  }
  return std::any_of(std::begin(kToward), std::end(kToward),
                     [&](std::string_view v) { return ends_with(before, v); });
}

void CueReader::add_foreign(std::string_view span, std::vector<std::string>* out) const {
  const std::u32string cps = utf8::decode(span);
  auto pair_at = [&](size_t i) { return utf8::encode(cps.substr(i, 2)); };
  auto in = [&](const std::vector<std::string>& pairs, size_t i) {  // a pair inside the span
    return i + 1 < cps.size() && utf8::is_cjk(cps[i]) && utf8::is_cjk(cps[i + 1]) &&
           std::binary_search(pairs.begin(), pairs.end(), pair_at(i));
  };
  for (size_t i = 0; i + 1 < cps.size();) {
    if (!in(foreign_, i)) {
      ++i;
      continue;
    }
    size_t end = i + 1;  // the run of foreign pairs starting at i ends before pair `end`
    while (in(foreign_, end)) ++end;
    // A run leaning on a word of ours names a kind of it (建设银行) or is the
    // seam of two of ours (提示余额: 示余): no word of another kind.
    if (!in(ours_, end)) {
      for (size_t p = i; p < end; ++p) out->push_back(pair_at(p));
    }
    i = end;
  }
}

void CueReader::add_unknown(std::string_view span, std::vector<std::string>* out, size_t* strange_count) const {
  const std::u32string cps = utf8::decode(span);
  auto ours_at = [&](size_t i) {  // the pair at i, both characters ours: some entry's text holds it
    return i + 1 < cps.size() && utf8::is_cjk(cps[i]) && utf8::is_cjk(cps[i + 1]) &&
           std::binary_search(ours_.begin(), ours_.end(), utf8::encode(cps.substr(i, 2)));
  };
  auto strange = [&](size_t i) {  // a character of content no pair of ours covers
    return utf8::is_cjk(cps[i]) && kGrammatical.find(cps[i]) == std::u32string_view::npos &&
           !(i > 0 && ours_at(i - 1)) && !ours_at(i);
  };
  for (size_t i = 0; i < cps.size();) {
    if (!strange(i)) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < cps.size() && strange(end)) ++end;
    *strange_count += end - i;
    if (end - i >= 2) out->push_back(utf8::encode(cps.substr(i, end - i)));
    i = end;
  }
}

std::string CueReader::replace_subject(std::string_view text, const std::string& word) const {
  std::string out;
  size_t last = 0;
  bool replaced = false;
  for (const Match& m : matches(text)) {
    if (m.word->kind != Kind::kTopic) continue;
    out.append(text.substr(last, m.begin - last));
    if (!replaced) out += word;
    replaced = true;
    last = m.end;
  }
  out.append(text.substr(last));
  return replaced ? out : word + out;
}

std::string CueReader::without(std::string_view text, Kind kind, bool products) const {
  std::string out;
  size_t last = 0;
  for (const Match& m : matches(text)) {
    if (m.word->kind != kind || (products && !m.word->product)) continue;
    out.append(text.substr(last, m.begin - last));
    last = m.end;
  }
  out.append(text.substr(last));
  return out;
}

std::string CueReader::clean(std::string_view text) const {
  // Hesitations go, and so does a reference word listed as one too (那个)
  // when a hesitation stands next to it ("嗯 那个 就是 红包怎么用"; alone,
  // "那个钱" points back).
  const std::vector<Match> found = matches(text);
  auto hesitation = [&](size_t i) { return found[i].word->kind == Kind::kHesitation; };
  auto blank = [&](size_t from, size_t to) {
    for (char32_t cp : utf8::decode(text.substr(from, to - from))) {
      if (!utf8::is_space(cp)) return false;
    }
    return true;
  };
  std::string spoken;
  size_t last = 0;
  for (size_t i = 0; i < found.size(); ++i) {
    const Match& m = found[i];
    bool drop = hesitation(i);
    if (!drop && m.word->kind == Kind::kReference &&
        std::binary_search(hesitations_.begin(), hesitations_.end(), m.word->text)) {
      drop = (i > 0 && hesitation(i - 1) && blank(found[i - 1].end, m.begin)) ||
             (i + 1 < found.size() && hesitation(i + 1) && blank(m.end, found[i + 1].begin));
    }
    if (!drop) continue;
    spoken.append(text.substr(last, m.begin - last));
    last = m.end;
  }
  spoken.append(text.substr(last));
  if (sounds_.empty()) return spoken;
  std::u32string cps = utf8::decode(spoken);
  std::vector<bool> covered(cps.size(), false);  // inside a cue word as typed
  for (const Match& m : matches(spoken)) {
    // A filler word of two or more characters is typed as meant ("的话钱" is
    // no 花钱); a one-character filler may be a typo's first half.
    const bool short_filler =
        m.word->kind == Kind::kFiller && utf8::length(spoken.substr(m.begin, m.end - m.begin)) < 2;
    if (short_filler || m.word->kind == Kind::kHesitation) continue;
    const size_t from = utf8::length(spoken.substr(0, m.begin));
    const size_t to = from + utf8::length(spoken.substr(m.begin, m.end - m.begin));
    for (size_t i = from; i < to && i < covered.size(); ++i) covered[i] = true;
  }
  std::vector<std::string> syllables;
  for (char32_t cp : cps) syllables.emplace_back(readings_(cp));
  auto unknown_pair = [&](size_t from, size_t n) {
    for (size_t i = from; i + 1 < from + n; ++i) {
      if (!utf8::is_cjk(cps[i]) || !utf8::is_cjk(cps[i + 1])) continue;
      if (!std::binary_search(known_.begin(), known_.end(), utf8::encode(cps.substr(i, 2)))) return true;
    }
    return false;
  };
  auto sounds_like = [&](const Sound& s, size_t at) {
    const size_t n = s.chars.size();
    if (at + n > cps.size()) return false;
    size_t same = 0;
    for (size_t j = 0; j < n; ++j) {
      if (covered[at + j] || syllables[at + j].empty() || syllables[at + j] != s.syllables[j]) return false;
      same += cps[at + j] == s.chars[j];
    }
    if (same == 0 || same == n || !unknown_pair(at, n)) return false;
    // A character kept at an edge that makes a word with the uncovered one
    // beside it (a pair some text holds, no grammatical character) belongs to
    // that word: "按全部" is 按 + 全部, no 安全 typed wrong.
    // A pair the texts hold only beside the cue word itself is no word of
    // its own but the seam of another with it ("下来利息": 来利; "借下来利西"
    // is 借下来 + 利息 typed wrong).
    auto word_with = [&](size_t kept, size_t beside) {
      if (beside >= cps.size() || covered[beside] || !utf8::is_cjk(cps[beside])) return false;
      const std::u32string pair = beside < kept ? cps.substr(beside, 2) : cps.substr(kept, 2);
      const std::string p = utf8::encode(pair);
      const std::vector<std::string>& seams = beside < kept ? s.seam_before : s.seam_after;
      return !grammatical(p) && std::binary_search(known_.begin(), known_.end(), p) &&
             !std::binary_search(seams.begin(), seams.end(), p);
    };
    if (cps[at] == s.chars[0] && at > 0 && word_with(at, at - 1)) return false;
    if (cps[at + n - 1] == s.chars[n - 1] && word_with(at + n - 1, at + n)) return false;
    return true;
  };
  bool changed = false;
  for (size_t i = 0; i < cps.size();) {
    const Sound* hit = nullptr;
    if (!covered[i] && !syllables[i].empty()) {
      for (const Sound& s : sounds_) {
        if (s.syllables[0] == syllables[i] && sounds_like(s, i)) {
          hit = &s;
          break;
        }
      }
    }
    if (hit == nullptr) {
      ++i;
      continue;
    }
    cps.replace(i, hit->chars.size(), hit->chars);
    changed = true;
    i += hit->chars.size();
  }
  return changed ? utf8::encode(cps) : spoken;
}

std::string CueReader::without_condition(std::string_view text, const std::string& type) const {
  std::string out;
  size_t last = 0;
  for (const Match& m : matches(text)) {
    const bool condition = (m.word->kind == Kind::kType && !m.word->product) || m.word->kind == Kind::kContrast;
    if (!condition || m.word->slot != type) continue;
    out.append(text.substr(last, m.begin - last));
    last = m.end;
  }
  out.append(text.substr(last));
  return out;
}

std::string CueReader::without_fillers(std::string_view text) const {
  return without(text, Kind::kFiller, false);
}

std::string CueReader::without_products(std::string_view text) const {
  return without(text, Kind::kType, true);
}

std::string CueReader::said_of(const std::string& word, const std::string& previous) const {
  const Word* of_previous = nullptr;
  for (const Word& w : words_) {
    if (w.kind == Kind::kTopic && w.text == previous) of_previous = &w;
  }
  if (of_previous == nullptr) return word;
  for (const Word& w : words_) {  // longest first
    if (w.kind != Kind::kTopic || w.slot != of_previous->slot || w.text.size() <= word.size() ||
        w.text.compare(0, word.size(), word) != 0) {
      continue;
    }
    const std::string tail = w.text.substr(word.size());
    if (previous.size() > tail.size() &&
        previous.compare(previous.size() - tail.size(), tail.size(), tail) == 0) {
      return w.text;
    }
  }
  return word;
}

std::vector<std::string> CueReader::others_of(const std::string& kind,
                                             const std::string& previous) const {
  const Word* of_previous = nullptr;
  for (const Word& w : words_) {
    if (w.kind == Kind::kTopic && w.text == previous) of_previous = &w;
  }
  std::vector<std::string> out;
  if (of_previous == nullptr) return out;
  std::string tail = kind;
  if (tail.empty()) {
    const std::u32string cps = utf8::decode(previous);
    if (cps.size() < 3) return out;
    tail = utf8::encode(cps.substr(cps.size() - 2));
  }
  for (const Word& w : words_) {
    if (w.kind != Kind::kTopic || w.slot != of_previous->slot || w.text == previous ||
        w.text.size() <= tail.size() ||
        w.text.compare(w.text.size() - tail.size(), tail.size(), tail) != 0 ||
        std::find(out.begin(), out.end(), w.text) != out.end()) {
      continue;
    }
    out.push_back(w.text);
  }
  return out;
}

bool CueReader::sibling_named(std::string_view message, std::string_view last_question,
                              const std::string& topic, std::string* word,
                              std::string* rewritten) const {
  std::vector<const Word*> of_topic;  // the topic's words, longest first
  for (const Word& w : words_) {
    if (w.kind == Kind::kTopic && w.slot == topic) of_topic.push_back(&w);
  }
  auto ends_with = [](std::string_view s, std::string_view tail) {
    return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  };
  // The head's occurrence in the message is a word of its own: no cue word
  // longer than it, or of another slot, covers it.
  const std::vector<Match> found = matches(message);
  auto own_word_at = [&](size_t at, const std::string& head) {
    for (const Match& m : found) {
      if (m.end <= at || m.begin >= at + head.size()) continue;
      if (!(m.begin == at && m.word->text == head)) return false;
    }
    return true;
  };
  // The message holds the tail other than after the head: the head then
  // modifies no tail of ours ("支付用的那个密码" names 支付密码; "密码交易" not).
  auto tail_before = [](std::string_view msg, std::string_view t, size_t after) {
    const size_t first = msg.find(t);
    return first != std::string_view::npos && first < after;
  };
  // A pointer before the head is the message's subject, pointing back ("它跟
  // 登录的那个能设成一样吗" asks about the trade password): no sibling after it.
  size_t first_pointer = message.size();
  for (const Match& m : found) {
    if (m.word->kind == Kind::kReference) {
      first_pointer = m.begin;
      break;
    }
  }
  for (size_t at = 0; at < first_pointer;) {
    const Word* hit = nullptr;
    std::string tail;
    for (const Word* w : of_topic) {
      const std::u32string cps = utf8::decode(w->text);
      for (size_t split = 2; split + 2 <= cps.size() && hit == nullptr; ++split) {
        const std::string modifier = utf8::encode(cps.substr(0, split));
        const std::string t = utf8::encode(cps.substr(split));
        // The modifier as the message says it: itself or one of its other words.
        std::string head;
        if (message.compare(at, modifier.size(), modifier) == 0) {
          head = modifier;
        } else if (auto syn = synonyms_.find(modifier); syn != synonyms_.end()) {
          for (const std::string& o : syn->second) {
            if (message.compare(at, o.size(), o) == 0 && !last_question.empty() &&
                last_question.find(o) == std::string_view::npos) {
              head = o;
              break;
            }
          }
        }
        if (head.empty()) continue;
        // The tail is a word of the topic, or ends another of its words.
        const bool family = std::any_of(of_topic.begin(), of_topic.end(), [&](const Word* o) {
          return o != w && (o->text == t || ends_with(o->text, t));
        });
        if (!family || last_question.find(t) == std::string_view::npos ||
            last_question.find(w->text) != std::string_view::npos ||
            last_question.find(modifier) != std::string_view::npos ||
            last_question.find(head) != std::string_view::npos ||
            tail_before(message, t, at + head.size()) || !own_word_at(at, head)) {
          continue;
        }
        hit = w;
        tail = t;
      }
      if (hit != nullptr) break;
    }
    if (hit == nullptr) {
      do ++at;
      while (at < message.size() && (static_cast<unsigned char>(message[at]) & 0xC0) == 0x80);
      continue;
    }
    // The family: the tail and the words ending with it, longest first.
    std::vector<std::string> family;
    std::vector<std::string> heads;
    for (const Word* o : of_topic) {
      if (ends_with(o->text, tail)) {
        family.push_back(o->text);
        if (o != hit && utf8::length(o->text) >= utf8::length(tail) + 2) {
          heads.push_back(o->text.substr(0, o->text.size() - tail.size()));
        }
      } else if (o->text == tail) {
        family.push_back(o->text);
      }
    }
    std::string out(last_question);
    const std::string mark = "\x01";
    for (const std::string& f : family) {  // longest first
      if (size_t pos = out.find(f); pos != std::string::npos) {
        out.replace(pos, f.size(), mark);
        break;
      }
    }
    for (const std::string& h : heads) {
      for (size_t pos; (pos = out.find(h)) != std::string::npos;) out.erase(pos, h.size());
    }
    if (size_t pos = out.find(mark); pos != std::string::npos) out.replace(pos, mark.size(), hit->text);
    *word = hit->text;
    *rewritten = out;
    return true;
  }
  return false;
}

std::string CueReader::opposite(std::string_view text, const std::string& topic) const {
  auto it = opposite_of_.find(topic);
  if (it == opposite_of_.end()) return "";
  for (const std::string& w : opposite_words_) {
    if (size_t at = text.find(w); at != std::string_view::npos) {
      return std::string(text.substr(0, at)) + it->second + std::string(text.substr(at + w.size()));
    }
  }
  return "";
}

std::string CueReader::outside(std::string_view text) const {
  for (const std::string& w : outside_) {
    if (text.find(w) != std::string_view::npos) return w;
  }
  return "";
}

std::string CueReader::replace_reference(std::string_view text, const std::string& subject) const {
  for (const Match& m : matches(text)) {
    if (m.word->kind != Kind::kReference) continue;
    return std::string(text.substr(0, m.begin)) + subject + std::string(text.substr(m.end));
  }
  return subject + std::string(text);
}

}  // namespace faqbot::bot
