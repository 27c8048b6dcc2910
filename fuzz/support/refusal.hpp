// A parser's refusal of a bad input is part of its contract too: the status it documents, and a
// message that says where the problem is (house rule: the file and line, the element path or the
// JSON field). These abort, printing the message, when a refusal breaks that contract.
#pragma once

#include <caisse/sdk/host.hpp>

#include <string_view>

namespace caisse::fuzz {

// The message starts with `prefix` ("bank.csv:", "notification: field ").
void check_message(std::string_view message, std::string_view prefix);

// check_message, and the error carries the status `expected`.
void check_refusal(const caisse::sdk::StatusError& error, caisse_status_t expected,
                   std::string_view prefix);

}  // namespace caisse::fuzz
