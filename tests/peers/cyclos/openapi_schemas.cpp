#include "openapi_schemas.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/json.hpp>

namespace caisse::testing::cyclos::spec {

namespace {

struct Line {
  int indent = 0;
  std::string text;  // without the indentation and trailing spaces
};

// Whether `text`, from `from`, holds the closing `quote` of a scalar ('' escapes ', \" escapes ").
bool closes(std::string_view text, std::size_t from, char quote) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
      continue;
    }
    if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return true;
    }
  }
  return false;
}

// The file's lines without blanks, comments, and the continuation lines of quoted scalars that
// span several lines (their text may start at any column).
std::vector<Line> read_lines(std::istream& in) {
  std::vector<Line> out;
  std::string raw;
  char open_quote = 0;
  while (std::getline(in, raw)) {
    while (!raw.empty() && (raw.back() == '\r' || raw.back() == ' ')) raw.pop_back();
    if (open_quote != 0) {
      if (closes(raw, 0, open_quote)) open_quote = 0;
      continue;
    }
    std::size_t indent = raw.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    std::string text = raw.substr(indent);
    if (text[0] == '#') continue;
    // key: "value that goes on
    std::size_t colon = text.find(": ");
    if (colon != std::string::npos) {
      std::size_t value = text.find_first_not_of(' ', colon + 1);
      if (value != std::string::npos && (text[value] == '"' || text[value] == '\'') &&
          !closes(text, value + 1, text[value])) {
        open_quote = text[value];
      }
    }
    out.push_back(Line{static_cast<int>(indent), std::move(text)});
  }
  return out;
}

std::string key_of(const std::string& text) {
  auto colon = text.find(':');
  std::string key = colon == std::string::npos ? text : text.substr(0, colon);
  if (key.size() >= 2 && (key.front() == '\'' || key.front() == '"'))
    key = key.substr(1, key.size() - 2);
  return key;
}

std::string value_of(const std::string& text) {
  auto colon = text.find(':');
  if (colon == std::string::npos) return {};
  std::string value = text.substr(colon + 1);
  value.erase(0, value.find_first_not_of(' '));
  if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"')) {
    value = value.substr(1, value.size() - 2);
  }
  return value;
}

