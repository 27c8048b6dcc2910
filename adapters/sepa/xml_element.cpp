#include "xml_element.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <limits>

#include "latin_text.hpp"
#include "sepa_errors.hpp"

namespace caisse::adapters::sepa {
namespace {

std::string_view local_name(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && local_name(node) == name;
}

std::string joined(const std::string& parent, std::string_view name) {
  return parent.empty() ? std::string(name) : parent + "/" + std::string(name);
}

// The first error libxml2 reports is the one that explains the file; what follows (unclosed
// tags at the end) is its consequence.
struct FirstError {
  bool seen = false;
  int line = 0;
  std::string message;
};

void keep_first_error(void* context, xmlErrorPtr error) {
  auto* parser = static_cast<xmlParserCtxtPtr>(context);
  auto* first = static_cast<FirstError*>(parser->_private);
  if (first == nullptr || first->seen || error == nullptr) return;
  first->seen = true;
  first->line = error->line;
  first->message = error->message != nullptr ? error->message : "unknown error";
  while (!first->message.empty() && first->message.back() == '\n') first->message.pop_back();
}

}  // namespace

XmlElement::XmlElement(const _xmlNode* node, std::string path, std::string_view file)
    : node_(node), path_(std::move(path)), file_(file) {}

std::optional<XmlElement> XmlElement::child(std::string_view name) const {
  std::optional<XmlElement> found;
  for (const xmlNode* node = node_->children; node != nullptr; node = node->next) {
    if (!is_element(node, name)) continue;
    XmlElement element(node, joined(path_, name), file_);
    if (found) element.fail("appears twice");
    found = std::move(element);
  }
  return found;
}

XmlElement XmlElement::required(std::string_view name) const {
  auto found = child(name);
  if (!found) fail("lacks the required element " + std::string(name));
  return *std::move(found);
}

std::vector<XmlElement> XmlElement::children(std::string_view name) const {
  std::vector<XmlElement> found;
  for (const xmlNode* node = node_->children; node != nullptr; node = node->next) {
    if (!is_element(node, name)) continue;
    found.emplace_back(
        node, joined(path_, std::string(name) + "[" + std::to_string(found.size() + 1) + "]"),
        file_);
  }
  return found;
}

std::string XmlElement::text() const {
  xmlChar* content = xmlNodeGetContent(node_);
  std::string text = content != nullptr ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string XmlElement::required_text(std::string_view name) const {
  const XmlElement element = required(name);
  std::string value = element.text();
  if (value.empty()) element.fail("is empty");
  return value;
}

std::optional<std::string> XmlElement::attribute(std::string_view name) const {
  xmlChar* value = xmlGetProp(node_, reinterpret_cast<const xmlChar*>(std::string(name).c_str()));
  if (value == nullptr) return std::nullopt;
  std::string text = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return text;
}

std::string XmlElement::namespace_uri() const {
  if (node_->ns == nullptr || node_->ns->href == nullptr) return "";
  return reinterpret_cast<const char*>(node_->ns->href);
}

std::string_view XmlElement::name() const {
  return local_name(node_);
}

long XmlElement::line() const {
  return xmlGetLineNo(node_);
}

void XmlElement::fail(std::string_view reason) const {
  throw ReportFormatError(std::string(file_) + ":" + std::to_string(line()) + ": " +
                          (path_.empty() ? std::string(name()) : path_) + ": " +
                          std::string(reason));
}

XmlFile::XmlFile(std::string_view file_name, std::string_view content) : file_name_(file_name) {
  // libxml2 takes the length as an int; a status report is kilobytes, so this is no real limit.
  if (content.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw ReportFormatError(file_name_ + ": larger than 2 GiB, not a status report");
  }
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> parser(xmlNewParserCtxt(),
                                                                      &xmlFreeParserCtxt);
  if (!parser) throw ReportFormatError(file_name_ + ": out of memory for the XML parser");
  FirstError first;
  parser->_private = &first;
  parser->sax->serror = &keep_first_error;
  // No network, no entity expansion (XXE), nothing printed on stderr: errors come back here.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  doc_.reset(xmlCtxtReadMemory(parser.get(), content.data(), static_cast<int>(content.size()),
                               file_name_.c_str(), nullptr, options));
  if (doc_ && parser->wellFormed && xmlDocGetRootElement(doc_.get()) != nullptr) return;
  int line = first.line;
  std::string message = first.message;
  if (!first.seen) {
    const xmlError* last = xmlCtxtGetLastError(parser.get());
    line = last != nullptr ? last->line : 0;
    message = last != nullptr && last->message != nullptr ? last->message : "no document element";
    while (!message.empty() && message.back() == '\n') message.pop_back();
  }
  doc_.reset();
  throw ReportFormatError(file_name_ + ":" + std::to_string(line) +
                          ": malformed XML: " + std::string(truncate_utf8(message, 200)));
}

XmlElement XmlFile::root() const {
  return XmlElement(xmlDocGetRootElement(doc_.get()), "", file_name_);
}

void XmlFile::Free::operator()(_xmlDoc* doc) const {
  xmlFreeDoc(doc);
}

}  // namespace caisse::adapters::sepa
