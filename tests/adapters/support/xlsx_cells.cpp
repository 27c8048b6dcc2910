#include "xlsx_cells.hpp"

#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace caisse::testing {
namespace {

std::uint32_t le(const std::string& data, std::size_t at, int bytes) {
  if (at + static_cast<std::size_t>(bytes) > data.size()) {
    throw std::runtime_error("zip: truncated structure");
  }
  std::uint32_t value = 0;
  for (int i = bytes - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
  }
  return value;
}

std::string inflate_raw(const std::string& in, std::size_t expected) {
  std::string out(expected, '\0');
  z_stream z{};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw std::runtime_error("zip: inflateInit2");
  const int status = inflate(&z, Z_FINISH);
  inflateEnd(&z);
  if (status != Z_STREAM_END || z.total_out != expected) {
    throw std::runtime_error("zip: a part does not inflate to its size");
  }
  return out;
}

std::string decode_xml(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const std::size_t end = text.find(';', i);
    const std::string_view entity = text.substr(i + 1, end - i - 1);
    if (entity == "amp")
      out += '&';
    else if (entity == "lt")
      out += '<';
    else if (entity == "gt")
      out += '>';
    else if (entity == "quot")
      out += '"';
    else if (entity == "apos")
      out += '\'';
    else
      throw std::runtime_error("xml: unexpected entity &" + std::string(entity) + ";");
    i = end;
  }
  return out;
}

// The text of every <tag ...>text</tag> inside `xml`, concatenated (rich text runs).
std::string texts_of(std::string_view xml) {
  std::string out;
  for (std::size_t at = 0; (at = xml.find("<t", at)) != std::string_view::npos;) {
    const char after = xml[at + 2];
    if (after != '>' && after != ' ') {
      ++at;
      continue;
    }
    const std::size_t open_end = xml.find('>', at);
    const std::size_t close = xml.find("</t>", open_end);
    out += decode_xml(xml.substr(open_end + 1, close - open_end - 1));
    at = close;
  }
  return out;
}

std::vector<std::string> shared_strings(const std::string& xml) {
  std::vector<std::string> out;
  for (std::size_t at = 0; (at = xml.find("<si>", at)) != std::string::npos;) {
    const std::size_t end = xml.find("</si>", at);
    out.push_back(texts_of(std::string_view(xml).substr(at, end - at)));
    at = end;
  }
  return out;
}

std::string attribute(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const std::size_t at = tag.find(key);
  if (at == std::string_view::npos) return "";
  const std::size_t start = at + key.size();
  return std::string(tag.substr(start, tag.find('"', start) - start));
}

}  // namespace

std::map<std::string, std::string> unzip_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  const std::string data = content.str();
  if (data.size() < 22) throw std::runtime_error("zip: too short");
  std::size_t eocd = data.size() - 22;
  while (le(data, eocd, 4) != 0x06054b50) {
    if (eocd == 0) throw std::runtime_error("zip: no end of central directory");
    --eocd;
  }
  const std::uint32_t entries = le(data, eocd + 10, 2);
  std::size_t at = le(data, eocd + 16, 4);
  std::map<std::string, std::string> parts;
  for (std::uint32_t i = 0; i < entries; ++i) {
    if (le(data, at, 4) != 0x02014b50) throw std::runtime_error("zip: bad central directory");
    const std::uint32_t method = le(data, at + 10, 2);
    const std::uint32_t compressed = le(data, at + 20, 4);
    const std::uint32_t size = le(data, at + 24, 4);
    const std::uint32_t name_len = le(data, at + 28, 2);
    const std::uint32_t extra_len = le(data, at + 30, 2);
    const std::uint32_t comment_len = le(data, at + 32, 2);
    const std::uint32_t local = le(data, at + 42, 4);
    const std::string name = data.substr(at + 46, name_len);
    if (le(data, local, 4) != 0x04034b50) throw std::runtime_error("zip: bad local header");
    const std::size_t start = local + 30 + le(data, local + 26, 2) + le(data, local + 28, 2);
    const std::string raw = data.substr(start, compressed);
    if (method == 0) {
      parts[name] = raw;
    } else if (method == 8) {
      parts[name] = inflate_raw(raw, size);
    } else {
      throw std::runtime_error("zip: unexpected compression method " + std::to_string(method));
    }
    at += 46 + name_len + extra_len + comment_len;
  }
  return parts;
}

std::vector<std::vector<std::string>> xlsx_cells(const std::filesystem::path& path) {
  const auto parts = unzip_all(path);
  const auto sheet = parts.find("xl/worksheets/sheet1.xml");
  if (sheet == parts.end()) throw std::runtime_error("xlsx: no xl/worksheets/sheet1.xml");
  const auto strings_part = parts.find("xl/sharedStrings.xml");
  const std::vector<std::string> strings = strings_part == parts.end()
                                               ? std::vector<std::string>{}
                                               : shared_strings(strings_part->second);
  const std::string& xml = sheet->second;
  std::vector<std::vector<std::string>> rows;
  for (std::size_t at = 0; (at = xml.find("<c ", at)) != std::string::npos;) {
    const std::size_t tag_end = xml.find('>', at);
    const std::string_view tag(xml.data() + at, tag_end - at + 1);
    const std::string ref = attribute(tag, "r");
    std::size_t col = 0, letters = 0;
    while (letters < ref.size() && ref[letters] >= 'A' && ref[letters] <= 'Z') {
      col = col * 26 + static_cast<std::size_t>(ref[letters] - 'A' + 1);
      ++letters;
    }
    const std::size_t row = std::stoul(ref.substr(letters));
    std::string value;
    std::size_t next = tag_end + 1;
    if (tag.substr(tag.size() - 2) != "/>") {
      const std::size_t close = xml.find("</c>", tag_end);
      const std::string_view inner(xml.data() + tag_end + 1, close - tag_end - 1);
      const std::string type = attribute(tag, "t");
      if (type == "s") {
        const std::size_t v = inner.find("<v>");
        value =
            strings.at(std::stoul(std::string(inner.substr(v + 3, inner.find("</v>") - v - 3))));
      } else if (type == "inlineStr") {
        value = texts_of(inner);
      } else {
        const std::size_t v = inner.find("<v>");
        value = decode_xml(inner.substr(v + 3, inner.find("</v>") - v - 3));
      }
      next = close;
    }
    if (rows.size() < row) rows.resize(row);
    if (rows[row - 1].size() < col) rows[row - 1].resize(col);
    rows[row - 1][col - 1] = value;
    at = next;
  }
  return rows;
}

}  // namespace caisse::testing