std::string ref_name(const std::string& value) {
  auto slash = value.rfind('/');
  return slash == std::string::npos ? value : value.substr(slash + 1);
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The end (exclusive) of the block opened by the key at `i` (indent b): the next line that is
// less indented, or as indented and not a "- " sequence item.
std::size_t block_end(const std::vector<Line>& lines, std::size_t i, std::size_t limit) {
  int b = lines[i].indent;
  std::size_t j = i + 1;
  while (j < limit &&
         (lines[j].indent > b || (lines[j].indent == b && starts_with(lines[j].text, "- ")))) {
    ++j;
  }
  return j;
}

// The "- x" items of a sequence block.
std::vector<std::string> sequence(const std::vector<Line>& lines, std::size_t from,
                                  std::size_t to) {
  std::vector<std::string> out;
  if (from >= to) return out;
  int d = lines[from].indent;
  for (std::size_t k = from; k < to; ++k) {
    if (lines[k].indent == d && starts_with(lines[k].text, "- ")) {
      std::string item = lines[k].text.substr(2);
      if (item.size() >= 2 && (item.front() == '\'' || item.front() == '"')) {
        item = item.substr(1, item.size() - 2);
      }
      out.push_back(item);
    }
  }
  return out;
}

// The first `type:` and `$ref:` directly inside the block [from, to).
void type_and_ref(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                  std::string& type, std::string& ref) {
  if (from >= to) return;
  int d = lines[from].indent;
  for (std::size_t k = from; k < to; ++k) {
    if (lines[k].indent != d) continue;
    std::string text = starts_with(lines[k].text, "- ") ? lines[k].text.substr(2) : lines[k].text;
    if (key_of(text) == "type" && type.empty()) type = value_of(text);
    if (key_of(text) == "$ref" && ref.empty()) ref = ref_name(value_of(text));
  }
}

Property parse_property(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  Property p;
  if (from >= to) return p;
  int d = lines[from].indent;
  for (std::size_t k = from; k < to; ++k) {
    if (lines[k].indent != d) continue;
    std::string key = key_of(lines[k].text);
    std::size_t end = block_end(lines, k, to);
    if (key == "type") {
      p.type = value_of(lines[k].text);
    } else if (key == "format") {
      p.format = value_of(lines[k].text);
    } else if (key == "$ref") {
      p.ref = ref_name(value_of(lines[k].text));
    } else if (key == "allOf") {
      for (const auto& item : sequence(lines, k + 1, end)) {
        if (key_of(item) == "$ref" && p.ref.empty()) p.ref = ref_name(value_of(item));
      }
    } else if (key == "items") {
      type_and_ref(lines, k + 1, end, p.items_type, p.items_ref);
    } else if (key == "additionalProperties") {
      p.map = true;
      type_and_ref(lines, k + 1, end, p.map_type, p.map_ref);
    }
  }
  return p;
}

// The keys of a schema body at indent lines[from].indent, into `s`.
void parse_body(std::vector<Line>& lines, std::size_t from, std::size_t to, Schema& s) {
  if (from >= to) return;
  int b = lines[from].indent;
  for (std::size_t i = from; i < to; ++i) {
    if (lines[i].indent != b || starts_with(lines[i].text, "- ")) continue;
    std::string key = key_of(lines[i].text);
    std::size_t end = block_end(lines, i, to);
    if (key == "type") {
      s.type = value_of(lines[i].text);
    } else if (key == "enum") {
      s.enum_values = sequence(lines, i + 1, end);
    } else if (key == "required") {
      auto names = sequence(lines, i + 1, end);
      s.required.insert(s.required.end(), names.begin(), names.end());
    } else if (key == "properties" && i + 1 < end) {
      int p = lines[i + 1].indent;
      for (std::size_t k = i + 1; k < end; ++k) {
        if (lines[k].indent != p) continue;
        std::size_t property_end = block_end(lines, k, end);
        s.properties[key_of(lines[k].text)] = parse_property(lines, k + 1, property_end);
      }
    } else if (key == "allOf" && i + 1 < end) {
      int d = lines[i + 1].indent;
      for (std::size_t k = i + 1; k < end; ++k) {
        if (lines[k].indent != d || !starts_with(lines[k].text, "- ")) continue;
        std::size_t item_end = k + 1;
        while (item_end < end && lines[item_end].indent > d) ++item_end;
        std::string first = lines[k].text.substr(2);
        if (key_of(first) == "$ref") {
          s.parents.push_back(ref_name(value_of(first)));
          continue;
        }
        // "- type: object" and the item's other keys two columns further.
        lines[k].indent = d + 2;
        lines[k].text = first;
        parse_body(lines, k, item_end, s);
      }
    }
  }
}

bool is_scalar_of(const boost::json::value& value, const std::string& type) {
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_int64() || value.is_uint64();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_bool();
  if (type == "array") return value.is_array();
  if (type == "object") return value.is_object();
  return true;  // no type declared
}

}  // namespace

std::optional<OpenApi> OpenApi::load(const std::string& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::vector<Line> lines = read_lines(in);
  OpenApi out;
  std::size_t i = 0;
  // paths: /path (2) -> method (4) -> operationId / responses (6) -> status (8) -> headers (10)
  // -> header names (12)
  while (i < lines.size() && !(lines[i].indent == 0 && lines[i].text == "paths:")) ++i;
  std::string path;
  std::string method;
  std::string status;
  bool in_responses = false;
  bool in_headers = false;
  for (++i; i < lines.size() && lines[i].indent > 0; ++i) {
    const Line& l = lines[i];
    if (l.indent == 2) {
      path = key_of(l.text);
      method.clear();
    } else if (l.indent == 4) {
      std::string key = key_of(l.text);
      bool is_method =
          key == "get" || key == "post" || key == "put" || key == "delete" || key == "patch";
      method = is_method ? key : std::string();
      if (is_method) out.paths_[path][method] = Operation{};
      in_responses = false;
    } else if (!method.empty() && l.indent == 6) {
      std::string key = key_of(l.text);
      in_responses = key == "responses";
      if (key == "operationId") out.paths_[path][method].operation_id = value_of(l.text);
    } else if (!method.empty() && in_responses && l.indent == 8) {
      status = key_of(l.text);
      out.paths_[path][method].responses[status];
      in_headers = false;
    } else if (!method.empty() && in_responses && l.indent == 10) {
      in_headers = key_of(l.text) == "headers";
    } else if (!method.empty() && in_responses && in_headers && l.indent == 12) {
      out.paths_[path][method].responses[status].push_back(key_of(l.text));
    }
  }
  // components: schemas: (2) -> Name (4) -> body (6)
  while (i < lines.size() && !(lines[i].indent == 2 && lines[i].text == "schemas:")) ++i;
  for (++i; i < lines.size() && lines[i].indent >= 4; ++i) {
    if (lines[i].indent != 4) continue;
    std::string name = key_of(lines[i].text);
    std::size_t end = i + 1;
    while (end < lines.size() && lines[end].indent > 4) ++end;
    Schema s;
    parse_body(lines, i + 1, end, s);
    out.schemas_[name] = std::move(s);
    i = end - 1;
  }
  if (out.schemas_.empty() || out.paths_.empty()) return std::nullopt;
  return out;
}

