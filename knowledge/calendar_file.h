#pragma once
// Reading config/calendar.json (layout in knowledge/calendar.h) and the dated
// checks of lint: entries' effective/expiry dates and the calendar's coverage.
#include <nlohmann/json.hpp>
#include <vector>

#include "knowledge/calendar.h"
#include "knowledge/knowledge_base.h"
#include "knowledge/loader.h"

namespace faqbot::knowledge {

inline constexpr int kExpiryWarningDays = 14;       // lint warns this long before expiry
inline constexpr int kCalendarLookaheadDays = 365;  // lint wants the next 12 months covered

// Fills `out` from calendar.json; problems become errors of "calendar.json".
void parse_calendar(const nlohmann::json& doc, HolidayCalendar* out, std::vector<Diagnostic>* diags);

// Errors: an entry expiring before it takes effect, timed entries that do not
// exist, a bank cut-off other than variables.json's withdraw_cutoff.
// Warnings (relative to `today`, platform local date): an entry that expires
// within kExpiryWarningDays or has expired, a calendar that does not cover
// the next kCalendarLookaheadDays, a provisional range (calendar.h) in them,
// timed entries without a calendar.
std::vector<Diagnostic> lint_dates(const KnowledgeBase& kb, const CivilDate& today);

}  // namespace faqbot::knowledge
