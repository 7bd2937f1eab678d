#include "bot/followup_cues.h"

#include <algorithm>

#include "knowledge/utf8.h"

namespace faqbot::bot {

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
  for (const Match& m : matches(text)) {
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
  const size_t total = utf8::length(text);
  out.residual_chars = total > covered ? total - covered : 0;
  return out;
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