const Schema* OpenApi::schema(std::string_view name) const {
  auto it = schemas_.find(name);
  return it == schemas_.end() ? nullptr : &it->second;
}

std::map<std::string, Property> OpenApi::properties(std::string_view name) const {
  std::map<std::string, Property> out;
  const Schema* s = schema(name);
  if (s == nullptr) return out;
  for (const auto& parent : s->parents) {
    for (auto& [key, p] : properties(parent)) out.emplace(key, p);
  }
  for (const auto& [key, p] : s->properties) out[key] = p;
  return out;
}

std::vector<std::string> OpenApi::required(std::string_view name) const {
  std::vector<std::string> out;
  const Schema* s = schema(name);
  if (s == nullptr) return out;
  for (const auto& parent : s->parents) {
    auto inherited = required(parent);
    out.insert(out.end(), inherited.begin(), inherited.end());
  }
  out.insert(out.end(), s->required.begin(), s->required.end());
  return out;
}

const Operation* OpenApi::operation(std::string_view path, std::string_view method) const {
  auto p = paths_.find(path);
  if (p == paths_.end()) return nullptr;
  auto m = p->second.find(std::string(method));
  return m == p->second.end() ? nullptr : &m->second;
}

std::vector<std::string> OpenApi::check(const boost::json::value& value,
                                        std::string_view name) const {
  std::vector<std::string> problems;
  check_into(value, name, "$", problems);
  return problems;
}

void OpenApi::check_into(const boost::json::value& value, std::string_view name,
                         const std::string& at, std::vector<std::string>& problems) const {
  const Schema* s = schema(name);
  if (s == nullptr) {
    problems.push_back(at + ": no schema " + std::string(name) + " in the spec");
    return;
  }
  if (!s->enum_values.empty()) {
    if (!value.is_string() || std::find(s->enum_values.begin(), s->enum_values.end(),
                                        value.as_string()) == s->enum_values.end()) {
      problems.push_back(at + ": " + boost::json::serialize(value) + " is not a " +
                         std::string(name) + " value");
    }
    return;
  }
  auto props = properties(name);
  if (props.empty() && s->type != "object") {
    if (!is_scalar_of(value, s->type)) {
      problems.push_back(at + ": not of type " + s->type + " (" + std::string(name) + ")");
    }
    return;
  }
  if (!value.is_object()) {
    problems.push_back(at + ": not an object (" + std::string(name) + ")");
    return;
  }
  for (const auto& [key, v] : value.as_object()) {
    std::string here = at + "." + std::string(key);
    auto p = props.find(std::string(key));
    if (p == props.end()) {
      problems.push_back(here + ": " + std::string(name) + " has no property " + std::string(key));
      continue;
    }
    check_property(v, p->second, here, problems);
  }
  for (const auto& key : required(name)) {
    if (!value.as_object().contains(key)) {
      problems.push_back(at + ": required property " + key + " of " + std::string(name) +
                         " is missing");
    }
  }
}

void OpenApi::check_property(const boost::json::value& value, const Property& p,
                             const std::string& at, std::vector<std::string>& problems) const {
  if (!p.ref.empty()) {
    check_into(value, p.ref, at, problems);
    return;
  }
  if (!is_scalar_of(value, p.type)) {
    problems.push_back(at + ": not of type " + p.type);
    return;
  }
  if (p.type == "array") {
    std::size_t index = 0;
    for (const auto& item : value.as_array()) {
      std::string here = at + "[" + std::to_string(index++) + "]";
      if (!p.items_ref.empty()) {
        check_into(item, p.items_ref, here, problems);
      } else if (!is_scalar_of(item, p.items_type)) {
        problems.push_back(here + ": not of type " + p.items_type);
      }
    }
  } else if (p.map && value.is_object()) {
    for (const auto& [key, item] : value.as_object()) {
      std::string here = at + "." + std::string(key);
      if (!p.map_ref.empty()) {
        check_into(item, p.map_ref, here, problems);
      } else if (!is_scalar_of(item, p.map_type)) {
        problems.push_back(here + ": not of type " + p.map_type);
      }
    }
  }
}

}  // namespace caisse::testing::cyclos::spec
