// Reading a bank's XML file with libxml2 and saying exactly where it is wrong: every element
// carries its path from the message root ("OrgnlPmtInfAndSts[2]/TxInfAndSts[1]/TxSts") and its
// line, and every error reads "<file>:<line>: <path>: <reason>".
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct _xmlDoc;
struct _xmlNode;

namespace caisse::adapters::sepa {

class XmlElement {
 public:
  XmlElement(const _xmlNode* node, std::string path, std::string_view file);

  // The only child element `name`, or nullopt; a second one is an error.
  std::optional<XmlElement> child(std::string_view name) const;
  // The only child element `name`; a missing one is an error.
  XmlElement required(std::string_view name) const;
  // Every child element `name`, their paths numbered from 1.
  std::vector<XmlElement> children(std::string_view name) const;

  // The text content, spaces and line breaks trimmed at both ends.
  std::string text() const;
  // The text of a required child that must not be empty.
  std::string required_text(std::string_view name) const;
  std::optional<std::string> attribute(std::string_view name) const;
  // The element's namespace URI, "" when it has none.
  std::string namespace_uri() const;

  std::string_view name() const;
  const std::string& path() const { return path_; }
  long line() const;

  // Throws ReportFormatError "<file>:<line>: <path>: <reason>".
  [[noreturn]] void fail(std::string_view reason) const;

 private:
  const _xmlNode* node_;
  std::string path_;
  std::string_view file_;
};

// A parsed file. Throws ReportFormatError "<file>:<line>: malformed XML: <what libxml2 says>".
// The parser never fetches anything over the network and never expands external entities.
class XmlFile {
 public:
  XmlFile(std::string_view file_name, std::string_view content);

  // The document element, with an empty path (children's paths start at their own name).
  XmlElement root() const;

 private:
  struct Free {
    void operator()(_xmlDoc* doc) const;
  };
  std::string file_name_;
  std::unique_ptr<_xmlDoc, Free> doc_;
};

}  // namespace caisse::adapters::sepa
