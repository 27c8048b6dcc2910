// sepa: a COLLECTOR and PAYOUT adapter for the caisse's bank. It writes the month's direct debits
// as a pain.008 file, reads the bank's pain.002 status reports into payment events, and writes
// merchant payouts as a pain.001 file. It talks to no one: the operator carries the files to and
// from the bank (EBICS client or web banking). README.md says what each setting means.
#include <caisse/sdk.hpp>

#include <array>
#include <string>

#include "caisse_account.hpp"
#include "pain001_writer.hpp"
#include "pain002_reader.hpp"
#include "pain008_writer.hpp"
#include "pain_versions.hpp"
#include "sepa_errors.hpp"

namespace {

namespace sdk = caisse::sdk;
namespace sepa = caisse::adapters::sepa;

constexpr std::array sepa_config{
    sdk::field::required(sdk::field::string(
        "creditor_name", nullptr, "The caisse's name as its bank knows it (70 characters used).")),
    sdk::field::required(sdk::field::string("creditor_iban", nullptr,
                                            "The caisse's account, debited and credited.")),
    sdk::field::string("creditor_bic", "", "Its bank's BIC; empty: IBAN-only files."),
    sdk::field::string("creditor_id", "",
                       "The SEPA creditor identifier (ICS, FRkkZZZ......); needed for debits."),
    sdk::field::string("pain008_version", "pain.008.001.02",
                       "\"pain.008.001.02\" or \"pain.008.001.08\", as the bank takes."),
    sdk::field::string("pain001_version", "pain.001.001.03",
                       "\"pain.001.001.03\" or \"pain.001.001.09\", as the bank takes."),
    sdk::field::string("local_instrument", "CORE", "\"CORE\" (members) or \"B2B\"."),
    sdk::field::boolean("batch_booking", "true",
                        "true: the bank books each file block as one line on the statement."),
};

sepa::CaisseAccount account_from(const sdk::Host& host) {
  sepa::CaisseAccountSettings settings;
  settings.name = host.config<std::string>("creditor_name");
  settings.iban = host.config<std::string>("creditor_iban");
  settings.bic = host.config<std::string>("creditor_bic");
  settings.creditor_id = host.config<std::string>("creditor_id");
  settings.local_instrument = host.config<std::string>("local_instrument");
  settings.batch_booking = host.config<bool>("batch_booking");
  try {
    return sepa::checked_account(settings);
  } catch (const sepa::InvalidSetting& e) {
    throw sdk::ConfigError(e.what());
  }
}

template <class Version, class Parse>
Version version_from(const sdk::Host& host, const char* key, Parse parse, const char* choices) {
  const std::string name = host.config<std::string>(key);
  const auto version = parse(name);
  if (!version) throw sdk::ConfigError(std::string(key) + ": \"" + name + "\" is not " + choices);
  return *version;
}

// The library's refusals are the caller's bad input: INVALID_ARGUMENT with the library's words.
template <class Body>
void refusing_bad_input(Body&& body) {
  try {
    body();
  } catch (const sepa::InvalidOrder& e) {
    throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT, e.what());
  } catch (const sepa::ReportFormatError& e) {
    throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT, e.what());
  }
}

class Sepa {
 public:
  explicit Sepa(sdk::Host host)
      : account_(account_from(host)),
        pain008_(version_from<sepa::Pain008Version>(host, "pain008_version",
                                                    sepa::parse_pain008_version,
                                                    "\"pain.008.001.02\" or \"pain.008.001.08\"")),
        pain001_(
            version_from<sepa::Pain001Version>(host, "pain001_version", sepa::parse_pain001_version,
                                               "\"pain.001.001.03\" or \"pain.001.001.09\"")) {}

  void write_debits(const sdk::DebitBatch& batch, const sdk::ByteSink& write) {
    refusing_bad_input([&] { sepa::write_pain008(account_, pain008_, batch, write); });
  }

  void read_report(std::string_view file_name, std::string_view content,
                   const sdk::PaymentEventSink& emit) {
    refusing_bad_input([&] { sepa::read_pain002(file_name, content, emit); });
  }

  void write_transfers(const sdk::TransferBatch& batch, const sdk::ByteSink& write) {
    refusing_bad_input([&] { sepa::write_pain001(account_, pain001_, batch, write); });
  }

 private:
  sepa::CaisseAccount account_;
  sepa::Pain008Version pain008_;
  sepa::Pain001Version pain001_;
};

}  // namespace

CAISSE_PLUGIN(Sepa, "sepa", "1.0.0",
              "SEPA files: pain.008 direct debits, pain.002 status reports, pain.001 payouts.",
              sepa_config)
