#include "cycle/cycle_state.hpp"

#include <array>
#include <utility>

namespace caisse::host::cycle {
namespace {

constexpr std::array<std::pair<CycleKind, const char*>, 2> kKinds{{
    {CycleKind::allocation, "allocation"},
    {CycleKind::bonus, "bonus"},
}};

constexpr std::array<std::pair<CycleState, const char*>, 6> kStates{{
    {CycleState::computed, "computed"},
    {CycleState::approved, "approved"},
    {CycleState::funded, "funded"},
    {CycleState::dispatched, "dispatched"},
    {CycleState::settled, "settled"},
    {CycleState::closed, "closed"},
}};

constexpr std::array<std::pair<LineStatus, const char*>, 5> kStatuses{{
    {LineStatus::not_sent, "NOT_SENT"},
    {LineStatus::pending, "PENDING"},
    {LineStatus::succeeded, "SUCCEEDED"},
    {LineStatus::declined, "DECLINED"},
    {LineStatus::unknown, "UNKNOWN"},
}};

template <class Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

template <class Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, const char*>, N>& table,
                             std::string_view name) {
  for (const auto& [v, n] : table) {
    if (name == n) return v;
  }
  return std::nullopt;
}

}  // namespace

const char* kind_name(CycleKind kind) {
  return name_of(kKinds, kind);
}
std::optional<CycleKind> parse_kind(std::string_view name) {
  return value_of(kKinds, name);
}
const char* state_name(CycleState state) {
  return name_of(kStates, state);
}
std::optional<CycleState> parse_state(std::string_view name) {
  return value_of(kStates, name);
}
const char* status_name(LineStatus status) {
  return name_of(kStatuses, status);
}
std::optional<LineStatus> parse_status(std::string_view name) {
  return value_of(kStatuses, name);
}

}  // namespace caisse::host::cycle
