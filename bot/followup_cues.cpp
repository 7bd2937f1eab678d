#include "bot/followup_cues.h"

#include <algorithm>
#include <set>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

// Characters of grammar, not of a subject: a pair holding one names nothing
// ("能退", "了会").
constexpr std::u32string_view kGrammatical =
    U"的了吗呢吧啊么那这个它是有能会要不没也都就还在和跟我你他们什多少几哪怎咋为去到给让被把用从对可以得过着";

// The pairs of adjacent CJK characters of `text`, UTF-8.
std::vector<std::string> cjk_pairs(std::string_view text) {
  const std::u32string cps = utf8::decode(text);
  std::vector<std::string> out;
  for (size_t i = 0; i + 1 < cps.size(); ++i) {
    if (utf8::is_cjk(cps[i]) && utf8::is_cjk(cps[i + 1])) out.push_back(utf8::encode(cps.substr(i, 2)));
  }
  return out;
}

bool grammatical(std::string_view pair) {
  for (char32_t cp : utf8::decode(pair)) {
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
    auto add_product = [&](const std::string& form) {
      if (Word* w = add(form, Kind::kType, cues.product_type)) w->product = true;
    };
    for (const knowledge::OtherProduct& p : kb.other_products()) {
      add_product(p.name);
      for (const std::string& alias : p.aliases) add_product(alias);
    }
  }
  for (const std::string& w : cues.references) add(w, Kind::kReference, "");
  for (const std::string& w : cues.fillers) add(w, Kind::kFiller, "");
  std::set<std::string> ours;  // pairs some entry's text holds
  for (const knowledge::Entry& e : kb.entries) {
    for (const std::string* text : {&e.title, &e.answer}) {
      for (std::string& p : cjk_pairs(normalizer.normalize(*text))) ours.insert(std::move(p));
    }
    for (const std::string& q : e.questions) {
      for (std::string& p : cjk_pairs(normalizer.normalize(q))) ours.insert(std::move(p));
    }
  }
  std::set<std::string> foreign;
  for (const std::string& q : kb.out_of_scope) {
    for (std::string& p : cjk_pairs(normalizer.normalize(q))) {
      if (!ours.count(p) && !grammatical(p)) foreign.insert(std::move(p));
    }
  }
  foreign_.assign(foreign.begin(), foreign.end());
  ours_.assign(ours.begin(), ours.end());
  // Longest first; among equals the order above (topic before type) holds.
  std::stable_sort(words_.begin(), words_.end(),
                   [](const Word& a, const Word& b) { return a.text.size() > b.text.size(); });
}

std::vector<CueReader::Match> CueReader::matches(std::string_view text) const {
  std::vector<Match> out;
  for (size_t i = 0; i < text.size();) {
    const Word* hit = nullptr;
    for (const Word& w : words_) {
      if (text.compare(i, w.text.size(), w.text) == 0) {
        hit = &w;
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
  for (const Match& m : matches(text)) {
    add_foreign(text.substr(uncovered_from, m.begin - uncovered_from), &out.foreign);
    uncovered_from = m.end;
    const Word& w = *m.word;
    if (w.gated && !std::binary_search(w.topics.begin(), w.topics.end(), topic)) continue;
    out.names_product = out.names_product || w.product;
    if (w.product && w.slot != type) continue;
    covered += utf8::length(text.substr(m.begin, m.end - m.begin));
    switch (w.kind) {
      case Kind::kTopic: out.topics.push_back({w.slot, w.text}); break;
      case Kind::kType:
        out.types.push_back({w.slot, w.text});
        out.product = out.product || w.product;
        break;
      case Kind::kReference: out.reference = true; break;
      case Kind::kFiller: break;
    }
  }
  add_foreign(text.substr(uncovered_from), &out.foreign);
  const size_t total = utf8::length(text);
  out.residual_chars = total > covered ? total - covered : 0;
  return out;
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

std::string CueReader::without_fillers(std::string_view text) const {
  return without(text, Kind::kFiller, false);
}

std::string CueReader::without_products(std::string_view text) const {
  return without(text, Kind::kType, true);
}

std::string CueReader::replace_reference(std::string_view text, const std::string& subject) const {
  for (const Match& m : matches(text)) {
    if (m.word->kind != Kind::kReference) continue;
    return std::string(text.substr(0, m.begin)) + subject + std::string(text.substr(m.end));
  }
  return subject + std::string(text);
}

}  // namespace faqbot::bot
