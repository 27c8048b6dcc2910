// The little of libxml2 the camt reader needs: a document parsed from memory (no network, no
// entity expansion, errors as messages with the line), and element lookups by local name.
// ISO 20022 messages use one default namespace, checked once on the root, so children are
// matched by local name.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::adapters::camt {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses `content`. Throws caisse::sdk::StatusError(INVALID_ARGUMENT) "file:LINE: not
// well-formed XML: <libxml2's reason>".
XmlDoc parse_xml(std::string_view file_name, std::string_view content);

std::string_view local_name(const xmlNode* node);

// The first child element named `name`, or nullptr.
const xmlNode* child(const xmlNode* node, std::string_view name);
// The child element at the end of a path of names ("Refs/EndToEndId"), or nullptr.
const xmlNode* descendant(const xmlNode* node, std::string_view path);
// Every child element named `name`, in document order.
std::vector<const xmlNode*> children(const xmlNode* node, std::string_view name);

// The element's text without surrounding white space; "" for nullptr.
std::string text(const xmlNode* node);
// text(descendant(node, path))
std::string text_at(const xmlNode* node, std::string_view path);

int line_of(const xmlNode* node);

}  // namespace caisse::adapters::camt
