// Tables caissed writes: CSV with the mapping's separator, BOM and line ends, and XLSX that is a
// valid zip whose sheet holds the expected cells. Both replace the file atomically.
#include "file_exchange_kit/table_writer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kit_test_support.hpp"
#include "xlsx_cells.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Table kTable{{"Référence", "Montant", "Libellé"},
                   {{"alloc/x/2026-11/H-1", "100,00", "Allocation; novembre"},
                    {"alloc/x/2026-11/H-2", "50,00", "dit \"bio\""}}};

class TableWriterTest : public ::testing::Test {
 protected:
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir_.path())) {
      names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  caisse::testing::TempDir dir_;
};

TEST_F(TableWriterTest, CsvFollowsTheMappingsDialect) {
  TableFormat format;
  format.separator = ';';
  format.bom = true;
  format.line_end = "\r\n";
  const auto path = dir_.path() / "credits.csv";
  write_table(path, format, kTable, 0);
  EXPECT_EQ(testing::read_file(path),
            "\xEF\xBB\xBFRéférence;Montant;Libellé\r\n"
            "alloc/x/2026-11/H-1;100,00;\"Allocation; novembre\"\r\n"
            "alloc/x/2026-11/H-2;50,00;\"dit \"\"bio\"\"\"\r\n");
  format.bom = false;
  format.header = false;
  format.separator = ',';
  format.line_end = "\n";
  write_table(path, format, kTable, 0);
  EXPECT_EQ(testing::read_file(path),
            "alloc/x/2026-11/H-1,\"100,00\",Allocation; novembre\n"
            "alloc/x/2026-11/H-2,\"50,00\",\"dit \"\"bio\"\"\"\n");
  EXPECT_THAT(files(), ElementsAre("credits.csv"));  // no temporary file left behind
}

TEST_F(TableWriterTest, XlsxIsAZipWithTheSheetAndItsCells) {
  TableFormat format;
  format.format = FileFormat::xlsx;
  format.sheet = "Commande";
  const auto path = dir_.path() / "order.xlsx";
  write_table(path, format, kTable, 1'793'000'000'000);
  const auto parts = caisse::testing::unzip_all(path);
  ASSERT_TRUE(parts.contains("[Content_Types].xml"));
  ASSERT_TRUE(parts.contains("xl/workbook.xml"));
  EXPECT_THAT(parts.at("xl/workbook.xml"), HasSubstr("<sheet name=\"Commande\""));
  EXPECT_THAT(parts.at("docProps/core.xml"), HasSubstr("2026-10-26T"));  // the host clock
  EXPECT_THAT(caisse::testing::xlsx_cells(path),
              ElementsAre(ElementsAre("Référence", "Montant", "Libellé"),
                          ElementsAre("alloc/x/2026-11/H-1", "100,00", "Allocation; novembre"),
                          ElementsAre("alloc/x/2026-11/H-2", "50,00", "dit \"bio\"")));
  EXPECT_THAT(files(), ElementsAre("order.xlsx"));
}

TEST_F(TableWriterTest, AFailedWriteLeavesNoFileAndNamesIt) {
  TableFormat format;
  const auto path = dir_.path() / "missing-folder" / "credits.csv";
  try {
    write_table(path, format, kTable, 0);
    FAIL() << "no error";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("credits.csv: cannot create a temporary file"));
  }
  EXPECT_TRUE(files().empty());
}

}  // namespace
}  // namespace caisse::adapters::file_exchange_kit
