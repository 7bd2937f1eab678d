#pragma once
// A minimal, safe reader and writer for the flat XML that WeCom and WeChat
// Official Accounts exchange:
//   <xml><ToUserName><![CDATA[..]]></ToUserName><CreateTime>1</CreateTime>…</xml>
//
// Reader: an optional <?xml …?> declaration and comments, one root element,
// and its children. Only the root's direct children are returned (name ->
// text); a child that has element children of its own is checked for
// well-formedness and returned as "". Text may mix CDATA sections and
// character data with the five predefined entities and numeric character
// references. Refused (kInvalidArgument): DOCTYPE, ENTITY or any other <!…>
// declaration (so no external entities, no entity expansion), processing
// instructions after the prolog, attributes with unbalanced quotes,
// mismatched tags, nesting deeper than 16, input over 1 MiB, input that is
// not well-formed UTF-8, trailing content after the root. Pure functions,
// thread-safe.
#include <map>
#include <string>
#include <string_view>

#include "knowledge/status.h"

namespace faqbot::channels {

struct XmlDoc {
  std::string root;                          // "xml"
  std::map<std::string, std::string> fields; // first occurrence of each child
  std::string get(const std::string& name) const;  // "" when absent
};

Result<XmlDoc> parse_xml(std::string_view text);

// "<![CDATA[text]]>", splitting any "]]>" inside text so that it round-trips.
std::string xml_cdata(std::string_view text);

}  // namespace faqbot::channels
