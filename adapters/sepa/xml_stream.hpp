// A forward-only XML writer: elements go out as they are written, through a byte sink, in pieces
// of about 64 KiB. A pain.008 of 100 000 debits is ~100 MB of XML; building a DOM for it first
// would hold all of it in memory for nothing.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::adapters::sepa {

// Receives the file's bytes, in order, in pieces.
using ByteSink = std::function<void(std::string_view)>;

class XmlStream {
 public:
  // Writes the XML declaration (UTF-8, no byte order mark: SEPA files must not have one).
  explicit XmlStream(const ByteSink& sink);

  // LIFETIME: element and attribute names must outlive the stream (they are string literals).
  void open(std::string_view name);
  void open(std::string_view name, std::string_view attribute, std::string_view value);
  void leaf(std::string_view name, std::string_view text);
  void leaf(std::string_view name, std::string_view attribute, std::string_view value,
            std::string_view text);
  void close();

  // Closes what is still open and hands the rest of the buffer to the sink.
  void finish();

 private:
  void start_tag(std::string_view name, std::string_view attribute, std::string_view value);
  void escaped(std::string_view text);
  void line_start();
  void flush_when_full();

  const ByteSink& sink_;
  std::string buffer_;
  std::vector<std::string_view> open_;
};

}  // namespace caisse::adapters::sepa
