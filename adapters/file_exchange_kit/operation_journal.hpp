// The durable record of which operation went into which credit file, kept in the host's
// key/value store rather than read back from the files: the operator may move, rename or
// archive a file once it is sent, and an XLSX file cannot be appended to anyway.
//
// Writing a batch is two-phase, so that a crash never makes an operation look sent when it is
// not, nor unsent when it is (which would put a household in two files):
//   1. intend: "op:<id>" -> file name, for every line, before the file exists;
//   2. the file is written atomically (it appears whole or not at all);
//   3. commit: "file:<name>" -> "written".
// An operation whose file was never committed is in that file exactly when the file exists.
#pragma once

#include <caisse/sdk.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::adapters::file_exchange_kit {

class OperationJournal {
 public:
  OperationJournal(sdk::Host host, std::filesystem::path outbox)
      : host_(host), outbox_(std::move(outbox)) {}

  // The credit file an operation was written to, or nullopt if none: never intended, or
  // intended for a file whose write did not complete. Throws StatusError(UNAVAILABLE) when the
  // store cannot be reached.
  std::optional<std::string> file_of(std::string_view operation_id);

  // A file name never used by this instance: "<prefix>-<day>-<n><extension>", n from a durable
  // counter, so that a crash between intent and commit never makes two batches share a name.
  std::string new_file_name(std::string_view prefix, std::string_view day,
                            std::string_view extension);

  void intend(const std::vector<std::string>& operation_ids, std::string_view file);
  void commit(std::string_view file);

 private:
  bool written(const std::string& file);

  sdk::Host host_;
  std::filesystem::path outbox_;
};

}  // namespace caisse::adapters::file_exchange_kit
