#pragma once
// A test base for one policy rule: the tiny knowledge base of kb_fixture.h
// (entries a test adds go into kb_), an empty conversation, and decide(),
// which runs the policy on a ranking given as if retrieval had read
// `normalized`.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "bot/policy.h"
#include "kb_fixture.h"

namespace faqbot::bot::testing {

class PolicyFixture : public ::testing::Test {
 protected:
  Decision decide(const std::string& normalized, const retrieval::SearchResult& base,
                  const Signals& signals = {}, const Thresholds& t = {}) const {
    retrieval::SearchResult r = base;
    r.normalized = normalized;
    return Policy(t).decide(r, *kb_, conversation_, signals);
  }
  std::shared_ptr<knowledge::KnowledgeBase> kb_ = make_kb();
  Conversation conversation_;
};

}  // namespace faqbot::bot::testing
