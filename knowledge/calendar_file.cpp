#include "knowledge/calendar_file.h"

#include <set>

namespace faqbot::knowledge {
namespace {

using nlohmann::json;

const char* kFile = "calendar.json";

class CalendarReader {
 public:
  explicit CalendarReader(std::vector<Diagnostic>* diags) : diags_(diags) {}

  void error(const std::string& where, const std::string& message) {
    diags_->push_back({Severity::kError, kFile, where.empty() ? "-" : where, message});
    failed_ = true;
  }
  bool failed() const { return failed_; }

  // The string at obj[key]; "" with an error when `required` and absent or not a string.
  std::string text(const json& obj, const char* key, const std::string& where, bool required) {
    auto it = obj.find(key);
    if (it != obj.end() && it->is_string()) return it->get<std::string>();
    if (it != obj.end() || required) error(where, std::string("field \"") + key + "\" must be a string");
    return {};
  }

  std::optional<CivilDate> date(const json& obj, const char* key, const std::string& where) {
    const std::string s = text(obj, key, where, true);
    auto d = parse_date(s);
    if (!d && !s.empty()) error(where, std::string("field \"") + key + "\" is not a date YYYY-MM-DD: \"" + s + "\"");
    return d;
  }

  const json& list(const json& doc, const char* key) {
    static const json empty = json::array();
    auto it = doc.find(key);
    if (it == doc.end()) return empty;
    if (!it->is_array()) {
      error("", std::string("\"") + key + "\" must be a list");
      return empty;
    }
    return *it;
  }

