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

CueReader::CueReader(const knowledge::FollowupCues& cues, const retrieval::Retriever& normalizer) {
  auto add = [&](const std::string& raw, Kind kind, const std::string& slot) {
    std::string text = normalizer.normalize(raw);
    if (!text.empty()) words_.push_back({std::move(text), kind, slot});
  };
  for (const auto& [topic, list] : cues.topic_cues) {
    for (const std::string& w : list) add(w, Kind::kTopic, topic);
  }
  for (const auto& [type, list] : cues.type_cues) {
    for (const std::string& w : list) add(w, Kind::kType, type);
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

MessageCues CueReader::read(std::string_view text) const {
  MessageCues out;
  size_t covered = 0;
  for (const Match& m : matches(text)) {
    covered += utf8::length(text.substr(m.begin, m.end - m.begin));
    switch (m.word->kind) {
      case Kind::kTopic: out.topics.push_back({m.word->slot, m.word->text}); break;
      case Kind::kType: out.types.push_back({m.word->slot, m.word->text}); break;
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

std::string CueReader::without_fillers(std::string_view text) const {
  std::string out;
  size_t last = 0;
  for (const Match& m : matches(text)) {
    if (m.word->kind != Kind::kFiller) continue;
    out.append(text.substr(last, m.begin - last));
    last = m.end;
  }
  out.append(text.substr(last));
  return out;
}

std::string CueReader::replace_reference(std::string_view text, const std::string& subject) const {
  for (const Match& m : matches(text)) {
    if (m.word->kind != Kind::kReference) continue;
    return std::string(text.substr(0, m.begin)) + subject + std::string(text.substr(m.end));
  }
  return subject + std::string(text);
}

}  // namespace faqbot::bot
