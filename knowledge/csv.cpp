#include "knowledge/csv.h"

namespace faqbot::knowledge::csv {
namespace {

const std::string kBom = "\xEF\xBB\xBF";

bool needs_quotes(const std::string& field) {
  return field.find_first_of(",\"\r\n") != std::string::npos || (!field.empty() && (field.front() == ' ' || field.back() == ' '));
}

}  // namespace

std::string write(const std::vector<Record>& records) {
  std::string out = kBom;
  for (const Record& record : records) {
    for (size_t i = 0; i < record.size(); ++i) {
      if (i) out += ',';
      const std::string& f = record[i];
      if (!needs_quotes(f)) {
        out += f;
        continue;
      }
      out += '"';
      for (char c : f) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

Parsed read(const std::string& text) {
  Parsed p;
  size_t i = text.compare(0, kBom.size(), kBom) == 0 ? kBom.size() : 0;
  size_t line = 1;
  Record record;
  std::string field;
  bool in_record = false;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && field.empty()) {
      const size_t opened_on = line;
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      if (!closed) {
        p.error = "line " + std::to_string(opened_on) + ": a quoted field is never closed";
        return p;
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        p.error = "line " + std::to_string(line) + ": text after a closing quote";
        return p;
      }
      in_record = true;
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      in_record = true;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      p.records.push_back(std::move(record));
      record.clear();
      in_record = false;
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      continue;
    }
    field += c;
    in_record = true;
    ++i;
  }
  if (in_record || !field.empty()) {
    record.push_back(std::move(field));
    p.records.push_back(std::move(record));
  }
  return p;
}

}  // namespace faqbot::knowledge::csv
