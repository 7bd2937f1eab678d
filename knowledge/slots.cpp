#include "knowledge/slots.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

namespace faqbot::knowledge {
namespace {

using nlohmann::json;

constexpr const char* kFile = "followup.json";

void warn(std::vector<Diagnostic>* out, const std::string& file, const std::string& id,
          const std::string& message) {
  out->push_back({Severity::kWarning, file, id.empty() ? "-" : id, message});
}

void error(std::vector<Diagnostic>* diags, const std::string& message) {
  diags->push_back({Severity::kError, kFile, "-", message});
}

// A JSON list of non-empty strings; anything else is an error naming `what`.
std::vector<std::string> words(const json& v, const std::string& what,
                               std::vector<Diagnostic>* diags) {
  std::vector<std::string> out;
  if (!v.is_array()) {
    error(diags, what + " must be a list of strings");
    return out;
  }
  for (const json& w : v) {
    if (!w.is_string() || w.get<std::string>().empty()) {
      error(diags, what + " holds an item that is not a non-empty string");
      continue;
    }
    out.push_back(w.get<std::string>());
  }
  return out;
}

}  // namespace

std::string topic_from_id(const std::string& id, const std::string& category) {
  const size_t dot = id.find('.');
  return dot == std::string::npos || dot == 0 ? category : id.substr(0, dot);
}

std::string type_from_id(const std::string& id, const FollowupCues& cues) {
  const size_t dot = id.rfind('.');
  const std::string suffix = dot == std::string::npos ? id : id.substr(dot + 1);
  auto it = cues.type_of_suffix.find(suffix);
  return it == cues.type_of_suffix.end() ? suffix : it->second;
}

void assign_slots(KnowledgeBase* kb) {
  for (Entry& e : kb->entries) {
    if (!e.explicit_topic) e.topic = topic_from_id(e.id, e.category);
    if (!e.explicit_type) e.type = type_from_id(e.id, kb->followup);
  }
}

void parse_followup_cues(const json& doc, FollowupCues* cues, std::vector<Diagnostic>* diags) {
  if (!doc.is_object()) {
    error(diags, "must be a JSON object");
    return;
  }
  if (auto it = doc.find("types"); it != doc.end()) {
    if (!it->is_object()) error(diags, "\"types\" must be an object of {\"suffixes\", \"cues\"}");
    for (auto t = it->begin(); it->is_object() && t != it->end(); ++t) {
      const std::string where = "type \"" + t.key() + "\"";
      if (!t.value().is_object()) {
        error(diags, where + " must be an object with \"suffixes\" and/or \"cues\"");
        continue;
      }
      if (auto s = t.value().find("suffixes"); s != t.value().end()) {
        for (const std::string& suffix : words(*s, where + " \"suffixes\"", diags)) {
          auto [prev, fresh] = cues->type_of_suffix.emplace(suffix, t.key());
          if (!fresh && prev->second != t.key()) {
            error(diags, "id suffix \"" + suffix + "\" is listed under types \"" + prev->second +
                             "\" and \"" + t.key() + "\"");
          }
        }
      }
      if (auto c = t.value().find("cues"); c != t.value().end()) {
        cues->type_cues[t.key()] = words(*c, where + " \"cues\"", diags);
      }
      if (auto r = t.value().find("refined_by"); r != t.value().end()) {
        cues->refined_by[t.key()] = words(*r, where + " \"refined_by\"", diags);
      }
      if (auto r = t.value().find("refined_where_missing"); r != t.value().end()) {
        cues->refined_where_missing[t.key()] = words(*r, where + " \"refined_where_missing\"", diags);
      }
      if (auto c = t.value().find("contrasts"); c != t.value().end()) {
        cues->contrasts[t.key()] = words(*c, where + " \"contrasts\"", diags);
      }
      if (auto f = t.value().find("followup_cues"); f != t.value().end()) {
        cues->followup_type_cues[t.key()] = words(*f, where + " \"followup_cues\"", diags);
      }
      if (auto p = t.value().find("named_by_products"); p != t.value().end()) {
        if (!p->is_boolean()) {
          error(diags, where + " \"named_by_products\" must be true or false");
        } else if (p->get<bool>() && !cues->product_type.empty()) {
          error(diags, "types \"" + cues->product_type + "\" and \"" + t.key() +
                           "\" are both named_by_products");
        } else if (p->get<bool>()) {
          cues->product_type = t.key();
        }
      }
      if (auto a = t.value().find("named_by_products_after"); a != t.value().end()) {
        cues->product_after_types = words(*a, where + " \"named_by_products_after\"", diags);
      }
    }
  }
  if (auto it = doc.find("topics"); it != doc.end()) {
    if (!it->is_object()) error(diags, "\"topics\" must be an object of word lists");
    for (auto t = it->begin(); it->is_object() && t != it->end(); ++t) {
      cues->topic_cues[t.key()] = words(t.value(), "topic \"" + t.key() + "\"", diags);
    }
  }
  if (auto it = doc.find("peer_products"); it != doc.end()) {
    if (!it->is_object()) error(diags, "\"peer_products\" must be an object of word lists");
    for (auto t = it->begin(); it->is_object() && t != it->end(); ++t) {
      cues->peer_marks[t.key()] = words(t.value(), "peer_products \"" + t.key() + "\"", diags);
    }
  }
  if (auto it = doc.find("references"); it != doc.end()) {
    cues->references = words(*it, "\"references\"", diags);
  }
  if (auto it = doc.find("fillers"); it != doc.end()) cues->fillers = words(*it, "\"fillers\"", diags);
  if (auto it = doc.find("hesitations"); it != doc.end()) {
    cues->hesitations = words(*it, "\"hesitations\"", diags);
  }
  if (auto it = doc.find("outside"); it != doc.end()) cues->outside = words(*it, "\"outside\"", diags);
  if (auto it = doc.find("plain_words"); it != doc.end()) {
    cues->plain_words = words(*it, "\"plain_words\"", diags);
  }
  if (auto it = doc.find("places"); it != doc.end()) cues->places = words(*it, "\"places\"", diags);
  if (auto it = doc.find("opposites"); it != doc.end()) {
    if (!it->is_object()) error(diags, "\"opposites\" must be an object with \"topics\" and \"words\"");
    if (auto t = it->find("topics"); it->is_object() && t != it->end()) {
      if (!t->is_object()) error(diags, "opposites \"topics\" must map a topic to a topic");
      for (auto o = t->begin(); t->is_object() && o != t->end(); ++o) {
        if (!o.value().is_string()) {
          error(diags, "opposites \"topics\" \"" + o.key() + "\" must be a topic name");
        } else {
          cues->opposites[o.key()] = o.value().get<std::string>();
        }
      }
    }
    if (auto w = it->find("words"); it->is_object() && w != it->end()) {
      cues->opposite_words = words(*w, "opposites \"words\"", diags);
    }
  }
  if (auto it = doc.find("steps"); it != doc.end()) {
    if (!it->is_object()) error(diags, "\"steps\" must be an object of word lists");
    const std::pair<const char*, std::vector<std::string>*> lists[] = {
        {"after", &cues->steps.after},
        {"done", &cues->steps.done},
        {"then", &cues->steps.then},
        {"how_on", &cues->steps.how_on}};
    for (auto t = it->begin(); it->is_object() && t != it->end(); ++t) {
      auto list = std::find_if(std::begin(lists), std::end(lists),
                               [&](const auto& l) { return t.key() == l.first; });
      if (list == std::end(lists)) {
        error(diags, "steps \"" + t.key() + "\" is none of after, done, then, how_on");
        continue;
      }
      *list->second = words(t.value(), "steps \"" + t.key() + "\"", diags);
    }
  }
  if (auto it = doc.find("of_the_answer"); it != doc.end()) {
    if (!it->is_array()) {
      error(diags, "\"of_the_answer\" must be a list of {\"asks\", \"stated_by\", \"bare\"}");
    }
    for (size_t i = 0; it->is_array() && i < it->size(); ++i) {
      const json& item = (*it)[i];
      const std::string where = "of_the_answer item " + std::to_string(i + 1);
      if (!item.is_object()) {
        error(diags, where + " must be an object with \"asks\" and \"stated_by\"");
        continue;
      }
      FollowupCues::OfTheAnswer o;
      for (auto f = item.begin(); f != item.end(); ++f) {
        if (f.key() == "asks") {
          o.asks = words(f.value(), where + " \"asks\"", diags);
        } else if (f.key() == "stated_by") {
          o.stated_by = words(f.value(), where + " \"stated_by\"", diags);
        } else if (f.key() == "bare") {
          if (f.value().is_boolean()) {
            o.bare = f.value().get<bool>();
          } else {
            error(diags, where + " \"bare\" must be true or false");
          }
        } else if (f.key() == "topic_first") {
          if (f.value().is_boolean()) {
            o.topic_first = f.value().get<bool>();
          } else {
            error(diags, where + " \"topic_first\" must be true or false");
          }
        } else if (f.key() == "other_topics") {
          if (f.value().is_boolean()) {
            o.other_topics = f.value().get<bool>();
          } else {
            error(diags, where + " \"other_topics\" must be true or false");
          }
        } else {
          error(diags, where + " \"" + f.key() + "\" is none of asks, stated_by, bare, topic_first, other_topics");
        }
      }
      if (o.asks.empty() || o.stated_by.empty()) {
        error(diags, where + " needs non-empty \"asks\" and \"stated_by\"");
        continue;
      }
      cues->of_the_answer.push_back(std::move(o));
    }
  }
  if (auto it = doc.find("persons"); it != doc.end()) cues->persons = words(*it, "\"persons\"", diags);
  if (auto it = doc.find("belongings"); it != doc.end()) {
    cues->belongings = words(*it, "\"belongings\"", diags);
  }
  if (auto it = doc.find("modifiers"); it != doc.end()) {
    if (!it->is_object()) error(diags, "\"modifiers\" must be an object of word lists");
    for (auto t = it->begin(); it->is_object() && t != it->end(); ++t) {
      cues->modifier_synonyms[t.key()] = words(t.value(), "modifiers \"" + t.key() + "\"", diags);
    }
  }
}

std::vector<Diagnostic> lint_slots(const KnowledgeBase& kb) {
  std::vector<Diagnostic> out;
  const FollowupCues& cues = kb.followup;
  std::map<std::string, int> topic_users, type_users;  // slot -> entries using it
  std::set<std::string> categories;
  for (const Entry& e : kb.entries) {
    topic_users[e.topic]++;
    type_users[e.type]++;
    categories.insert(e.category);
  }
  for (const Entry& e : kb.entries) {
    if (e.explicit_topic && topic_users[e.topic] < 2 && !cues.topic_cues.count(e.topic) &&
        !categories.count(e.topic)) {
      warn(&out, e.source_file, e.id,
           "topic \"" + e.topic + "\" is no category, no other entry's topic and has no cues in " +
               kFile);
    }
    if (e.explicit_type && type_users[e.type] < 2 && !cues.type_cues.count(e.type)) {
      warn(&out, e.source_file, e.id,
           "type \"" + e.type + "\" is no other entry's type and has no cues in " +
               std::string(kFile) + ": a follow-up cannot ask for it");
    }
  }
  for (const auto& [topic, list] : cues.topic_cues) {
    if (!topic_users.count(topic)) warn(&out, kFile, "-", "cues for topic \"" + topic + "\" that no entry has");
  }
  for (const auto* typed : {&cues.type_cues, &cues.followup_type_cues}) {
    for (const auto& [type, list] : *typed) {
      if (!type_users.count(type)) warn(&out, kFile, "-", "cues for type \"" + type + "\" that no entry has");
    }
  }
  if (!cues.product_type.empty() && !type_users.count(cues.product_type)) {
    warn(&out, kFile, "-", "type \"" + cues.product_type + "\" is named_by_products but no entry has it");
  }
  for (const auto& [type, refining] : cues.refined_by) {
    for (const std::string& r : refining) {
      if (!cues.type_cues.count(r)) {
        warn(&out, kFile, "-",
             "type \"" + type + "\" is refined_by \"" + r + "\", a type without cues that no follow-up names");
      }
    }
  }
  // An outside word an entry's own text holds names a subject the entry
  // answers: a message naming it would be refused.
  for (const std::string& w : cues.outside) {
    for (const Entry& e : kb.entries) {
      bool held = e.title.find(w) != std::string::npos || e.answer.find(w) != std::string::npos;
      for (const std::string& q : e.questions) held = held || q.find(w) != std::string::npos;
      if (held) {
        warn(&out, kFile, "-",
             "outside word \"" + w + "\" is in entry " + e.id + ": a message naming it is refused");
        break;
      }
    }
  }
  std::map<std::string, std::string> cue_topic;
  for (const auto& [topic, list] : cues.topic_cues) {
    for (const std::string& w : list) {
      auto [prev, fresh] = cue_topic.emplace(w, topic);
      if (!fresh && prev->second != topic) {
        warn(&out, kFile, "-",
             "cue \"" + w + "\" names two topics (\"" + prev->second + "\", \"" + topic + "\")");
      }
    }
  }
  return out;
}

}  // namespace faqbot::knowledge
