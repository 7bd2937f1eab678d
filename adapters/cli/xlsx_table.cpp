#include "adapters/cli/xlsx_table.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "knowledge/csv.h"

extern char** environ;

namespace faqbot::cli {

std::string write_xlsx(const Table& rows, const std::string& path, const std::string& sheet) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return "cannot create " + path;
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet.c_str());
  lxw_format* wrap = workbook_add_format(book);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  static const double widths[] = {24, 40, 70, 14, 16, 12, 12};
  for (lxw_col_t c = 0; c < 7; ++c) worksheet_set_column(ws, c, c, widths[c], wrap);
  worksheet_freeze_panes(ws, 1, 1);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      lxw_error e = worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                           rows[r][c].c_str(), r == 0 ? header : wrap);
      if (e != LXW_NO_ERROR) {
        workbook_close(book);
        return "row " + std::to_string(r + 1) + ": " + lxw_strerror(e);
      }
    }
  }
  lxw_error e = workbook_close(book);
  return e == LXW_NO_ERROR ? std::string() : std::string("cannot write ") + path + ": " + lxw_strerror(e);
}

std::string read_xlsx(const std::string& path, Table* rows) {
  std::random_device rd;
  const std::string out = (std::filesystem::temp_directory_path() /
                           ("faqbot-xlsx-" + std::to_string(rd()) + std::to_string(rd()) + ".csv")).string();
  // argv without a shell: the path is never interpreted.
  std::vector<std::string> args = {"xlsx2csv", "--sheet", "1", path, out};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xlsx2csv", nullptr, nullptr, argv.data(), environ) != 0) {
    return "cannot run xlsx2csv (install the Debian package xlsx2csv)";
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::ifstream in(out, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::error_code ec;
  std::filesystem::remove(out, ec);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !in) return path + ": not a readable .xlsx workbook";
  knowledge::csv::Parsed parsed = knowledge::csv::read(text.str());
  if (!parsed.error.empty()) return path + ": " + parsed.error;
  *rows = std::move(parsed.records);
  return {};
}

}  // namespace faqbot::cli
