#include "xml_tree.hpp"

#include <caisse/sdk/host.hpp>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

namespace caisse::adapters::camt {
namespace {

struct ParserCtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

std::string_view trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

XmlDoc parse_xml(std::string_view file_name, std::string_view content) {
  const std::unique_ptr<xmlParserCtxt, ParserCtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) throw std::bad_alloc();
  // NONET and no NOENT: a statement never fetches or expands anything a sender could plant.
  XmlDoc doc(xmlCtxtReadMemory(
      ctxt.get(), content.data(), static_cast<int>(content.size()), std::string(file_name).c_str(),
      nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES));
  if (!doc || !ctxt->wellFormed) {
    const xmlError* error = xmlCtxtGetLastError(ctxt.get());
    std::string reason = error != nullptr && error->message != nullptr
                             ? std::string(trimmed(error->message))
                             : std::string("unreadable");
    const int line = error != nullptr ? error->line : 0;
    throw caisse::sdk::StatusError(
        CAISSE_STATUS_INVALID_ARGUMENT,
        std::string(file_name) + ":" + std::to_string(line) + ": not well-formed XML: " + reason);
  }
  return doc;
}

std::string_view local_name(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->name);
}

const xmlNode* child(const xmlNode* node, std::string_view name) {
  if (node == nullptr) return nullptr;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && local_name(c) == name) return c;
  }
  return nullptr;
}

const xmlNode* descendant(const xmlNode* node, std::string_view path) {
  while (node != nullptr && !path.empty()) {
    const std::size_t slash = path.find('/');
    node = child(node, path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  }
  return node;
}

std::vector<const xmlNode*> children(const xmlNode* node, std::string_view name) {
  std::vector<const xmlNode*> out;
  if (node == nullptr) return out;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && local_name(c) == name) out.push_back(c);
  }
  return out;
}

std::string text(const xmlNode* node) {
  std::string out;
  if (node == nullptr) return out;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      out += reinterpret_cast<const char*>(c->content);
    }
  }
  return std::string(trimmed(out));
}

std::string text_at(const xmlNode* node, std::string_view path) {
  return text(descendant(node, path));
}

int line_of(const xmlNode* node) {
  return static_cast<int>(xmlGetLineNo(node));
}

}  // namespace caisse::adapters::camt
