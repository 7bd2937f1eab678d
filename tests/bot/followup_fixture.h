#pragma once
// A fixture for tests of the follow-up readers (bot/followup.h): the small
// knowledge base of kb_fixture.h, a scripted retriever, and the conversation
// after one answer.
#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>

#include "bot/followup.h"
#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot::testing {

class FollowupFixture : public ::testing::Test {
 protected:
  // Adds one entry per (id, question), its topic and type the id's two parts.
  void add_typed_entries(std::initializer_list<std::pair<const char*, const char*>> entries) {
    for (auto [id, question] : entries) {
      knowledge::Entry e = entry(id, question, "…");
      const std::string name(id);
      e.topic = name.substr(0, name.find('.'));
      e.type = name.substr(name.find('.') + 1);
      kb_->entries.push_back(e);
    }
  }
  // The conversation after `question` was answered with `faq_id` (topic and
  // type given); the cue reader reads the knowledge base as it is now, so
  // call this after the entries and cues are set.
  void answered(const std::string& question, const std::string& faq_id, const std::string& topic,
                const std::string& type) {
    cues_ = CueReader(*kb_, retriever_);
    conversation_.last_question = question;
    conversation_.last_faq_id = faq_id;
    conversation_.topic = topic;
    conversation_.type = type;
  }
  Reading read(const std::string& text) {
    return read_message(retriever_, *kb_, cues_, text, conversation_, Thresholds{}, 5, 10);
  }

  std::shared_ptr<knowledge::KnowledgeBase> kb_ = make_kb();
  FakeRetriever retriever_;
  CueReader cues_;
  Conversation conversation_;
};

}  // namespace faqbot::bot::testing
