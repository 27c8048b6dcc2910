#include "xml_stream.hpp"

namespace caisse::adapters::sepa {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

XmlStream::XmlStream(const ByteSink& sink) : sink_(sink) {
  buffer_.reserve(kChunk + 1024);
  buffer_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
}

void XmlStream::open(std::string_view name) {
  open(name, {}, {});
}

void XmlStream::open(std::string_view name, std::string_view attribute, std::string_view value) {
  start_tag(name, attribute, value);
  buffer_ += '>';
  open_.push_back(name);
}

void XmlStream::leaf(std::string_view name, std::string_view text) {
  leaf(name, {}, {}, text);
}

void XmlStream::leaf(std::string_view name, std::string_view attribute, std::string_view value,
                     std::string_view text) {
  start_tag(name, attribute, value);
  buffer_ += '>';
  escaped(text);
  buffer_ += "</";
  buffer_ += name;
  buffer_ += '>';
  flush_when_full();
}

void XmlStream::close() {
  const std::string_view name = open_.back();
  open_.pop_back();
  line_start();
  buffer_ += "</";
  buffer_ += name;
  buffer_ += '>';
  flush_when_full();
}

void XmlStream::finish() {
  while (!open_.empty()) close();
  buffer_ += '\n';
  sink_(buffer_);
  buffer_.clear();
}

void XmlStream::start_tag(std::string_view name, std::string_view attribute,
                          std::string_view value) {
  line_start();
  buffer_ += '<';
  buffer_ += name;
  if (!attribute.empty()) {
    buffer_ += ' ';
    buffer_ += attribute;
    buffer_ += "=\"";
    escaped(value);
    buffer_ += '"';
  }
}

void XmlStream::escaped(std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&':
        buffer_ += "&amp;";
        break;
      case '<':
        buffer_ += "&lt;";
        break;
      case '>':
        buffer_ += "&gt;";
        break;
      case '"':
        buffer_ += "&quot;";
        break;
      default:
        buffer_ += c;
    }
  }
}

// Two spaces per level: a person opening the file in an editor can read it.
void XmlStream::line_start() {
  buffer_ += '\n';
  buffer_.append(2 * open_.size(), ' ');
}

void XmlStream::flush_when_full() {
  if (buffer_.size() < kChunk) return;
  sink_(buffer_);
  buffer_.clear();
}

}  // namespace caisse::adapters::sepa
