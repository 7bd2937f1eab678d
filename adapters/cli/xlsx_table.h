#pragma once
// A table of text cells in an .xlsx workbook. Writing uses libxlsxwriter;
// reading runs Debian's xlsx2csv (first sheet, as CSV) and parses its output:
// none of the format is written by hand here.
#include <string>
#include <vector>

namespace faqbot::cli {

using Table = std::vector<std::vector<std::string>>;

// Writes `rows` (first = header, bold and frozen) as strings into one sheet
// named `sheet`; cells wrap so multi-line questions stay readable. Returns ""
// or an error message.
std::string write_xlsx(const Table& rows, const std::string& path, const std::string& sheet);

// Reads the first sheet of `path`; returns "" or an error message.
std::string read_xlsx(const std::string& path, Table* rows);

}  // namespace faqbot::cli
