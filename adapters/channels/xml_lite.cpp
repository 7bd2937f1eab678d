#include "adapters/channels/xml_lite.h"

#include <cstdint>

#include "knowledge/utf8.h"

namespace faqbot::channels {
namespace {

constexpr size_t kMaxBytes = 1 << 20;
constexpr int kMaxDepth = 16;

Status bad(const std::string& message) { return Status(StatusCode::kInvalidArgument, "xml: " + message); }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Result<XmlDoc> run() {
    if (s_.size() > kMaxBytes) return bad("document too large");
    // Checked once up front: every name and value handed out is then valid
    // UTF-8 (callers put them into JSON, which refuses anything else).
    if (!utf8::valid(s_)) return bad("not UTF-8");
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 BOM
    Status st = skip_misc(true);
    if (!st.ok()) return st;
    XmlDoc doc;
    std::string name;
    bool empty = false;
    st = open_tag(&name, &empty);
    if (!st.ok()) return st;
    doc.root = name;
    if (!empty) {
      st = root_children(name, &doc);
      if (!st.ok()) return st;
    }
    st = skip_misc(false);
    if (!st.ok()) return st;
    if (pos_ != s_.size()) return bad("content after the root element");
    return doc;
  }

 private:
  bool starts(std::string_view p) const { return s_.substr(pos_, p.size()) == p; }
  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) ++pos_;
  }

  // Whitespace, comments and (in the prolog only) the XML declaration.
  Status skip_misc(bool prolog) {
    for (;;) {
      skip_ws();
      if (starts("<!--")) {
        size_t end = s_.find("-->", pos_ + 4);
        if (end == std::string_view::npos) return bad("unterminated comment");
        pos_ = end + 3;
      } else if (starts("<?")) {
        if (!prolog || !starts("<?xml")) return bad("processing instructions are not accepted");
        size_t end = s_.find("?>", pos_);
        if (end == std::string_view::npos) return bad("unterminated declaration");
        pos_ = end + 2;
        prolog = false;
      } else if (starts("<!")) {
        return bad("DOCTYPE and other declarations are not accepted");
      } else {
        return Status::Ok();
      }
    }
  }

  // At '<name …>' or '<name …/>'.
  Status open_tag(std::string* name, bool* empty) {
    if (pos_ >= s_.size() || s_[pos_] != '<') return bad("expected an element");
    ++pos_;
    size_t start = pos_;
    while (pos_ < s_.size() && is_name_char(s_[pos_])) ++pos_;
    if (pos_ == start) return bad("empty element name");
    *name = std::string(s_.substr(start, pos_ - start));
    // Attributes are skipped but their quotes must balance.
    while (pos_ < s_.size() && s_[pos_] != '>' && !(s_[pos_] == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '>')) {
      char c = s_[pos_];
      if (c == '"' || c == '\'') {
        size_t end = s_.find(c, pos_ + 1);
        if (end == std::string_view::npos) return bad("unbalanced attribute quote");
        pos_ = end + 1;
      } else if (c == '<') {
        return bad("'<' inside a tag");
      } else {
        ++pos_;
      }
    }
    if (pos_ >= s_.size()) return bad("unterminated tag");
    *empty = s_[pos_] == '/';
    pos_ += *empty ? 2 : 1;
    return Status::Ok();
  }

  Status close_tag(const std::string& name) {
    if (!starts("</")) return bad("expected </" + name + ">");
    pos_ += 2;
    if (s_.substr(pos_, name.size()) != name) return bad("mismatched closing tag for " + name);
    pos_ += name.size();
    skip_ws();
    if (pos_ >= s_.size() || s_[pos_] != '>') return bad("malformed closing tag");
    ++pos_;
    return Status::Ok();
  }

  Status entity(std::string* out) {
    size_t end = s_.find(';', pos_);
    if (end == std::string_view::npos || end - pos_ > 10) return bad("malformed entity");
    std::string_view e = s_.substr(pos_ + 1, end - pos_ - 1);
    if (e == "lt") out->push_back('<');
    else if (e == "gt") out->push_back('>');
    else if (e == "amp") out->push_back('&');
    else if (e == "quot") out->push_back('"');
    else if (e == "apos") out->push_back('\'');
    else if (e.size() >= 2 && e[0] == '#') {
      uint32_t cp = 0;
      bool hex = e[1] == 'x' || e[1] == 'X';
      std::string_view digits = e.substr(hex ? 2 : 1);
      if (digits.empty()) return bad("malformed character reference");
      for (char c : digits) {
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return bad("malformed character reference");
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        if (cp > 0x10FFFF) return bad("character reference out of range");
      }
      if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return bad("invalid character reference");
      utf8::append(*out, static_cast<char32_t>(cp));
    } else {
      return bad("unknown entity &" + std::string(e) + ";");
    }
    pos_ = end + 1;
    return Status::Ok();
  }

  // Content of element `name` up to and including its closing tag. Text is
  // appended to *text; *has_children tells whether elements were inside.
  Status content(const std::string& name, int depth, std::string* text, bool* has_children) {
    if (depth > kMaxDepth) return bad("nesting too deep");
    for (;;) {
      if (pos_ >= s_.size()) return bad("unterminated element " + name);
      char c = s_[pos_];
      if (c == '<') {
        if (starts("<![CDATA[")) {
          size_t end = s_.find("]]>", pos_ + 9);
          if (end == std::string_view::npos) return bad("unterminated CDATA");
          text->append(s_.substr(pos_ + 9, end - pos_ - 9));
          pos_ = end + 3;
        } else if (starts("<!--")) {
          size_t end = s_.find("-->", pos_ + 4);
          if (end == std::string_view::npos) return bad("unterminated comment");
          pos_ = end + 3;
        } else if (starts("<!") || starts("<?")) {
          return bad("declarations are not accepted inside elements");
        } else if (starts("</")) {
          return close_tag(name);
        } else {
          *has_children = true;
          std::string child;
          bool empty = false;
          Status st = open_tag(&child, &empty);
          if (!st.ok()) return st;
          if (!empty) {
            std::string ignored;
            bool nested = false;
            st = content(child, depth + 1, &ignored, &nested);
            if (!st.ok()) return st;
          }
        }
      } else if (c == '&') {
        Status st = entity(text);
        if (!st.ok()) return st;
      } else {
        text->push_back(c);
        ++pos_;
      }
    }
  }

  Status root_children(const std::string& root, XmlDoc* doc) {
    for (;;) {
      skip_ws();
      if (pos_ >= s_.size()) return bad("unterminated root element");
      if (starts("</")) return close_tag(root);
      if (starts("<!--")) {
        size_t end = s_.find("-->", pos_ + 4);
        if (end == std::string_view::npos) return bad("unterminated comment");
        pos_ = end + 3;
        continue;
      }
      if (starts("<!") || starts("<?")) return bad("declarations are not accepted inside elements");
      if (s_[pos_] != '<') return bad("text directly inside the root element");
      std::string name;
      bool empty = false;
      Status st = open_tag(&name, &empty);
      if (!st.ok()) return st;
      std::string text;
      bool has_children = false;
      if (!empty) {
        st = content(name, 2, &text, &has_children);
        if (!st.ok()) return st;
      }
      if (has_children) text.clear();
      doc->fields.emplace(name, std::move(text));
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

std::string XmlDoc::get(const std::string& name) const {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

Result<XmlDoc> parse_xml(std::string_view text) { return Parser(text).run(); }

std::string xml_cdata(std::string_view text) {
  std::string out = "<![CDATA[";
  size_t start = 0;
  for (;;) {
    size_t hit = text.find("]]>", start);
    if (hit == std::string_view::npos) break;
    out.append(text.substr(start, hit + 2 - start));
    out += "]]><![CDATA[";
    start = hit + 2;
  }
  out.append(text.substr(start));
  out += "]]>";
  return out;
}

}  // namespace faqbot::channels
