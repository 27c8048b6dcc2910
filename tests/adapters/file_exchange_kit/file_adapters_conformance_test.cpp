// The SDK's conformance kit (caisse/testing/currency_conformance.hpp) on the three adapters built
// on the kit: moneko, upcoop and kohinos. Their "backend" is a currency operator who reads each
// new credit file in the outbox (CSV, or XLSX for Up's order file), credits every row it finds
// (so a line written twice is credited twice), rejects the closed household's, and drops a
// confirmation in the inbox in the adapter's default format. The kit then checks, through
// restarts and a state store that fails, that no line is ever credited twice or left unsettled.
#include <caisse/testing/currency_conformance.hpp>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "file_exchange_kit/csv_reader.hpp"
#include "kit_test_support.hpp"
#include "xlsx_cells.hpp"

namespace {

namespace fs = std::filesystem;
namespace kit = caisse::adapters::file_exchange_kit;
using caisse::testing::CurrencyConformanceTarget;
using caisse::testing::ScratchDir;

// How one system's operator reads a credit file and words its confirmation.
struct OperatorFormat {
  std::string prefix;          // of the credit files' names
  std::size_t id_column = 0;   // the operation id
  std::size_t who_column = 0;  // the household id or card
  std::string closed;          // the value of who_column the operator rejects
  std::string header;          // of the confirmation file
  // One confirmation line: operation id, credited or not, the operator's reference.
  std::function<std::string(const std::string&, bool, const std::string&)> line;
};

class CurrencyOperator {
 public:
  CurrencyOperator(fs::path outbox, fs::path inbox, OperatorFormat format)
      : outbox_(std::move(outbox)), inbox_(std::move(inbox)), format_(std::move(format)) {}

  void settle() {
    std::string confirmation = format_.header + "\n";
    bool any = false;
    for (const auto& entry : fs::directory_iterator(outbox_)) {
      const std::string name = entry.path().filename().string();
      if (!name.starts_with(format_.prefix) || !read_.insert(name).second) continue;
      for (const auto& row : rows(entry.path())) {
        const std::string& id = row.at(format_.id_column);
        const bool credited = row.at(format_.who_column) != format_.closed;
        if (credited) ++credited_[id];
        confirmation += format_.line(id, credited, "REF-" + std::to_string(++references_)) + "\n";
        any = true;
      }
    }
    if (any) write(inbox_ / ("confirmation-" + std::to_string(++files_) + ".csv"), confirmation);
  }

  std::size_t credited(std::string_view operation_id) const {
    auto found = credited_.find(std::string(operation_id));
    return found == credited_.end() ? 0 : found->second;
  }

  void add_noise(std::size_t count) {
    std::string text = format_.header + "\n";
    for (std::size_t i = 0; i < count; ++i) {
      text +=
          format_.line("alloc/other-caisse/2026-10/N-" + std::to_string(noise_++), true, "N-REF") +
          "\n";
    }
    write(inbox_ / ("other-caisse-" + std::to_string(++files_) + ".csv"), text);
  }

 private:
  static std::vector<std::vector<std::string>> rows(const fs::path& path) {
    if (path.extension() == ".xlsx") {
      auto cells = caisse::testing::xlsx_cells(path);
      cells.erase(cells.begin());  // the header
      return cells;
    }
    kit::CsvReader reader(path, kit::CsvDialect{});
    std::vector<std::vector<std::string>> out;
    for (kit::CsvRow row; reader.next(row);) out.push_back(row.fields);
    return out;
  }

  static void write(const fs::path& path, const std::string& text) {
    kit::testing::write_file(path, text);
  }

  fs::path outbox_, inbox_;
  OperatorFormat format_;
  std::set<std::string> read_;
  std::map<std::string, std::size_t> credited_;
  std::size_t files_ = 0, references_ = 0, noise_ = 0;
};

// A target for one adapter: fresh folders, its operator, the config the daemon would pass.
CurrencyConformanceTarget target_for(const std::string& plugin, OperatorFormat format,
                                     caisse::testing::Config config, std::string currency,
                                     std::string accounts = "") {
  auto dir = std::make_shared<ScratchDir>();
  for (const char* sub : {"outbox", "inbox", "imports"}) fs::create_directories(dir->path() / sub);
  if (!accounts.empty()) {
    kit::testing::write_file(dir->path() / "accounts.csv", accounts);
    config["accounts_file"] = (dir->path() / "accounts.csv").string();
  }
  config["outbox_dir"] = (dir->path() / "outbox").string();
  config["inbox_dir"] = (dir->path() / "inbox").string();
  config["import_dir"] = (dir->path() / "imports").string();
  auto op = std::make_shared<CurrencyOperator>(dir->path() / "outbox", dir->path() / "inbox",
                                               std::move(format));
  CurrencyConformanceTarget target;
  target.plugin_path = std::string(CAISSE_PLUGIN_DIR) + "/" + plugin + ".so";
  target.config = std::move(config);
  // The lambdas keep the folders alive as long as the target.
  target.effects = [op, dir](std::string_view id) { return op->credited(id); };
  target.settle_pending = [op] { op->settle(); };
  target.add_noise = [op](std::size_t n) { op->add_noise(n); };
  target.declined_household = "H-CLOSED";
  target.currency = std::move(currency);
  return target;
}

CurrencyConformanceTarget moneko() {
  return target_for(
      "moneko",
      {"moneko-credits", 0, 1, "H-CLOSED", "external_ref;status;transaction_id;comment",
       [](const std::string& id, bool ok, const std::string& ref) {
         return id + (ok ? ";OK;" + ref + ";" : ";KO;;compte clôturé");
       }},
      {}, "MNK");
}

CurrencyConformanceTarget upcoop() {
  std::string cards = "Foyer;Identifiant bénéficiaire\nH-CLOSED;UP-CLOSED\n";
  for (const char* h : {"H-0001", "H-0002", "H-0003"}) {
    cards += std::string(h) + ";UP-" + std::string(h).substr(2) + "\n";
  }
  return target_for("upcoop",
                    {"up-order", 2, 0, "UP-CLOSED", "Référence;Statut;Motif",
                     [](const std::string& id, bool ok, const std::string&) {
                       return id + (ok ? ";Chargé;" : ";Refusé;carte bloquée");
                     }},
                    {}, "EUR", cards);
}

CurrencyConformanceTarget kohinos() {
  return target_for(
      "kohinos",
      {"kohinos-credits", 0, 1, "H-CLOSED", "Référence;Statut;Identifiant;Commentaire",
       [](const std::string& id, bool ok, const std::string& ref) {
         return id + (ok ? ";Validé;" + ref + ";" : ";Refusé;;compte clôturé");
       }},
      {{"currency", std::string("MONA")}}, "MONA");
}

}  // namespace

CAISSE_CURRENCY_CONFORMANCE(Moneko, moneko)
CAISSE_CURRENCY_CONFORMANCE(UpCoop, upcoop)
CAISSE_CURRENCY_CONFORMANCE(Kohinos, kohinos)
