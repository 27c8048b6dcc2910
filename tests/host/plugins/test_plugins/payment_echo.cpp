// A COLLECTOR + STATEMENT + PAYOUT plugin (ABI 1.4) whose "provider" is the text it is given,
// so a test can check each value crossing the boundary both ways:
//   parse_statement: one line "booking_date;amount_minor;end_to_end_id" per entry; a line "bad"
//     fails with the file and line number;
//   verify_webhook: authentic when header X-Sig is "good"; the event id is header X-Id;
//   read_webhook and read_report: one event per body line "event_id;payment_ref;state;amount",
//     state the caisse_payment_state_t number (so a test can send a wrong one);
//   write_debits and write_transfers: the batch header line then one line per item, written in
//     two pieces each to exercise the byte sink.
#include <caisse/sdk.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace sdk = caisse::sdk;

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::stringstream in{std::string(text)};
  while (std::getline(in, part, separator)) parts.push_back(part);
  return parts;
}

sdk::PaymentEvent event_of(const std::string& line, std::string location) {
  const auto fields = split(line, ';');
  if (fields.size() != 4) {
    throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT, location + ": 4 fields expected");
  }
  sdk::PaymentEvent event;
  event.event_id = fields[0];
  event.payment_ref = fields[1];
  event.state = static_cast<sdk::PaymentState>(std::stoi(fields[2]));
  event.amount_minor = std::stoll(fields[3]);
  event.currency = "EUR";
  event.location = std::move(location);
  return event;
}

class PaymentEcho {
 public:
  explicit PaymentEcho(sdk::Host) {}

  void parse_statement(std::string_view file_name, std::string_view content,
                       const sdk::StatementSink& emit) {
    int number = 0;
    for (const std::string& line : split(content, '\n')) {
      const std::string location = std::string(file_name) + ":" + std::to_string(++number);
      const auto fields = split(line, ';');
      if (fields.size() != 3) {
        throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT, location + ": not a statement line");
      }
      sdk::StatementEntry entry;
      entry.location = location;
      entry.booking_date = fields[0];
      entry.amount_minor = std::stoll(fields[1]);
      entry.currency = "EUR";
      entry.end_to_end_id = fields[2];
      emit(entry);
    }
  }

  std::string verify_webhook(const sdk::Webhook& hook) {
    if (hook.header("x-sig") != "good") {
      throw sdk::StatusError(CAISSE_STATUS_PERMISSION_DENIED, "signature does not match");
    }
    return std::string(hook.header("x-id").value_or(""));
  }

  void read_webhook(const sdk::Webhook& hook, const sdk::PaymentEventSink& emit) {
    emit(event_of(std::string(hook.body), ""));
  }

  void read_report(std::string_view file_name, std::string_view content,
                   const sdk::PaymentEventSink& emit) {
    int number = 0;
    for (const std::string& line : split(content, '\n')) {
      emit(event_of(line, std::string(file_name) + ":" + std::to_string(++number)));
    }
  }

  void write_debits(const sdk::DebitBatch& batch, const sdk::ByteSink& write) {
    write(std::string(batch.message_id) + ";" + std::string(batch.collection_date) + "\n");
    for (const sdk::Debit& d : batch.debits) {
      write(std::string(d.end_to_end_id) + ";" + std::string(d.mandate_id) + ";");
      write(std::to_string(static_cast<int>(d.sequence)) + ";" + std::to_string(d.amount.minor) +
            ";" + std::string(d.amended_debtor_iban) + "\n");
    }
  }

  void write_transfers(const sdk::TransferBatch& batch, const sdk::ByteSink& write) {
    write(std::string(batch.message_id) + ";" + std::string(batch.execution_date) + "\n");
    for (const sdk::Transfer& t : batch.transfers) {
      write(std::string(t.end_to_end_id) + ";" + std::string(t.creditor_iban) + ";");
      write(std::to_string(t.amount.minor) + "\n");
    }
  }
};

}  // namespace

CAISSE_PLUGIN(PaymentEcho, "payment_echo", "1.0.0", "Echoes money-in and money-out values.",
              sdk::no_config)
