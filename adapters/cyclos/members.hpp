// Households as Cyclos users. Cyclos knows a household by a user profile custom field holding
// its caissed id (`household_field`), so lookups are exact and no name or e-mail ever leaves the
// caisse. Found ids are kept in the instance's kv store, both ways.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cyclos_api.hpp"

namespace caisse::adapters::cyclos {

// The household's Cyclos user id, or why there is none and what that means for its line.
struct MemberLookup {
  std::optional<std::string> user_id;
  sdk::Outcome outcome = sdk::Outcome::not_sent;  // when no user: NOT_SENT or DECLINED
  std::string message;
  bool unreachable = false;  // Cyclos could not be reached: trying the next lines is pointless
};

class Members {
 public:
  // An empty member_group: households must already have an account (an unknown one is DECLINED);
  // otherwise a missing account is opened in that group (POST /users).
  Members(const CyclosApi& api, sdk::Host host, std::string household_field,
          std::string member_group)
      : api_(api),
        host_(host),
        household_field_(std::move(household_field)),
        member_group_(std::move(member_group)) {}

  // Never sends money, so every failure is NOT_SENT or DECLINED. Opening an account has no
  // idempotency key either; a lost answer is harmless because the next attempt searches first.
  MemberLookup find_or_open(std::string_view household_id);

  // The household a Cyclos user stands for; empty when it stands for none (a merchant, another
  // member). Throws sdk::StatusError(UNAVAILABLE) when Cyclos cannot tell now.
  std::string household_of(std::string_view user_id);

  // Forgets a cached id Cyclos no longer knows.
  void forget(std::string_view household_id);

 private:
  // nullopt: no user holds the household; otherwise the user, or why the search failed.
  std::optional<MemberLookup> search(std::string_view household_id);
  MemberLookup open(std::string_view household_id);
  void remember(std::string_view household_id, const std::string& user_id);

  const CyclosApi& api_;
  sdk::Host host_;
  std::string household_field_;
  std::string member_group_;
};

}  // namespace caisse::adapters::cyclos
