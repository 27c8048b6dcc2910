// journal_currency: a test peer standing for a currency backend that does NOT deduplicate: every
// credit it receives is applied, and written as one line "operation_id;household_id;amount" to
// its journal file (appended and fsync'd before it answers, as a backend commits before
// replying). Sending a line twice credits the household twice, so a host that resends blindly
// shows up in the journal. status() answers from the journal: SUCCEEDED when the operation is
// there, NOT_SENT when the backend never received it, which is what the host needs to decide,
// after a crash, whether a line may be sent again.
//
// `delay_ms` slows every credit down so that a crash test's SIGKILL lands in mid-dispatch.
#include <caisse/sdk.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <fstream>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

constexpr std::array journal_config{
    caisse::sdk::field::required(
        caisse::sdk::field::string("journal", nullptr, "File the credits are appended to.")),
    caisse::sdk::field::integer("delay_ms", "0", "Milliseconds each credit takes."),
};

class JournalCurrency {
 public:
  explicit JournalCurrency(caisse::sdk::Host host)
      : journal_(host.config<std::string>("journal")),
        delay_(host.config<std::int64_t>("delay_ms")) {
    fd_ = ::open(journal_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) throw caisse::sdk::ConfigError("cannot open journal " + journal_);
  }
  ~JournalCurrency() { ::close(fd_); }
  JournalCurrency(const JournalCurrency&) = delete;
  JournalCurrency& operator=(const JournalCurrency&) = delete;

  std::vector<caisse::sdk::OperationResult> credit(std::span<const caisse::sdk::CreditLine> lines) {
    std::vector<caisse::sdk::OperationResult> results;
    for (const caisse::sdk::CreditLine& line : lines) {
      std::this_thread::sleep_for(delay_);
      std::string entry = std::string(line.operation_id) + ";" + std::string(line.household_id) +
                          ";" + std::to_string(line.amount.minor) + "\n";
      if (::write(fd_, entry.data(), entry.size()) != static_cast<ssize_t>(entry.size()) ||
          ::fsync(fd_) != 0) {
        throw caisse::sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, "journal write failed");
      }
      results.push_back(
          {caisse::sdk::Outcome::succeeded, "J-" + std::string(line.operation_id), std::string()});
    }
    return results;
  }

  caisse::sdk::OperationResult status(std::string_view operation_id) {
    std::ifstream in(journal_);
    std::string entry;
    while (std::getline(in, entry)) {
      if (entry.compare(0, entry.find(';'), operation_id) == 0) {
        return {caisse::sdk::Outcome::succeeded, "J-" + std::string(operation_id), std::string()};
      }
    }
    return {caisse::sdk::Outcome::not_sent, std::string(), "never received"};
  }

 private:
  std::string journal_;
  std::chrono::milliseconds delay_;
  int fd_ = -1;
};

}  // namespace

CAISSE_PLUGIN(JournalCurrency, "journal_currency", "0.0.1",
              "Test peer: a currency backend that applies every credit it receives, once per "
              "call, journaled to a file.",
              journal_config)
