// The confirmation files the currency operator sends back, dropped in the inbox folder: every
// *.csv there, read with the mapping's [confirmation] section. Files are read again when the
// folder changes; the same file dropped twice, or two files saying the same thing, change
// nothing, and two files that contradict each other are refused, naming both.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "directory_scan.hpp"
#include "mapping.hpp"

namespace caisse::adapters::file_exchange_kit {

struct Confirmation {
  bool credited = false;
  std::string reference;  // the backend's reference, when the file has one
  std::string message;
  std::string source;  // "confirm-2026-11.csv:12", for messages
};

class ConfirmationInbox {
 public:
  ConfirmationInbox(std::filesystem::path dir, ConfirmationMapping mapping)
      : dir_(std::move(dir)), mapping_(std::move(mapping)) {}

  // What the operator confirmed for this operation, or nullopt if nothing yet (or only
  // "pending"). Throws FileFormatError naming the file, line and column of a malformed file or
  // the two files that contradict each other; FileAccessError when the folder cannot be read.
  std::optional<Confirmation> find(std::string_view operation_id);

 private:
  void refresh();
  void read_file(const std::filesystem::path& path,
                 std::map<std::string, Confirmation, std::less<>>& into) const;

  std::filesystem::path dir_;
  ConfirmationMapping mapping_;
  FolderState seen_;
  std::map<std::string, Confirmation, std::less<>> confirmed_;
};

}  // namespace caisse::adapters::file_exchange_kit
