// What the SEPA tests check written files with, independently of the adapter's own code: the
// official XSDs through libxml2's validator, XPath queries, and a decimal reader of their own.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct _xmlDoc;
struct _xmlXPathContext;

namespace caisse::adapters::sepa::testing {

// ${CAISSE_SHARED_DIR}/reference, or nullopt when the folder is absent (tests then GTEST_SKIP).
std::optional<std::filesystem::path> reference_dir();

std::string read_file(const std::filesystem::path& path);

// The file's schema violations, as libxml2 words them ("Element 'X': ..."), empty when valid.
std::vector<std::string> xsd_errors(const std::filesystem::path& xsd, std::string_view xml);

// The four schema versions the writers produce.
inline constexpr const char* kPainVersions[] = {"pain.008.001.02", "pain.008.001.08",
                                                "pain.001.001.03", "pain.001.001.09"};
// "pain.008.001.02" -> "pain_008_001_02": a name GoogleTest accepts for a parameter.
std::string test_name(std::string version);

// "12.34" -> 1234, computed digit by digit here; fails the test (and returns 0) for anything else.
std::int64_t cents(std::string_view decimal);

// A parsed document with XPath queries; prefix "p" is bound to the document element's namespace.
class XPathDoc {
 public:
  explicit XPathDoc(std::string_view xml);
  ~XPathDoc();
  XPathDoc(const XPathDoc&) = delete;
  XPathDoc& operator=(const XPathDoc&) = delete;

  // The text of every node `expression` selects, in document order.
  std::vector<std::string> texts(const std::string& expression) const;
  // The text of the only node it selects (fails the test otherwise).
  std::string text(const std::string& expression) const;
  // count(expression).
  std::size_t count(const std::string& expression) const;

 private:
  _xmlDoc* doc_ = nullptr;
  _xmlXPathContext* context_ = nullptr;
};

}  // namespace caisse::adapters::sepa::testing
