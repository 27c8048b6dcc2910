#include "xml_checks.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <fstream>
#include <sstream>

namespace caisse::adapters::sepa::testing {
namespace {

void collect(void* sink, xmlErrorPtr error) {
  auto* errors = static_cast<std::vector<std::string>*>(sink);
  std::string message = error->message != nullptr ? error->message : "?";
  while (!message.empty() && message.back() == '\n') message.pop_back();
  errors->push_back("line " + std::to_string(error->line) + ": " + message);
}

}  // namespace

std::optional<std::filesystem::path> reference_dir() {
  const std::filesystem::path dir = std::filesystem::path(CAISSE_SHARED_DIR) / "reference";
  if (!std::filesystem::is_directory(dir / "xsd")) return std::nullopt;
  return dir;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string> xsd_errors(const std::filesystem::path& xsd, std::string_view xml) {
  std::vector<std::string> errors;
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd.c_str());
  xmlSchemaPtr schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (schema == nullptr) return {"cannot parse the schema " + xsd.string()};
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "written.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    errors.push_back("not well-formed XML");
  } else {
    xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(validator, &collect, &errors);
    const int result = xmlSchemaValidateDoc(validator, doc);
    if (result != 0 && errors.empty()) errors.push_back("invalid, code " + std::to_string(result));
    xmlSchemaFreeValidCtxt(validator);
    xmlFreeDoc(doc);
  }
  xmlSchemaFree(schema);
  return errors;
}

std::string test_name(std::string version) {
  for (char& c : version) c = c == '.' ? '_' : c;
  return version;
}

std::int64_t cents(std::string_view decimal) {
  const auto dot = decimal.find('.');
  // Exactly two decimals: that is what our files promise, so anything else fails here.
  if (dot == std::string_view::npos || decimal.size() - dot != 3 || dot == 0) {
    ADD_FAILURE() << "\"" << decimal << "\" does not have exactly two decimals";
    return 0;
  }
  std::int64_t value = 0;
  for (const char c : decimal) {
    if (c == '.') continue;
    if (c < '0' || c > '9') {
      ADD_FAILURE() << "\"" << decimal << "\" is not a plain decimal";
      return 0;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

XPathDoc::XPathDoc(std::string_view xml) {
  doc_ = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "written.xml", nullptr,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc_ == nullptr) {
    ADD_FAILURE() << "not well-formed XML";
    return;
  }
  context_ = xmlXPathNewContext(doc_);
  const xmlNode* root = xmlDocGetRootElement(doc_);
  xmlXPathRegisterNs(context_, reinterpret_cast<const xmlChar*>("p"), root->ns->href);
}

XPathDoc::~XPathDoc() {
  if (context_ != nullptr) xmlXPathFreeContext(context_);
  if (doc_ != nullptr) xmlFreeDoc(doc_);
}

std::vector<std::string> XPathDoc::texts(const std::string& expression) const {
  std::vector<std::string> found;
  if (context_ == nullptr) return found;
  xmlXPathObjectPtr result =
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expression.c_str()), context_);
  if (result == nullptr) {
    ADD_FAILURE() << "bad XPath " << expression;
    return found;
  }
  if (result->nodesetval != nullptr) {
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* content = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      found.emplace_back(reinterpret_cast<const char*>(content));
      xmlFree(content);
    }
  }
  xmlXPathFreeObject(result);
  return found;
}

std::string XPathDoc::text(const std::string& expression) const {
  const auto found = texts(expression);
  if (found.size() != 1) {
    ADD_FAILURE() << expression << " selects " << found.size() << " nodes, not 1";
    return "";
  }
  return found.front();
}

std::size_t XPathDoc::count(const std::string& expression) const {
  return texts(expression).size();
}

}  // namespace caisse::adapters::sepa::testing
