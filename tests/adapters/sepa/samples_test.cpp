// The reference samples (php-sepa-xml fixtures in shared/reference/samples/pain) must pass the
// same XSD check as our files: a check of the checker. And our files must have the samples'
// element structure, minus what the samples add that we leave out (addresses, UETR, RmtInf/Strd).
#include <gtest/gtest.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <set>

#include "pain001_writer.hpp"
#include "pain008_writer.hpp"
#include "sample_orders.hpp"
#include "xml_checks.hpp"

namespace caisse::adapters::sepa {
namespace {

// Every element path in the document ("Document/CstmrDrctDbtInitn/GrpHdr/MsgId"), deduplicated.
void collect_paths(const xmlNode* node, const std::string& parent, std::set<std::string>& out) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string path = parent + "/" + reinterpret_cast<const char*>(node->name);
    out.insert(path);
    collect_paths(node->children, path, out);
  }
}

std::set<std::string> element_paths(const std::string& xml) {
  std::set<std::string> out;
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "x.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR);
  if (doc == nullptr) return out;
  collect_paths(xmlDocGetRootElement(doc), "", out);
  xmlFreeDoc(doc);
  return out;
}

// The paths of the sample that our writer leaves out on purpose.
bool left_out_on_purpose(const std::string& path) {
  for (const char* skipped : {"/PstlAdr", "/UETR", "/RmtInf/Strd", "/DbtrAcct/Ccy"}) {
    if (path.find(skipped) != std::string::npos) return true;
  }
  return false;
}

class Samples : public ::testing::TestWithParam<const char*> {};

TEST_P(Samples, TheSampleValidatesAndOurOutputHasItsStructure) {
  const auto reference = testing::reference_dir();
  if (!reference) GTEST_SKIP() << "CAISSE_SHARED_DIR/reference is absent: no samples";
  const std::string version = GetParam();
  const std::string sample =
      testing::read_file(*reference / "samples" / "pain" / (version + ".xml"));
  ASSERT_FALSE(sample.empty());
  const auto xsd = *reference / "xsd" / (version + ".xsd");
  EXPECT_EQ(testing::xsd_errors(xsd, sample), std::vector<std::string>{});

  std::string ours;
  const ByteSink sink = [&](std::string_view piece) { ours += piece; };
  if (const auto debit_version = parse_pain008_version(version)) {
    const auto month = testing::sample_month(6);
    write_pain008(testing::test_caisse(), *debit_version, month.file(), sink);
  } else {
    const auto run = testing::sample_payouts(6);
    write_pain001(testing::test_caisse(), *parse_pain001_version(version), run.file(), sink);
  }
  const auto our_paths = element_paths(ours);
  for (const std::string& path : element_paths(sample)) {
    if (left_out_on_purpose(path)) continue;
    EXPECT_TRUE(our_paths.count(path)) << path << " is in the sample but not in our file";
  }
}

INSTANTIATE_TEST_SUITE_P(Pain, Samples, ::testing::ValuesIn(testing::kPainVersions),
                         [](const auto& info) { return testing::test_name(info.param); });

// A sanity check of the sanity check: a sample broken on purpose is refused.
TEST(Samples, ABrokenSampleIsRefused) {
  const auto reference = testing::reference_dir();
  if (!reference) GTEST_SKIP() << "CAISSE_SHARED_DIR/reference is absent: no samples";
  std::string sample = testing::read_file(*reference / "samples" / "pain" / "pain.008.001.02.xml");
  const auto at = sample.find("<PmtMtd>DD</PmtMtd>");
  ASSERT_NE(at, std::string::npos);
  sample.replace(at, 19, "<PmtMtd>XX</PmtMtd>");
  EXPECT_FALSE(testing::xsd_errors(*reference / "xsd" / "pain.008.001.02.xsd", sample).empty());
}

}  // namespace
}  // namespace caisse::adapters::sepa
