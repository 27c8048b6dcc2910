// CyclosPeer: an in-process emulator of the few Cyclos 4.16 REST operations caissed's Cyclos
// adapter calls, following the official OpenAPI spec (reference/openapi/cyclos-4.16-openapi.yaml)
// for paths, JSON shapes, status codes and headers. No sockets and no faults here: handle() takes
// a request and answers it; CyclosPeerServer (cyclos_peer_server.hpp) puts it on a real socket and
// injects faults. It is strict: it checks credentials, refuses malformed JSON, unknown body
// properties, unknown custom fields, invalid amounts and unknown references with the spec's error
// shapes, and answers a loud 500 "PeerNotEmulated" for spec parameters it does not emulate rather
// than ignoring them. README.md in this folder lists what is emulated and every interpretation.
//
// Thread-safe: every public member may be called from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::testing::cyclos {

// The emulated operations, by spec operationId. `any` only selects (faults, counters); `other`
// is every request that matches no emulated operation (answered 404).
enum class RouteKind {
  any,
  search_users,             // GET  /users              searchUsers
  view_user,                // GET  /users/{user}       viewUser
  create_user,              // POST /users              createUser
  perform_payment,          // POST /system/payments    performPayment (owner = system)
  search_transfers,         // GET  /transfers          searchTransfers
  get_user_status,          // GET  /{user}/status      getUserStatus
  change_user_status,       // POST /{user}/status      changeUserStatus
  get_group_membership,     // GET  /{user}/group       getGroupMembershipData
  change_group_membership,  // POST /{user}/group       changeGroupMembership
  other,
};

// "perform_payment", ...; and back (nullopt for an unknown name).
std::string_view to_string(RouteKind kind);
std::optional<RouteKind> route_kind_from_string(std::string_view name);

struct PeerRequest {
  std::string method;  // "GET", "POST"
  std::string target;  // path and raw query: "/api/transfers?datePeriod=2024-01-01&page=0"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct PeerResponse {
  unsigned status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // Content-Type, X-Total-Count, ...
  std::string body;

  // The first value of header `name` (ASCII case-insensitive), or "".
  std::string header(std::string_view name) const;
};

struct CyclosPeerOptions {
  std::string base_path = "/api";
  std::string access_client_token;  // accepted Access-Client-Token; empty: that scheme is refused
  std::string basic_user;           // accepted Basic credentials; empty user: refused
  std::string basic_password;
  // User group internal names (createUser, changeGroupMembership, the groups filter).
  std::vector<std::string> user_groups = {"consumers", "merchants", "merchants_suspended"};
  std::string household_field = "caisse_household";  // user profile custom field, unique
  std::string operation_field = "caisse_operation";  // transaction custom field
  // Qualified internal names "fromAccountType.paymentType". The system payment type goes from the
  // system account type to the user account type; the purchase type is user account to user
  // account, and its from account type is the one every user has.
  std::string system_payment_type = "debit.toUser";
  std::string purchase_payment_type = "user.toPro";
  int decimal_digits = 2;
  std::string currency_code = "MNK";
  // What the system account may still pay; each committed system payment takes from it.
  std::int64_t system_balance_minor = std::numeric_limits<std::int64_t>::max();
  int default_page_size = 40;
  int max_page_size = 1000;  // a larger pageSize is cut to this, as Cyclos does
};

// One user, as seeded or registered.
struct PeerUser {
  std::string id;
  std::string name;
  std::string username;   // "" when registered without one
  std::string email;      // ""
  std::string group;      // group internal name
  std::string status;     // UserStatusEnum: active, blocked, disabled, pending, removed, purged
  std::string household;  // value of the household custom field, "" when unset
  std::string registration_date;  // ISO date-time
};

// One balance transfer (what GET /transfers lists). A system payment and a seeded member payment
// each make one transaction and one transfer; they have different ids and share the number.
struct Transfer {
  std::string id;                  // the transfer's id (TransferResult.id)
  std::string transaction_id;      // the payment's id (Transaction.id, answered by POST)
  std::string transaction_number;  // shared by both
  std::string date;                // ISO date-time, as answered
  std::int64_t date_epoch_ms = 0;
  std::int64_t amount_minor = 0;
  std::string kind = "payment";  // TransferKind
  std::string type;              // qualified internal name, "debit.toUser"
  std::string from_user_id;      // "" for the system account
  std::string to_user_id;        // "" for the system account
  std::string description;
  std::map<std::string, std::string> custom_values;  // by field internal name
};

class CyclosPeer {
 public:
  explicit CyclosPeer(CyclosPeerOptions options = {});
  ~CyclosPeer();
  CyclosPeer(const CyclosPeer&) = delete;
  CyclosPeer& operator=(const CyclosPeer&) = delete;

  const CyclosPeerOptions& options() const;

  // Answers one request under base_path as Cyclos would (see README.md for each operation).
  // Never throws for any request content.
  PeerResponse handle(const PeerRequest& request);

  // The test-only routes under /_peer (no credentials): GET /_peer/transfers, GET /_peer/users,
  // POST /_peer/users {name, group, household?, username?, status?},
  // POST /_peer/member-payments {from, to, amount: "12.50", date?}. Anything else: 404.
  PeerResponse handle_test_route(const PeerRequest& request);

  // Which emulated operation `method` `target` would run (other when none), without running it.
  RouteKind route_of(std::string_view method, std::string_view target) const;

  // --- Test-side API: seed and inspect, no HTTP. Misuse (an unknown group, a household already
  // held, an unknown user, an unparsable date) throws std::invalid_argument: it is a test bug.

  // A user in `group`, active, with `household` ("" = none) in the household field. Returns its id.
  std::string add_user(const std::string& name, const std::string& group,
                       const std::string& household = {});
  // A purchase: a payment of kind "payment", type purchase_payment_type, from one user to another,
  // dated `iso_date` ("2024-03-05" or a date-time). Returns the transfer's id.
  std::string add_member_payment(const std::string& from_user_id, const std::string& to_user_id,
                                 std::int64_t amount_minor, const std::string& iso_date);

  std::vector<Transfer> transfers() const;  // in commit order
  // How many transfers carry `operation` in the operation custom field.
  std::size_t payments_with_operation(std::string_view operation) const;
  std::vector<PeerUser> users() const;  // in creation order
  std::optional<PeerUser> user(std::string_view id) const;
  std::optional<std::string> user_status(std::string_view id) const;
  std::optional<std::string> user_group(std::string_view id) const;
  // Sets a user's status directly (a history entry, no transition check), e.g. to test a
  // disabled receiver.
  void set_user_status(const std::string& id, const std::string& status);
  std::int64_t system_balance_minor() const;
  std::int64_t user_balance_minor(std::string_view id) const;

  // The clock: by default the system clock. set_now() freezes it at an ISO date-time (UTC when
  // no offset); advance() moves a frozen clock; set_clock() installs any source of epoch ms.
  void set_now(std::string_view iso_date_time);
  void advance(std::chrono::milliseconds by);
  void set_clock(std::function<std::int64_t()> epoch_ms);

  // Requests handled per operation (any: all requests under base_path, answered or refused).
  std::size_t request_count(RouteKind kind) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace caisse::testing::cyclos
