#include "operation_journal.hpp"

#include <charconv>

namespace caisse::adapters::file_exchange_kit {
namespace {

constexpr std::string_view kWritten = "written";

std::string op_key(std::string_view operation_id) {
  return "op:" + std::string(operation_id);
}
std::string file_key(std::string_view file) {
  return "file:" + std::string(file);
}

}  // namespace

bool OperationJournal::written(const std::string& file) {
  if (host_.kv_get(file_key(file)) == kWritten) return true;
  std::error_code ec;
  if (!std::filesystem::exists(outbox_ / file, ec)) return false;
  commit(file);  // the write completed but its commit was lost: record it now
  return true;
}

std::optional<std::string> OperationJournal::file_of(std::string_view operation_id) {
  std::optional<std::string> file = host_.kv_get(op_key(operation_id));
  if (!file || !written(*file)) return std::nullopt;
  return file;
}

std::string OperationJournal::new_file_name(std::string_view prefix, std::string_view day,
                                            std::string_view extension) {
  const std::optional<std::string> stored = host_.kv_get("next_file");
  std::uint64_t next = 1;
  if (stored) {
    std::from_chars(stored->data(), stored->data() + stored->size(), next);
  }
  host_.kv_put("next_file", std::to_string(next + 1));
  return std::string(prefix) + "-" + std::string(day) + "-" + std::to_string(next) +
         std::string(extension);
}

void OperationJournal::intend(const std::vector<std::string>& operation_ids,
                              std::string_view file) {
  for (const auto& id : operation_ids) host_.kv_put(op_key(id), file);
}

void OperationJournal::commit(std::string_view file) {
  host_.kv_put(file_key(file), kWritten);
}

}  // namespace caisse::adapters::file_exchange_kit
