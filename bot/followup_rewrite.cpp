#include "bot/followup_rewrite.h"

namespace faqbot::bot {

std::string previous_subject(const CueReader& cues, const knowledge::KnowledgeBase& kb,
                             const retrieval::Retriever& retriever, const Conversation& c) {
  std::string subject;
  for (const NamedSlot& t : cues.read(c.last_question).topics) {
    if (t.slot == c.topic && subject.find(t.word) == std::string::npos) subject += t.word;
  }
  if (!subject.empty()) return subject;
  if (const knowledge::Entry* e = kb.find(c.last_faq_id)) return retriever.normalize(e->title);
  return c.last_question;
}

std::string previous_title(const knowledge::KnowledgeBase& kb, const retrieval::Retriever& retriever,
                           const Conversation& c) {
  const knowledge::Entry* e = kb.find(c.last_faq_id);
  return e ? retriever.normalize(e->title) : c.last_question;
}

std::string rewrite(ReadingKind kind, const MessageCues& cues, const CueReader& reader,
                    const std::string& normalized, const std::string& subject,
                    const std::string& title, const std::string& type, const Conversation& c) {
  switch (kind) {
    case ReadingKind::kTopic:
      return reader.replace_subject(c.last_question, reader.without_fillers(normalized));
    case ReadingKind::kReference: return reader.replace_reference(normalized, subject);
    case ReadingKind::kType: {  // a new type: the subject; the same type refined: all of it
      // Naming a word of the kept topic the last question did not, the
      // message is its own subject: the words repeated from before are
      // context, not the question ("注册好了怎么实名" after 怎么注册账户).
      const MessageCues before = reader.read(c.last_question);
      bool new_word = false;
      std::string own = normalized;
      for (const NamedSlot& t : cues.topics) {
        if (before.subject().find(t.word) == std::string::npos) {
          new_word = true;
        } else if (size_t at = own.find(t.word); at != std::string::npos) {
          own.erase(at, t.word.size());
        }
      }
      if (new_word) return own;
      return (type == c.type ? title : subject) + normalized;
    }
    case ReadingKind::kEllipsis: return title + normalized;
    case ReadingKind::kContrast:  // the answered condition gone, the contrary one kept
      return reader.without_condition(c.last_question, c.type) + reader.without_fillers(normalized);
    case ReadingKind::kSubject: {
      // The new word of the topic in place of the word it is said of.
      const MessageCues before = reader.read(c.last_question);
      std::string word;
      for (const NamedSlot& t : cues.topics) {
        if (before.subject().find(t.word) == std::string::npos) {
          word = t.word;
          break;
        }
      }
      for (const NamedSlot& t : before.topics) {
        if (t.slot != c.topic) continue;
        std::string out = c.last_question;
        out.replace(out.find(t.word), t.word.size(), reader.said_of(word, t.word));
        return out;
      }
      return word + c.last_question;
    }
    case ReadingKind::kAlone: break;
  }
  return normalized;
}

}  // namespace faqbot::bot