 private:
  std::vector<Diagnostic>* diags_;
  bool failed_ = false;
};

}  // namespace

void parse_calendar(const json& doc, HolidayCalendar* out, std::vector<Diagnostic>* diags) {
  CalendarReader r(diags);
  if (!doc.is_object()) {
    r.error("", "must be a JSON object");
    return;
  }
  HolidayCalendar cal;
  const std::string offset_text = r.text(doc, "utc_offset", "", false);
  if (auto offset = parse_utc_offset(offset_text.empty() ? "+08:00" : offset_text)) {
    cal.utc_offset_minutes = *offset;
  } else {
    r.error("utc_offset", "must be +HH:MM or -HH:MM");
  }
  const std::string cutoff = r.text(doc, "bank_cutoff", "", false);
  if (!cutoff.empty()) {
    if (auto m = parse_clock_time(cutoff)) {
      cal.cutoff_minutes = *m;
      cal.cutoff_text = cutoff;
    } else {
      r.error("bank_cutoff", "must be HH:MM, not \"" + cutoff + "\"");
    }
  }
  for (const json& id : r.list(doc, "timed_entries")) {
    if (id.is_string()) cal.timed_entries.push_back(id.get<std::string>());
    else r.error("timed_entries", "must hold entry ids (strings)");
  }
  auto covers = doc.find("covers");
  if (covers == doc.end() || !covers->is_object()) {
    r.error("covers", "missing {\"from\": date, \"to\": date}: the days the holiday list is complete for");
  } else {
    auto from = r.date(*covers, "from", "covers");
    auto to = r.date(*covers, "to", "covers");
    if (from && to && *to < *from) r.error("covers", "\"to\" is before \"from\"");
    if (from) cal.covers_from = *from;
    if (to) cal.covers_to = *to;
  }
  size_t index = 0;
  for (const json& h : r.list(doc, "holidays")) {
    const std::string where = "holiday #" + std::to_string(++index);
    if (!h.is_object()) {
      r.error(where, "must be {\"name\", \"from\", \"to\"}");
      continue;
    }
    Holiday holiday;
    holiday.name = r.text(h, "name", where, true);
    auto from = r.date(h, "from", where);
    auto to = r.date(h, "to", where);
    if (!from || !to) continue;
    if (*to < *from) r.error(where, "\"to\" is before \"from\"");
    holiday.from = *from;
    holiday.to = *to;
    cal.holidays.push_back(std::move(holiday));
  }
  index = 0;
  for (const json& w : r.list(doc, "workdays")) {
    const std::string where = "workday #" + std::to_string(++index);
    if (!w.is_object()) {
      r.error(where, "must be {\"date\", \"for\"}");
      continue;
    }
    auto d = r.date(w, "date", where);
    const std::string for_holiday = r.text(w, "for", where, false);
    if (!d) continue;
    if (d->weekday() <= 5) r.error(where, d->iso() + " is a weekday already: a make-up working day is a Saturday or Sunday");
    if (cal.holiday_on(*d)) r.error(where, d->iso() + " is inside a holiday");
    cal.workdays[d->days()] = for_holiday;
  }
  index = 0;
  for (const json& p : r.list(doc, "provisional")) {
    const std::string where = "provisional #" + std::to_string(++index);
    if (!p.is_object()) {
      r.error(where, "must be {\"from\", \"to\", \"why\"}");
      continue;
    }
    DateRange range;
    auto from = r.date(p, "from", where);
    auto to = r.date(p, "to", where);
    range.why = r.text(p, "why", where, false);
    if (!from || !to) continue;
    range.from = *from;
    range.to = *to;
    if (*to < *from) r.error(where, "\"to\" is before \"from\"");
    if (*from < cal.covers_from || cal.covers_to < *to) {
      r.error(where, range.from.iso() + " to " + range.to.iso() + " is not inside covers");
    }
    cal.provisional.push_back(std::move(range));
  }
  if (r.failed()) return;
  cal.loaded = true;
  *out = std::move(cal);
}

std::vector<Diagnostic> lint_dates(const KnowledgeBase& kb, const CivilDate& today) {
  std::vector<Diagnostic> out;
  auto add = [&](Severity s, const std::string& file, const std::string& id, const std::string& msg) {
    out.push_back({s, file, id.empty() ? "-" : id, msg});
  };
  for (const Entry& e : kb.entries) {
    auto from = parse_date(e.effective);
    auto until = parse_date(e.expires);
    if (from && until && *until < *from) {
      add(Severity::kError, e.source_file, e.id, "expires " + e.expires + " before it takes effect " + e.effective);
      continue;
    }
    if (!until) continue;
    const int64_t left = until->days() - today.days();
    if (left < 0) {
      add(Severity::kWarning, e.source_file, e.id, "expired on " + e.expires + ": it is never answered; remove or renew it");
    } else if (left <= kExpiryWarningDays) {
      add(Severity::kWarning, e.source_file, e.id,
          "expires on " + e.expires + " (in " + std::to_string(left) + " days): renew it or prepare its successor");
    }
  }
  const HolidayCalendar& cal = kb.calendar;
  for (const std::string& id : cal.timed_entries) {
    if (!kb.find(id)) add(Severity::kError, "calendar.json", id, "timed entry does not exist");
  }
  auto cutoff_var = kb.variables.find("withdraw_cutoff");
  if (cal.loaded && cutoff_var != kb.variables.end() && cutoff_var->second != cal.cutoff_text) {
    add(Severity::kError, "calendar.json", "bank_cutoff",
        "bank cut-off " + cal.cutoff_text + " differs from variables.json withdraw_cutoff " + cutoff_var->second);
  }
  if (!cal.loaded) return out;
  const CivilDate horizon = today.plus_days(kCalendarLookaheadDays);
  if (!cal.covers(today) || !cal.covers(horizon)) {
    add(Severity::kWarning, "calendar.json", "covers",
        "holidays are listed for " + cal.covers_from.iso() + " to " + cal.covers_to.iso() +
            ", not through " + horizon.iso() +
            ": add the State Council's next holiday notice (timed answers fall back to their text outside)");
  }
  for (const DateRange& p : cal.provisional) {
    if (p.to < today || horizon < p.from) continue;
    add(Severity::kWarning, "calendar.json", "provisional",
        p.from.iso() + " to " + p.to.iso() + " is provisional: " +
            (p.why.empty() ? std::string("statutory holidays only, without 调休 make-up days") : p.why) +
            "; timed answers name no day within " + std::to_string(kProvisionalMarginDays) +
            " days of its holidays until the State Council's notice replaces it");
  }
  return out;
}

}  // namespace faqbot::knowledge
