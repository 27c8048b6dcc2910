// file_exchange: a CURRENCY adapter for backends reached by files rather than an API. This is how
// Nantes works with Moneko today: the caisse validates a file of amounts to credit, the currency
// operator credits the accounts once the funds have arrived, and says which lines it credited.
//
// credit() appends the approved lines to the credit file in `outbox_dir` and answers PENDING;
// status() answers SUCCEEDED or DECLINED once a confirmation file in `inbox_dir` says so,
// PENDING while the line waits in the credit file, and NOT_SENT for a line that never reached
// the file (so the host may send it again). The host's janitor calls status(); importing a
// confirmation file is dropping it in the inbox.
#include <caisse/sdk.hpp>

#include <array>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "credit_file.hpp"
#include "file_exchange_kit/confirmation_inbox.hpp"

namespace {

using caisse::adapters::file_exchange::CreditFile;
namespace kit = caisse::adapters::file_exchange_kit;
namespace sdk = caisse::sdk;

// The confirmation format of this adapter, fixed (the moneko, upcoop and kohinos adapters read
// theirs from a TOML mapping): operation_id;status;reference;message, status OK or REJECTED.
kit::ConfirmationMapping confirmation_format() {
  kit::ConfirmationMapping format;
  format.operation_id = "operation_id";
  format.status = "status";
  format.reference = "reference";
  format.message = "message";
  format.credited = {"OK"};
  format.rejected = {"REJECTED"};
  return format;
}

constexpr std::array file_exchange_config{
    sdk::field::required(
        sdk::field::string("outbox_dir", nullptr, "Folder where the credit file is written.")),
    sdk::field::required(sdk::field::string(
        "inbox_dir", nullptr, "Folder where the operator drops confirmation files (*.csv).")),
    sdk::field::string("credit_file", "credits.csv", "Name of the credit file in outbox_dir."),
    sdk::field::integer("minor_unit", "2", "Decimals of the currency, for the amount column."),
};

std::filesystem::path existing_dir(const sdk::Host& host, const char* key) {
  std::filesystem::path dir = host.config<std::string>(key);
  if (!std::filesystem::is_directory(dir)) {
    throw sdk::ConfigError(std::string(key) + " \"" + dir.string() + "\" is not a folder");
  }
  return dir;
}

class FileExchange {
 public:
  explicit FileExchange(sdk::Host host)
      : host_(host),
        credit_file_(existing_dir(host, "outbox_dir") / host.config<std::string>("credit_file"),
                     checked_minor_unit(host.config<std::int64_t>("minor_unit"))),
        inbox_(existing_dir(host, "inbox_dir"), confirmation_format()) {}

  std::vector<sdk::OperationResult> credit(std::span<const sdk::CreditLine> lines) {
    std::size_t appended = credit_file_.append(lines);
    host_.metric_add("lines_written", static_cast<std::int64_t>(appended));
    std::vector<sdk::OperationResult> results;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      results.push_back({sdk::Outcome::pending, std::string(),
                         "in " + credit_file_.path().filename().string() +
                             ", waiting for the operator's confirmation"});
    }
    return results;
  }

  sdk::OperationResult status(std::string_view operation_id) {
    try {
      if (auto confirmed = inbox_.find(operation_id)) {
        return {confirmed->credited ? sdk::Outcome::succeeded : sdk::Outcome::declined,
                confirmed->reference,
                confirmed->message.empty() ? confirmed->source : confirmed->message};
      }
      if (credit_file_.contains(operation_id)) {
        return {sdk::Outcome::pending, std::string(), "waiting for the operator's confirmation"};
      }
      return {sdk::Outcome::not_sent, std::string(), "not in the credit file"};
    } catch (const std::runtime_error& e) {
      // A malformed file is the operator's to fix; until then the line keeps its status.
      throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, e.what());
    }
  }

 private:
  static int checked_minor_unit(std::int64_t value) {
    if (value < 0 || value > 4) throw sdk::ConfigError("minor_unit must be 0 to 4");
    return static_cast<int>(value);
  }

  sdk::Host host_;
  CreditFile credit_file_;
  kit::ConfirmationInbox inbox_;
};

}  // namespace

CAISSE_PLUGIN(FileExchange, "file_exchange", "1.0.0",
              "Currency by file exchange: writes the credit file, reads confirmation files.",
              file_exchange_config)
