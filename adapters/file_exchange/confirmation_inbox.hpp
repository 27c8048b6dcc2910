// The confirmation files the currency operator sends back, dropped by an operator in the
// inbox folder: every *.csv there, with the columns operation_id;status;reference;message and
// status OK (credited) or REJECTED. Files are read again when they change; the same file
// dropped twice, or two files saying the same thing, change nothing.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace caisse::adapters::file_exchange {

struct Confirmation {
  bool credited = false;
  std::string reference;
  std::string message;
  std::string source;  // "confirm-2026-11.csv:12", for messages
};

class ConfirmationInbox {
 public:
  explicit ConfirmationInbox(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // What the operator confirmed for this operation, or nullopt if nothing yet. Throws
  // std::runtime_error naming the file and line of a malformed file, or the two files that
  // contradict each other.
  std::optional<Confirmation> find(std::string_view operation_id);

 private:
  void refresh();

  std::filesystem::path dir_;
  std::map<std::filesystem::path, std::pair<std::filesystem::file_time_type, std::uintmax_t>> seen_;
  std::map<std::string, Confirmation, std::less<>> confirmed_;
};

}  // namespace caisse::adapters::file_exchange
