#include "bot/settings.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace faqbot::bot {
namespace {

using nlohmann::json;

// Reads obj[key] into *out when present; false (and *error) on a bad value.
bool read_prob(const json& obj, const char* key, double* out, std::string* error) {
  if (!obj.contains(key)) return true;
  const json& v = obj[key];
  if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1) {
    *error = std::string("policy.") + key + ": expected a number in [0, 1]";
    return false;
  }
  *out = v.get<double>();
  return true;
}

// Reads obj[key] (any finite number) into *out when present; false (and
// *error) on a bad value.
bool read_number(const json& obj, const char* key, double* out, std::string* error) {
  if (!obj.contains(key)) return true;
  const json& v = obj[key];
  if (!v.is_number() || !std::isfinite(v.get<double>())) {
    *error = std::string("policy.") + key + ": expected a number";
    return false;
  }
  *out = v.get<double>();
  return true;
}

bool read_int(const json& obj, const std::string& section, const char* key, int min, int* out,
              std::string* error) {
  if (!obj.contains(key)) return true;
  const json& v = obj[key];
  if (!v.is_number_integer() || v.get<long long>() < min || v.get<long long>() > 1000000) {
    *error = section + "." + key + ": expected an integer >= " + std::to_string(min);
    return false;
  }
  *out = v.get<int>();
  return true;
}

bool read_list(const json& obj, const char* key, std::vector<std::string>* out,
               std::string* error) {
  if (!obj.contains(key)) return true;
  const json& v = obj[key];
  if (!v.is_array()) {
    *error = std::string("signals.") + key + ": expected a list of strings";
    return false;
  }
  std::vector<std::string> list;
  for (const json& item : v) {
    if (!item.is_string()) {
      *error = std::string("signals.") + key + ": expected a list of strings";
      return false;
    }
    list.push_back(item.get<std::string>());
  }
  *out = std::move(list);
  return true;
}

// Reads obj[key] (an entry id, may be "") into *out when present and notes
// the key in *keys; false (and *error) on a bad value.
bool read_entry_id(const json& obj, const char* key, std::string* out,
                   std::vector<std::string>* keys, std::string* error) {
  if (!obj.contains(key)) return true;
  const json& v = obj[key];
  if (!v.is_string()) {
    *error = std::string("policy.") + key + ": expected an entry id (a string)";
    return false;
  }
  *out = v.get<std::string>();
  keys->push_back(key);
  return true;
}

Status invalid(const std::string& message) {
  return Status(StatusCode::kInvalidArgument, "settings.json: " + message);
}

}  // namespace

