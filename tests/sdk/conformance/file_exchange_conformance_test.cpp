// The kit on adapters/file_exchange, a file adapter: there is no HTTP peer, its "backend" is the
// currency operator, who reads credits.csv, credits each line it finds there (so a line written
// twice is credited twice) and drops a confirmation file in the inbox.
#include <caisse/testing/currency_conformance.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using caisse::testing::CurrencyConformanceTarget;
using caisse::testing::ScratchDir;

// The currency operator on the other side of the files.
class CurrencyOperator {
 public:
  CurrencyOperator(fs::path credit_file, fs::path inbox, std::string closed_household)
      : credit_file_(std::move(credit_file)),
        inbox_(std::move(inbox)),
        closed_(std::move(closed_household)) {}

  // Reads the lines added to the credit file since last time (complete ones only), credits each
  // (or rejects the closed household's) and confirms them in a new file in the inbox.
  void settle() {
    std::vector<std::string> rows = complete_lines();
    if (rows.size() <= rows_done_) return;
    std::string confirmation = "operation_id;status;reference;message\n";
    for (std::size_t i = std::max<std::size_t>(rows_done_, 1); i < rows.size(); ++i) {
      const std::vector<std::string> fields = split(rows[i]);
      if (fields.size() != 5) throw std::runtime_error("credit file row: " + rows[i]);
      if (fields[1] == closed_) {
        confirmation += fields[0] + ";REJECTED;;account closed\n";
      } else {
        ++credited_[fields[0]];
        confirmation += fields[0] + ";OK;MNK-" + std::to_string(i) + ";\n";
      }
    }
    rows_done_ = rows.size();
    write(inbox_ / ("confirmation-" + std::to_string(++files_) + ".csv"), confirmation);
  }

  std::size_t credited(std::string_view operation_id) const {
    auto found = credited_.find(std::string(operation_id));
    return found == credited_.end() ? 0 : found->second;
  }

  // Confirmations of other caisses' lines, in a file of their own.
  void add_noise(std::size_t count) {
    std::string text = "operation_id;status;reference;message\n";
    for (std::size_t i = 0; i < count; ++i) {
      text += "alloc/other-caisse/2026-10/N-" + std::to_string(noise_++) + ";OK;N-REF;\n";
    }
    write(inbox_ / ("other-caisse-" + std::to_string(++files_) + ".csv"), text);
  }

 private:
  std::vector<std::string> complete_lines() const {
    std::ifstream in(credit_file_, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
      lines.push_back(text.substr(start, end - start));
    }
    return lines;
  }

  static std::vector<std::string> split(const std::string& row) {
    std::vector<std::string> fields(1);
    for (char c : row) {
      if (c == ';') {
        fields.emplace_back();
      } else {
        fields.back() += c;
      }
    }
    return fields;
  }

  static void write(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
  }

  fs::path credit_file_;
  fs::path inbox_;
  std::string closed_;
  std::size_t rows_done_ = 0;
  std::size_t files_ = 0;
  std::size_t noise_ = 0;
  std::map<std::string, std::size_t> credited_;
};

CurrencyConformanceTarget file_exchange() {
  auto dir = std::make_shared<ScratchDir>();
  const fs::path outbox = dir->path() / "outbox";
  const fs::path inbox = dir->path() / "inbox";
  fs::create_directories(outbox);
  fs::create_directories(inbox);
  auto currency_operator =
      std::make_shared<CurrencyOperator>(outbox / "credits.csv", inbox, "H-CLOSED");

  CurrencyConformanceTarget target;
  target.plugin_path = FILE_EXCHANGE_SO;
  target.config = {{"outbox_dir", outbox.string()}, {"inbox_dir", inbox.string()}};
  // The lambdas keep the folders alive as long as the target.
  target.effects = [currency_operator, dir](std::string_view operation_id) {
    return currency_operator->credited(operation_id);
  };
  target.settle_pending = [currency_operator] { currency_operator->settle(); };
  target.add_noise = [currency_operator](std::size_t count) {
    currency_operator->add_noise(count);
  };
  target.declined_household = "H-CLOSED";
  target.currency = "MNK";
  return target;
}

}  // namespace

CAISSE_CURRENCY_CONFORMANCE(FileExchange, file_exchange)
