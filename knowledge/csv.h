#pragma once
// RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line
// break; records end with CRLF. UTF-8 throughout; a UTF-8 byte-order mark
// is written first (so spreadsheet programs read the text as UTF-8) and
// skipped when read. Pure functions; thread-safe.
#include <string>
#include <vector>

namespace faqbot::knowledge::csv {

using Record = std::vector<std::string>;

std::string write(const std::vector<Record>& records);

struct Parsed {
  std::vector<Record> records;
  std::string error;  // "" on success, else "line N: problem" (unterminated quote …)
};

// Reads every record; a quoted field may span lines ("" is a quote). Blank
// lines are records with one empty field.
Parsed read(const std::string& text);

}  // namespace faqbot::knowledge::csv
