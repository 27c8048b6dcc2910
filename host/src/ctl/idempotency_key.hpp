// The Idempotency-Key caissectl sends with every POST: one random key per invocation, so that a
// request the network delivered twice is carried out once.
#pragma once

#include <string>

namespace caisse::host::ctl {

// 128 random bits from /dev/urandom (std::random_device if it cannot be read), as 32 lowercase
// hex digits.
std::string random_idempotency_key();

// Whether `key` looks like one: exactly 32 hex digits.
bool is_idempotency_key(const std::string& key);

}  // namespace caisse::host::ctl