Result<EngineSettings> parse_settings(const std::string& json_text) {
  EngineSettings s;
  const json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) return invalid("not a JSON object");
  std::string error;

  if (root.contains("retrieval")) {
    const json& r = root["retrieval"];
    if (!r.is_object()) return invalid("retrieval: expected an object");
    if (r.contains("index_factory")) {
      if (!r["index_factory"].is_string()) return invalid("retrieval.index_factory: expected a string");
      s.retrieval.index_factory = r["index_factory"].get<std::string>();
    }
    if (!read_int(r, "retrieval", "dim", 1, &s.retrieval.dim, &error)) return invalid(error);
    int top_k = static_cast<int>(s.top_k);
    if (!read_int(r, "retrieval", "top_k", 1, &top_k, &error)) return invalid(error);
    s.top_k = static_cast<size_t>(top_k);
  }

  if (root.contains("policy")) {
    const json& p = root["policy"];
    if (!p.is_object()) return invalid("policy: expected an object");
    Thresholds& t = s.thresholds;
    if (!read_prob(p, "answer", &t.answer, &error) || !read_prob(p, "margin", &t.margin, &error) ||
        !read_prob(p, "clarify", &t.clarify, &error) ||
        !read_prob(p, "suggestion", &t.suggestion, &error) ||
        !read_prob(p, "out_of_scope", &t.out_of_scope, &error) ||
        !read_prob(p, "handoff_entry", &t.handoff_entry, &error) ||
        !read_prob(p, "agree_answer", &t.agree_answer, &error) ||
        !read_number(p, "agree_margin", &t.agree_margin, &error) ||
        !read_prob(p, "agree_out_of_scope", &t.agree_out_of_scope, &error) ||
        !read_int(p, "policy", "max_suggestions", 1, &t.max_suggestions, &error) ||
        !read_int(p, "policy", "fallbacks_before_handoff", 1, &t.fallbacks_before_handoff,
                  &error) ||
        !read_int(p, "policy", "answers_before_handoff", 1, &t.answers_before_handoff, &error) ||
        !read_int(p, "policy", "overdue_withdrawal_days", 1, &t.overdue_withdrawal_days, &error) ||
        !read_entry_id(p, "abuse_entry", &s.signal_entries.abuse, &s.signal_entry_keys, &error) ||
        !read_entry_id(p, "complaint_entry", &s.signal_entries.complaint, &s.signal_entry_keys,
                       &error) ||
        !read_entry_id(p, "human_entry", &s.signal_entries.human, &s.signal_entry_keys, &error) ||
        !read_entry_id(p, "charge_abnormal_entry", &t.charge_abnormal_entry, &s.signal_entry_keys,
                       &error) ||
        !read_entry_id(p, "contact_entry", &t.contact_entry, &s.signal_entry_keys, &error) ||
        !read_entry_id(p, "overdue_withdrawal_entry", &t.overdue_withdrawal_entry, &s.signal_entry_keys,
                       &error) ||
        !read_entry_id(p, "early_withdrawal_entry", &t.early_withdrawal_entry, &s.signal_entry_keys,
                       &error) ||
        !read_entry_id(p, "compared_arrival_entry", &t.compared_arrival_entry, &s.signal_entry_keys,
                       &error) ||
        !read_entry_id(p, "full_bid_entry", &t.full_bid_entry, &s.signal_entry_keys, &error) ||
        !read_entry_id(p, "inflow_limit_entry", &t.inflow_limit_entry, &s.signal_entry_keys, &error) ||
        !read_entry_id(p, "outflow_limit_entry", &t.outflow_limit_entry, &s.signal_entry_keys, &error)) {
      return invalid(error);
    }
  }

  if (root.contains("signals")) {
    const json& g = root["signals"];
    if (!g.is_object()) return invalid("signals: expected an object");
    SignalRules& r = s.signals;
    if (!read_list(g, "human", &r.human, &error) ||
        !read_list(g, "human_exact", &r.human_exact, &error) ||
        !read_list(g, "complaint", &r.complaint, &error) ||
        !read_list(g, "anger", &r.anger, &error) ||
        !read_list(g, "frustration", &r.frustration, &error) ||
        !read_list(g, "abuse", &r.abuse, &error) ||
        !read_list(g, "abuse_clauses", &r.abuse_clauses, &error) ||
        !read_list(g, "self_talk", &r.self_talk, &error) ||
        !read_list(g, "self_faults", &r.self_faults, &error) ||
        !read_list(g, "human_clauses", &r.human_clauses, &error) ||
        !read_list(g, "kin", &r.kin, &error) ||
        !read_list(g, "expletive_leads", &r.expletive_leads, &error) ||
        !read_list(g, "negations", &r.negations, &error) ||
        !read_list(g, "third_party_anger", &r.third_party_anger, &error) ||
        !read_list(g, "third_party", &r.third_party, &error) ||
        !read_list(g, "second_person", &r.second_person, &error) ||
        !read_list(g, "question_cues", &r.question_cues, &error) ||
        !read_list(g, "scam_in_general", &r.scam_in_general, &error) ||
        !read_list(g, "reports_of_others", &r.reports_of_others, &error) ||
        !read_list(g, "legal_action_on_asker", &r.legal_action_on_asker, &error) ||
        !read_list(g, "human_identity", &r.human_identity, &error) ||
        !read_list(g, "human_hours", &r.human_hours, &error) ||
        !read_int(g, "signals", "exclamation_run", 0, &r.exclamation_run, &error)) {
      return invalid(error);
    }
    lower_case_phrases(r);
  }

  if (root.contains("followup")) {
    const json& f = root["followup"];
    if (!f.is_object()) return invalid("followup: expected an object");
    int max_chars = static_cast<int>(s.followup_max_chars);
    if (!read_int(f, "followup", "max_chars", 0, &max_chars, &error)) return invalid(error);
    s.followup_max_chars = static_cast<size_t>(max_chars);
  }
  return s;
}

Status check_signal_entries(EngineSettings& settings, const knowledge::KnowledgeBase& kb) {
  struct Field {
    const char* key;
    std::string* id;
  };
  SignalEntries& e = settings.signal_entries;
  for (const Field& f : {Field{"abuse_entry", &e.abuse}, Field{"complaint_entry", &e.complaint},
                         Field{"human_entry", &e.human},
                         Field{"charge_abnormal_entry", &settings.thresholds.charge_abnormal_entry},
                         Field{"contact_entry", &settings.thresholds.contact_entry},
                         Field{"overdue_withdrawal_entry", &settings.thresholds.overdue_withdrawal_entry},
                         Field{"early_withdrawal_entry", &settings.thresholds.early_withdrawal_entry},
                         Field{"compared_arrival_entry", &settings.thresholds.compared_arrival_entry},
                         Field{"full_bid_entry", &settings.thresholds.full_bid_entry},
                         Field{"inflow_limit_entry", &settings.thresholds.inflow_limit_entry},
                         Field{"outflow_limit_entry", &settings.thresholds.outflow_limit_entry}}) {
    if (f.id->empty() || kb.find(*f.id) != nullptr) continue;
    const auto& keys = settings.signal_entry_keys;
    if (std::find(keys.begin(), keys.end(), f.key) != keys.end()) {
      return invalid(std::string("policy.") + f.key + ": no entry \"" + *f.id +
                     "\" in the knowledge base");
    }
    f.id->clear();  // a built-in default this knowledge base does not have
  }
  return Status();
}

Result<EngineSettings> load_settings(const std::string& config_dir) {
  const std::string path = config_dir + "/settings.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) return EngineSettings{};
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status(StatusCode::kDataLoss, "settings.json: cannot be read");
  return parse_settings(buf.str());
}

}  // namespace faqbot::bot
