/*
 * caisse/sdk.h: the C ABI between the caissed host and its plugins (SDK v1).
 *
 * A plugin is a shared object that exports exactly one symbol, `caisse_plugin_entry`
 * (CAISSE_PLUGIN_ENTRY_SYMBOL). The host calls it once after loading the file; it returns a
 * static descriptor (caisse_plugin_t) that names the plugin, declares its roles and its
 * configuration schema, and points at tables of hooks. Everything else the plugin needs from the
 * host (logging, configuration values, clock, key/value state, metrics) comes through the
 * caisse_host_api_t table it receives when an instance is initialised.
 *
 * NAMING
 *   caisse_on_<component>_<event>    a hook: the plugin implements it, the host calls it.
 *   caisse_host_<component>_<action> a callback: the host implements it, the plugin calls it.
 *   *_host_ptr / *_plugin_ptr        memory owned by the host / by the plugin.
 *
 * STRINGS
 *   Data crossing the boundary at run time is a caisse_str_t {data, len}: never rely on a
 *   terminating NUL. The one exception is the static descriptor (names, descriptions, config
 *   field names), which are NUL-terminated string literals with static storage duration.
 *
 * ERRORS
 *   Nothing throws across this boundary. Hooks and callbacks that can fail return a
 *   caisse_status_t; values come back through out-parameters. A plugin explains a failure with
 *   caisse_host_set_error() before returning a non-OK status; it never returns a string the host
 *   must free. The C++ wrapper (caisse/sdk.hpp) catches every exception and turns it into
 *   CAISSE_STATUS_INTERNAL.
 *
 * COMPATIBILITY POLICY
 *   CAISSE_SDK_ABI_MAJOR changes when anything that exists changes meaning, type, order or size
 *   other than by growing at the end. The host refuses a plugin with a different major.
 *   CAISSE_SDK_ABI_MINOR grows when something is appended: a field at the end of a table or
 *   struct, a new table, a new enum value. Every table and versioned struct starts with
 *   `struct_size`; a reader touches a field only if struct_size says the writer knew it. A plugin
 *   states the lowest host minor it needs (abi_minor_required); the host refuses a plugin that
 *   needs a newer minor than its own. Enum values and status codes are never renumbered.
 *   A hook appended to a table may be NULL (the host then answers UNSUPPORTED for it), so a
 *   plugin built against an older minor keeps loading and working unchanged.
 *
 * HISTORY
 *   1.0  descriptor, host callbacks, CURRENCY hooks, RULE caisse_on_rule_allocate.
 *   1.1  RULE: caisse_on_rule_suggest_contribution and caisse_on_rule_bonus appended to
 *        caisse_rule_hooks_t, with their inputs caisse_contribution_input_t and
 *        caisse_bonus_input_t; each of the three rule hooks may be NULL (at least one is set).
 *   1.2  Host callback caisse_host_http_send appended to caisse_host_api_t, with
 *        caisse_http_header_t, caisse_http_request_t and caisse_http_response_t; status codes
 *        CAISSE_STATUS_UNKNOWN_OUTCOME and CAISSE_STATUS_PERMISSION_DENIED.
 *   1.3  CURRENCY: caisse_on_currency_list_purchases and caisse_on_currency_sync_merchants
 *        appended to caisse_currency_hooks_t, with caisse_purchase_t, caisse_purchase_sink_fn and
 *        caisse_merchant_t; both hooks may be NULL.
 *   1.4  COLLECTOR, STATEMENT and PAYOUT hook tables (caisse_collector_hooks_t,
 *        caisse_statement_hooks_t, caisse_payout_hooks_t) appended to caisse_plugin_t, with
 *        their values and sinks; every hook of these tables may be NULL (at least one is set).
 *
 * THREADING
 *   The host calls the hooks of one instance from one thread at a time. Different instances of
 *   the same plugin may be called concurrently, so a plugin keeps its state in its instance and
 *   not in globals. Callbacks may be called from within any hook, on the calling thread.
 */
#ifndef CAISSE_SDK_H
#define CAISSE_SDK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The ABI major this header describes. Plugins with a different major are refused. */
#define CAISSE_SDK_ABI_MAJOR 1
/** The ABI minor this header describes. Grows when fields, tables or enum values are appended. */
#define CAISSE_SDK_ABI_MINOR 4

/** Name of the one symbol every plugin exports. */
#define CAISSE_PLUGIN_ENTRY_SYMBOL "caisse_plugin_entry"

#if defined(__GNUC__) || defined(__clang__)
#define CAISSE_EXPORT __attribute__((visibility("default")))
#else
#define CAISSE_EXPORT
#endif

/* ------------------------------------------------------------------------------------------ */
/* Basic types                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * The result of a hook or callback that can fail. Values are stable across minors.
 */
typedef enum caisse_status {
  /** It worked. */
  CAISSE_STATUS_OK = 0,
  /** The input is wrong (bad config value, malformed line); the same call will fail again. */
  CAISSE_STATUS_INVALID_ARGUMENT = 1,
  /** The thing asked for does not exist (a key, an operation id). */
  CAISSE_STATUS_NOT_FOUND = 2,
  /** This side does not implement the request (an optional hook, a role, a config type). */
  CAISSE_STATUS_UNSUPPORTED = 3,
  /** A dependency could not be reached and nothing happened; the caller may retry later. */
  CAISSE_STATUS_UNAVAILABLE = 4,
  /** A bug, or an exception caught at the boundary. */
  CAISSE_STATUS_INTERNAL = 5,
  /**
   * (1.2) The request may have reached the peer and taken effect, but no answer came back (a
   * timeout or a connection cut after sending). Never send it again blindly: ask the peer.
   */
  CAISSE_STATUS_UNKNOWN_OUTCOME = 6,
  /** (1.2) The host's policy refuses the request (an HTTP origin the instance may not reach). */
  CAISSE_STATUS_PERMISSION_DENIED = 7,
} caisse_status_t;

/**
 * A byte string with an explicit length. Never NUL-terminated by contract.
 *
 * OWNERSHIP: whoever produced it; the function that hands one over says how long it stays valid.
 */
typedef struct caisse_str {
  const char* data;
  size_t len;
} caisse_str_t;

/**
 * An amount of money: integer minor units (cents, or the currency's own minor unit) and the
 * currency code ("EUR", "MONA", "CHF"). Never a floating-point number.
 */
typedef struct caisse_money {
  int64_t minor;
  caisse_str_t currency;
} caisse_money_t;

/**
 * What the outside world did with an operation that moves money. The host owns the state
 * machine; plugins only report.
 *   SUCCEEDED  done, definitely.
 *   PENDING    accepted by the peer, final answer later.
 *   DECLINED   refused, definitely; nothing moved.
 *   NOT_SENT   the request never left; definitely safe to send again with the same id.
 *   UNKNOWN    the request may or may not have taken effect (timeout, lost response). The host
 *              never resends it blindly: it asks caisse_on_currency_status later.
 */
typedef enum caisse_outcome {
  CAISSE_OUTCOME_SUCCEEDED = 0,
  CAISSE_OUTCOME_PENDING = 1,
  CAISSE_OUTCOME_DECLINED = 2,
  CAISSE_OUTCOME_NOT_SENT = 3,
  CAISSE_OUTCOME_UNKNOWN = 4,
} caisse_outcome_t;

/** Log severities, as in the host's log. */
typedef enum caisse_log_level {
  CAISSE_LOG_LEVEL_DEBUG = 0,
  CAISSE_LOG_LEVEL_INFO = 1,
  CAISSE_LOG_LEVEL_WARN = 2,
  CAISSE_LOG_LEVEL_ERROR = 3,
} caisse_log_level_t;

/**
 * The roles a plugin can play; a plugin declares a bitmask of them. For each role it declares,
 * the descriptor points at that role's hook table.
 *   CURRENCY   credits allocations in a food currency backend, reports their status.
 *   RULE       pure functions chosen by a committee (allocation formulas, grids, bonuses).
 *   COLLECTOR  collects contributions (direct debit, card PSPs).   Hooks: caisse_collector_hooks_t
 * (1.4). STATEMENT  parses bank statements.                             Hooks:
 * caisse_statement_hooks_t (1.4). PAYOUT     pays merchants their reconversion to euros. Hooks:
 * caisse_payout_hooks_t (1.4). A host refuses a plugin that declares a role whose hook table it
 * does not know.
 */
typedef enum caisse_role {
  CAISSE_ROLE_CURRENCY = 1u << 0,
  CAISSE_ROLE_COLLECTOR = 1u << 1,
  CAISSE_ROLE_STATEMENT = 1u << 2,
  CAISSE_ROLE_PAYOUT = 1u << 3,
  CAISSE_ROLE_RULE = 1u << 4,
} caisse_role_t;

/**
 * An opaque handle to one plugin instance as the host sees it (one `[[plugin]]` block of one
 * caisse). Every callback takes it so that logs, configuration, state and metrics are scoped to
 * the instance.
 *
 * OWNERSHIP: host. LIFETIME: from caisse_on_instance_init until caisse_on_instance_destroy
 * returns.
 */
typedef struct caisse_host_context caisse_host_context_t;

/* ------------------------------------------------------------------------------------------ */
/* Configuration schema                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** The TOML type a configuration field accepts. */
typedef enum caisse_config_type {
  CAISSE_CONFIG_TYPE_STRING = 1,
  CAISSE_CONFIG_TYPE_INTEGER = 2,
  CAISSE_CONFIG_TYPE_BOOLEAN = 3,
} caisse_config_type_t;

/** The field must be present (it then has no default). */
#define CAISSE_CONFIG_REQUIRED (1u << 0)
/**
 * The field holds a secret: in TOML it must be a reference (`env:NAME` or `file:PATH`), never the
 * secret itself; the host resolves it and never logs or prints the value. Only for strings.
 */
#define CAISSE_CONFIG_SECRET (1u << 1)

/**
 * One field of a plugin's configuration block. The host checks every instance's block against
 * these before calling caisse_on_instance_init: unknown keys, wrong types, a missing required
 * field and an inline secret are errors naming the file, line and column.
 *
 * OWNERSHIP: plugin, static. LIFETIME: as long as the plugin is loaded.
 */
typedef struct caisse_config_field {
  /** Key in the instance's `config` table. NUL-terminated. */
  const char* name;
  caisse_config_type_t type;
  /** The default in TOML literal form ("100", "true", "EUR"), or NULL for none. */
  const char* default_value;
  /** CAISSE_CONFIG_REQUIRED and/or CAISSE_CONFIG_SECRET. */
  uint32_t flags;
  /** One sentence for operators; shown by `caissectl plugin describe`. NUL-terminated. */
  const char* description;
} caisse_config_field_t;

/* ------------------------------------------------------------------------------------------ */
/* Host services: callbacks the plugin calls                                                   */
/* ------------------------------------------------------------------------------------------ */

/** (1.2) One HTTP header. OWNERSHIP: whoever holds the request or response. */
typedef struct caisse_http_header {
  caisse_str_t name;
  caisse_str_t value;
} caisse_http_header_t;

/** (1.2) A request for caisse_host_http_send. OWNERSHIP: caller; read during the call. */
typedef struct caisse_http_request {
  /** sizeof(caisse_http_request_t) as the plugin knows it. */
  uint32_t struct_size;
  /** "GET", "POST", "PUT", ... */
  caisse_str_t method;
  /** Absolute http:// or https:// URL, path and query included, no user or password. */
  caisse_str_t url;
  /** Headers to send besides Host, Connection and Content-Length, which the host sets. */
  const caisse_http_header_t* headers;
  size_t header_count;
  /** The body, sent byte for byte with a Content-Length; ignored unless has_body. */
  caisse_str_t body;
  bool has_body;
  /** Deadline for sending the request and reading the answer; 0 for the host's default. */
  uint32_t timeout_ms;
} caisse_http_request_t;

/** (1.2) What came back. OWNERSHIP: host. LIFETIME: until the current hook returns. */
typedef struct caisse_http_response {
  /** sizeof(caisse_http_response_t) as the plugin knows it; the host fills only that much. */
  uint32_t struct_size;
  /** The HTTP status code (200, 401, 503, ...). */
  uint32_t status;
  const caisse_http_header_t* headers_host_ptr;
  size_t header_count;
  caisse_str_t body_host_ptr;
  /** Why caisse_host_http_send did not return OK; empty when it did. */
  caisse_str_t error_host_ptr;
} caisse_http_response_t;

/**
 * The table of host callbacks, handed to caisse_on_instance_init.
 *
 * OWNERSHIP: host. LIFETIME: as long as the plugin is loaded.
 * A plugin built against a newer minor checks `struct_size` (or abi_minor) before calling a
 * callback the host may not have.
 */
typedef struct caisse_host_api {
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;

  /**
   * Writes one line to the host log, prefixed with the caisse and instance.
   * @param ctx the instance.
   * @param level severity.
   * @param message text; the host masks IBANs it finds. OWNERSHIP: caller; read during the call.
   */
  void (*caisse_host_log)(caisse_host_context_t* ctx, caisse_log_level_t level,
                          caisse_str_t message);

  /**
   * Records why the hook about to return a non-OK status failed. The last message set during a
   * hook is the one the host reports.
   * @param message OWNERSHIP: caller; the host copies it.
   */
  void (*caisse_host_set_error)(caisse_host_context_t* ctx, caisse_str_t message);

  /**
   * @return the host's current time in milliseconds since the Unix epoch (UTC). Tests replace
   * the host clock; plugins must use this instead of reading the system clock.
   */
  int64_t (*caisse_host_clock_now_ms)(caisse_host_context_t* ctx);

  /**
   * Reads a string field of the instance's validated configuration (secrets come resolved).
   * @param key field name as declared in the schema.
   * @param value_host_ptr out: the value. LIFETIME: until caisse_on_instance_destroy.
   * @return OK; NOT_FOUND if the field is absent and has no default; INVALID_ARGUMENT if the
   *         field is not a string or not declared.
   */
  caisse_status_t (*caisse_host_config_get_string)(caisse_host_context_t* ctx, caisse_str_t key,
                                                   caisse_str_t* value_host_ptr);

  /** Like caisse_host_config_get_string, for INTEGER fields. */
  caisse_status_t (*caisse_host_config_get_int)(caisse_host_context_t* ctx, caisse_str_t key,
                                                int64_t* value);

  /** Like caisse_host_config_get_string, for BOOLEAN fields. */
  caisse_status_t (*caisse_host_config_get_bool)(caisse_host_context_t* ctx, caisse_str_t key,
                                                 bool* value);

  /**
   * Reads a value the instance stored earlier with caisse_host_kv_put (kept in PostgreSQL,
   * scoped to the caisse and instance, surviving restarts).
   * @param value_host_ptr out. LIFETIME: until the current hook returns.
   * @return OK, NOT_FOUND, or UNAVAILABLE if the store cannot be reached.
   */
  caisse_status_t (*caisse_host_kv_get)(caisse_host_context_t* ctx, caisse_str_t key,
                                        caisse_str_t* value_host_ptr);

  /**
   * Stores (or replaces) a value durably before returning.
   * @param key, value OWNERSHIP: caller; the host copies them.
   * @return OK or UNAVAILABLE.
   */
  caisse_status_t (*caisse_host_kv_put)(caisse_host_context_t* ctx, caisse_str_t key,
                                        caisse_str_t value);

  /**
   * Adds delta to the counter `name` of this instance, exported on /metrics as
   * caissed_plugin_events_total{caisse,instance,name}.
   * @param name [a-z0-9_]+, OWNERSHIP: caller; copied.
   */
  void (*caisse_host_metric_add)(caisse_host_context_t* ctx, caisse_str_t name, int64_t delta);

  /**
   * (1.2) Sends one HTTP request and waits for the whole answer, so that adapters never open
   * sockets themselves. The host checks the URL's origin against the instance's `http_allow`
   * list, applies its timeouts and size limits, verifies https peers, and never retries: a
   * request that may have arrived is the plugin's to look up, not to resend.
   * @param request OWNERSHIP: caller; read during the call.
   * @param response out: status, headers and body when the call returns OK, whatever the HTTP
   *        status code; otherwise only error_host_ptr, which says why (naming the URL without
   *        its query). LIFETIME: its strings and headers live until the current hook returns.
   * @return OK: an answer arrived (4xx and 5xx included);
   *         UNAVAILABLE: nothing was sent (name not resolved, connection refused, TLS failed);
   *         UNKNOWN_OUTCOME: the request may have been received and acted on (timeout, connection
   *         cut, malformed or too large answer);
   *         PERMISSION_DENIED: the origin is not in the instance's `http_allow`;
   *         INVALID_ARGUMENT: a malformed URL, method or header (nothing sent).
   */
  caisse_status_t (*caisse_host_http_send)(caisse_host_context_t* ctx,
                                           const caisse_http_request_t* request,
                                           caisse_http_response_t* response);
} caisse_host_api_t;

/* ------------------------------------------------------------------------------------------ */
/* Role hooks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** One allocation to credit to one household's account in the food currency. */
typedef struct caisse_credit_line {
  /**
   * The host's deterministic operation id. It is stored before the call and is the idempotency
   * key: the host sends the same id again only for the same line, and a plugin must make a
   * second send of an id that already took effect a no-op (search the peer, or pass it as the
   * peer's idempotency key).
   */
  caisse_str_t operation_id;
  /** The household's pseudonymous id in this caisse. */
  caisse_str_t household_id;
  caisse_money_t amount;
  /** Text for the peer's statement ("Allocation 2026-11"). */
  caisse_str_t description;
} caisse_credit_line_t;

/** What a currency backend did with one operation. */
typedef struct caisse_operation_result {
  caisse_outcome_t outcome;
  /**
   * The peer's reference for the operation, if any (a transfer id).
   * OWNERSHIP: plugin. LIFETIME: until the next call into the same instance (another hook, or
   * destroy): the host reads it after the hook returns and copies it before calling the instance
   * again, so keep the bytes in the instance state, not on the hook's stack.
   */
  caisse_str_t external_ref;
  /** A short reason for DECLINED or UNKNOWN, for the operator. Same ownership as external_ref. */
  caisse_str_t message;
} caisse_operation_result_t;

/**
 * (1.3) One payment from a household to a merchant, as the currency backend recorded it. The
 * host keeps each external_ref once, so listing the same payment again changes nothing.
 *
 * OWNERSHIP: plugin. LIFETIME: until the sink it is passed to returns (the host copies it).
 */
typedef struct caisse_purchase {
  /** sizeof(caisse_purchase_t) as the plugin knows it. */
  uint32_t struct_size;
  /** The backend's own reference for the payment (a transfer id, a statement line's id). */
  caisse_str_t external_ref;
  /** The paying household's id in this caisse; empty when the payer is not one of its households.
   */
  caisse_str_t household_id;
  /** The merchant as the backend knows it: the same value as caisse_merchant_t.backend_ref. */
  caisse_str_t merchant_ref;
  caisse_money_t amount;
  /** When it was paid, in milliseconds since the Unix epoch (UTC). */
  int64_t paid_at_ms;
} caisse_purchase_t;

/**
 * (1.3) Where caisse_on_currency_list_purchases hands each purchase, one at a time.
 * @param sink_host_ptr the value the host passed with the sink.
 * @return OK to go on; any other status means stop listing and return that status.
 */
typedef caisse_status_t (*caisse_purchase_sink_fn)(void* sink_host_ptr,
                                                   const caisse_purchase_t* purchase);

/**
 * (1.3) A merchant of the caisse and whether its committee accredits it now.
 *
 * OWNERSHIP: host. LIFETIME: until the hook it is passed to returns, strings included.
 */
typedef struct caisse_merchant {
  /** sizeof(caisse_merchant_t) as the host knows it. */
  uint32_t struct_size;
  /** The caisse's id for the merchant ("M-0042"). */
  caisse_str_t merchant_id;
  /** Its trading name, for files read by people. */
  caisse_str_t name;
  /** How this backend knows it: a Cyclos user, an Up acceptor id, a Kohinos account. */
  caisse_str_t backend_ref;
  /** true: accredited (conventionné); false: suspended or withdrawn, no longer paid with. */
  bool accredited;
} caisse_merchant_t;

/**
 * Hooks of the CURRENCY role. Adapters are stateless translators: the host owns persistence,
 * retries and the janitor.
 *
 * OWNERSHIP: plugin, static. LIFETIME: as long as the plugin is loaded.
 */
typedef struct caisse_currency_hooks {
  uint32_t struct_size;

  /**
   * Credits a batch of allocation lines.
   * @param instance_plugin_ptr the instance from caisse_on_instance_init.
   * @param lines OWNERSHIP: host. LIFETIME: until the hook returns.
   * @param count number of lines (and of results).
   * @param results_host_ptr out: one result per line, same order; the host allocates the array
   *        and initialises every outcome to UNKNOWN.
   * @return OK when every result was filled; any other status means the host treats every line
   *         of the batch as UNKNOWN and asks caisse_on_currency_status about each (results are
   *         then ignored, NOT_SENT included: report per-line outcomes with OK instead).
   */
  caisse_status_t (*caisse_on_currency_credit)(void* instance_plugin_ptr,
                                               const caisse_credit_line_t* lines, size_t count,
                                               caisse_operation_result_t* results_host_ptr);

  /**
   * Asks the backend what became of one operation (the janitor calls it for PENDING and UNKNOWN
   * lines; it never resends blindly).
   * @param operation_id OWNERSHIP: host. LIFETIME: until the hook returns.
   * @param result_host_ptr out.
   * @return OK, or UNAVAILABLE if the backend cannot be asked now.
   */
  caisse_status_t (*caisse_on_currency_status)(void* instance_plugin_ptr, caisse_str_t operation_id,
                                               caisse_operation_result_t* result_host_ptr);

  /**
   * (1.3) Lists the payments households made to merchants in [from_ms, to_ms), for evaluation,
   * bonuses and the accreditation check. An API adapter pages through its backend; a file adapter
   * reads the transaction exports the operator dropped. NULL when the backend cannot tell.
   * @param sink called once per purchase, in any order; stop and return its status if not OK.
   * @return OK when every purchase in the period was handed over; UNAVAILABLE when the backend
   *         cannot be asked now; INVALID_ARGUMENT for a malformed export (the message names the
   *         file and line); UNSUPPORTED when the plugin cannot list as configured. The host
   *         stores a listing whole or not at all: after a failure it asks for the period again.
   */
  caisse_status_t (*caisse_on_currency_list_purchases)(void* instance_plugin_ptr, int64_t from_ms,
                                                       int64_t to_ms, caisse_purchase_sink_fn sink,
                                                       void* sink_host_ptr);

  /**
   * (1.3) Makes the backend agree with the caisse's list of merchants: accredited ones can be
   * paid, the others not (a Cyclos group or status change, an updated accredited-merchant file).
   * The host sends the whole list each time, so a sync that failed halfway is simply sent again.
   * NULL when the backend has no notion of accreditation.
   * @param merchants OWNERSHIP: host. LIFETIME: until the hook returns.
   * @return OK when the backend agrees with the whole list; UNAVAILABLE when it could not be
   *         reached or changed (set the reason, naming the merchants left behind).
   */
  caisse_status_t (*caisse_on_currency_sync_merchants)(void* instance_plugin_ptr,
                                                       const caisse_merchant_t* merchants,
                                                       size_t count);
} caisse_currency_hooks_t;

/**
 * What an allocation rule sees of one household for one month (ABI 1.0).
 *
 * OWNERSHIP: host. LIFETIME: until the hook it is passed to returns, strings included.
 */
typedef struct caisse_allocation_input {
  /** sizeof the struct as the host knows it; a plugin reads a field only if this covers it. */
  uint32_t struct_size;
  caisse_str_t household_id;
  uint32_t adults;
  uint32_t children;
  /** The cycle's month, "YYYY-MM". */
  caisse_str_t month;
  /** The caisse currency code; the result is in its minor units. */
  caisse_str_t currency;
  /** Sum of the month's contributions received, in the currency's minor units. */
  int64_t month_contributions_minor;
  /** Number of households in the cycle. */
  uint64_t household_count;
} caisse_allocation_input_t;

/**
 * What a contribution grid sees of one household when it suggests a monthly contribution
 * (ABI 1.1). Contributions are voluntary: the result is a suggestion shown to the household,
 * never an amount collected without its agreement.
 *
 * A value the household did not declare is negative (-1): a grid that needs it answers
 * INVALID_ARGUMENT, a grid that does not need it ignores it.
 *
 * OWNERSHIP: host. LIFETIME: until the hook it is passed to returns, strings included.
 */
typedef struct caisse_contribution_input {
  /** sizeof the struct as the host knows it; a plugin reads a field only if this covers it. */
  uint32_t struct_size;
  /** The household's pseudonymous id in this caisse (for messages only; rules are pure). */
  caisse_str_t household_id;
  uint32_t adults;
  uint32_t children;
  /** The currency of the amounts below and of the result: "EUR" for French caisses. */
  caisse_str_t currency;
  /** The household's net monthly income, in minor units of currency (cents); -1: undeclared. */
  int64_t monthly_income_minor;
  /**
   * The household's fixed monthly costs (rent, energy, insurance, loans), in minor units of
   * currency; income minus fixed costs is the "reste à vivre". -1: undeclared.
   */
  int64_t monthly_fixed_costs_minor;
  /**
   * The quotient familial as the CAF computes it: whole euros per month per "part" (taxable
   * income / 12 / number of parts). Not minor units. -1: undeclared.
   */
  int64_t quotient_familial;
} caisse_contribution_input_t;

/**
 * What a bonus rule sees of one household for one month (ABI 1.1): its purchases at the
 * merchants the committee tagged (organic, short supply chain, ...), from which it computes a
 * bonus paid back after the purchases.
 *
 * OWNERSHIP: host. LIFETIME: until the hook it is passed to returns, strings included.
 */
typedef struct caisse_bonus_input {
  /** sizeof the struct as the host knows it; a plugin reads a field only if this covers it. */
  uint32_t struct_size;
  /** The month the purchases were made in, "YYYY-MM". */
  caisse_str_t month;
  /** The household's pseudonymous id in this caisse. */
  caisse_str_t household_id;
  uint32_t adults;
  uint32_t children;
  /** The caisse currency code; purchases and the result are in its minor units. */
  caisse_str_t currency;
  /** Total of the household's purchases at tagged merchants that month, in minor units (>= 0). */
  int64_t tagged_purchases_minor;
} caisse_bonus_input_t;

/**
 * Hooks of the RULE role. Rules are pure: same input, same output, no I/O. A rule plugin
 * implements any non-empty subset of the hooks and leaves the others NULL; the host answers
 * UNSUPPORTED for a NULL hook, and for a hook beyond struct_size (a plugin built against an
 * older minor).
 *
 * OWNERSHIP: plugin, static. LIFETIME: as long as the plugin is loaded.
 */
typedef struct caisse_rule_hooks {
  /** sizeof(caisse_rule_hooks_t) as the plugin was compiled; tells the host which hooks exist. */
  uint32_t struct_size;

  /**
   * Computes one household's monthly allocation. ABI 1.0; NULL allowed from 1.1.
   * @param instance_plugin_ptr the instance from caisse_on_instance_init.
   * @param input OWNERSHIP: host. LIFETIME: until the hook returns.
   * @param amount_minor out: the allocation in the caisse currency's minor units (>= 0).
   * @return OK, INVALID_ARGUMENT for an input the rule cannot handle, or UNSUPPORTED if this rule
   *         plugin computes something else than allocations.
   */
  caisse_status_t (*caisse_on_rule_allocate)(void* instance_plugin_ptr,
                                             const caisse_allocation_input_t* input,
                                             int64_t* amount_minor);

  /**
   * Suggests one household's monthly contribution from a grid the committee chose (quotient
   * familial brackets, a share of the reste à vivre, a minimum per household). ABI 1.1; NULL
   * when the plugin has no grid.
   * @param instance_plugin_ptr the instance from caisse_on_instance_init.
   * @param input OWNERSHIP: host. LIFETIME: until the hook returns. Read only the fields its
   *        struct_size covers.
   * @param amount_minor out: the suggested monthly contribution in minor units of
   *        input->currency (>= 0).
   * @return OK, INVALID_ARGUMENT for an input the grid cannot handle (a value it needs is
   *         undeclared, an overflow), or UNSUPPORTED.
   */
  caisse_status_t (*caisse_on_rule_suggest_contribution)(void* instance_plugin_ptr,
                                                         const caisse_contribution_input_t* input,
                                                         int64_t* amount_minor);

  /**
   * Computes the bonus one household earns for a month of purchases at tagged merchants.
   * ABI 1.1; NULL when the plugin has no bonus rule.
   * @param instance_plugin_ptr the instance from caisse_on_instance_init.
   * @param input OWNERSHIP: host. LIFETIME: until the hook returns. Read only the fields its
   *        struct_size covers.
   * @param amount_minor out: the bonus in minor units of input->currency (>= 0).
   * @return OK, INVALID_ARGUMENT for an input the rule cannot handle, or UNSUPPORTED.
   */
  caisse_status_t (*caisse_on_rule_bonus)(void* instance_plugin_ptr,
                                          const caisse_bonus_input_t* input, int64_t* amount_minor);
} caisse_rule_hooks_t;

/* ------------------------------------------------------------------------------------------ */
/* Money in and out (1.4): COLLECTOR, STATEMENT and PAYOUT roles                               */
/* ------------------------------------------------------------------------------------------ */

/**
 * (1.4) Where a plugin writes a file it produces (a pain.008, a pain.001), in pieces, so that a
 * file of 100 000 lines is never built whole on the plugin's side.
 * @param bytes OWNERSHIP: plugin. LIFETIME: until the sink returns (the host copies it).
 * @return OK to go on; any other status means stop writing and return that status.
 */
typedef caisse_status_t (*caisse_bytes_sink_fn)(void* sink_host_ptr, caisse_str_t bytes);

/** (1.4) One bank statement line, as a STATEMENT plugin read it from a file. */
typedef struct caisse_statement_entry {
  /** sizeof(caisse_statement_entry_t) as the plugin knows it. */
  uint32_t struct_size;
  /** Where in the file: "releve.csv:12", "Stmt[1]/Ntry[3]/NtryDtls/TxDtls[2]". */
  caisse_str_t location;
  /** The IBAN of the account the statement is about; empty when the file does not say. */
  caisse_str_t account_iban;
  /** YYYY-MM-DD. */
  caisse_str_t booking_date;
  /** YYYY-MM-DD, or empty. */
  caisse_str_t value_date;
  /** Signed: minor > 0 is money in (a credit), minor < 0 money out (a debit). Never 0. */
  caisse_money_t amount;
  /** The bank's own id of the line (camt AcctSvcrRef); empty when it has none. */
  caisse_str_t bank_reference;
  /** The SEPA EndToEndId the line carries; empty when none. */
  caisse_str_t end_to_end_id;
  /** The SEPA mandate reference (RUM) the line carries; empty when none. */
  caisse_str_t mandate_id;
  caisse_str_t counterparty_name;
  caisse_str_t counterparty_iban;
  /** The free text (label, unstructured remittance). */
  caisse_str_t remittance;
  /** The ISO 20022 reason code of a returned or rejected payment (AC04, MD06...); else empty. */
  caisse_str_t return_reason;
} caisse_statement_entry_t;

/**
 * (1.4) Where caisse_on_statement_parse hands each line, one at a time.
 * @param entry OWNERSHIP: plugin. LIFETIME: until the sink returns (the host copies it).
 * @return OK to go on; any other status means stop and return that status.
 */
typedef caisse_status_t (*caisse_statement_sink_fn)(void* sink_host_ptr,
                                                    const caisse_statement_entry_t* entry);

/** (1.4) Hooks of the STATEMENT role. OWNERSHIP: plugin, static. */
typedef struct caisse_statement_hooks {
  uint32_t struct_size;

  /**
   * Reads a bank statement file (a bank's CSV export, a camt.053 or camt.054).
   * @param file_name the name the operator gave the file, for messages. LIFETIME: the call.
   * @param content the whole file, as bytes. LIFETIME: the call.
   * @param sink called once per line, in file order.
   * @return OK when the whole file was read; INVALID_ARGUMENT for a malformed file, the message
   *         naming the file and line, or the XML element. The host records nothing of a file
   *         that did not read whole.
   */
  caisse_status_t (*caisse_on_statement_parse)(void* instance_plugin_ptr, caisse_str_t file_name,
                                               caisse_str_t content, caisse_statement_sink_fn sink,
                                               void* sink_host_ptr);
} caisse_statement_hooks_t;

/** (1.4) The SEPA sequence type of a direct debit. Values are stable. */
typedef enum caisse_sequence_type {
  /** FRST: the first collection under a mandate. */
  CAISSE_SEQUENCE_FIRST = 1,
  /** RCUR: a later collection under a recurrent mandate. */
  CAISSE_SEQUENCE_RECURRING = 2,
  /** OOFF: the only collection under a one-off mandate. */
  CAISSE_SEQUENCE_ONE_OFF = 3,
  /** FNAL: the last collection under a recurrent mandate. */
  CAISSE_SEQUENCE_FINAL = 4,
} caisse_sequence_type_t;

/** (1.4) One direct debit to collect from a member. OWNERSHIP: host. */
typedef struct caisse_debit {
  /** sizeof(caisse_debit_t) as the host knows it. */
  uint32_t struct_size;
  /** Unique, at most 35 characters; the bank hands it back in reports and statements. */
  caisse_str_t end_to_end_id;
  /** The mandate reference (RUM). */
  caisse_str_t mandate_id;
  /** The mandate's signature date, YYYY-MM-DD. */
  caisse_str_t mandate_signed_on;
  /** A caisse_sequence_type_t. */
  uint32_t sequence;
  caisse_str_t debtor_name;
  caisse_str_t debtor_iban;
  /** Empty when unknown (IBAN-only collection). */
  caisse_str_t debtor_bic;
  caisse_money_t amount;
  /** The text the member sees on their statement. */
  caisse_str_t remittance;
  /** The previous mandate reference when it changed since the last collection; else empty. */
  caisse_str_t amended_mandate_id;
  /** The previous IBAN when the member changed account since the last collection; else empty. */
  caisse_str_t amended_debtor_iban;
} caisse_debit_t;

/** (1.4) A file of direct debits. OWNERSHIP: host. LIFETIME: until the hook returns. */
typedef struct caisse_debit_batch {
  uint32_t struct_size;
  /** Unique per file (the pain.008 MsgId). */
  caisse_str_t message_id;
  /** When the file is made, ISO date-time (2026-11-24T10:00:00). */
  caisse_str_t created_at;
  /** The requested collection date, YYYY-MM-DD. */
  caisse_str_t collection_date;
  const caisse_debit_t* debits;
  size_t debit_count;
} caisse_debit_batch_t;

/**
 * (1.4) Where a payment stands, as a provider or a bank reported it. Values are stable.
 *   PENDING   accepted, not settled yet.
 *   PAID      settled: the money comes (or came) in.
 *   FAILED    rejected or refused before settlement: nothing moved.
 *   REFUNDED  given back after settlement: a return, a refund, a chargeback.
 */
typedef enum caisse_payment_state {
  CAISSE_PAYMENT_PENDING = 1,
  CAISSE_PAYMENT_PAID = 2,
  CAISSE_PAYMENT_FAILED = 3,
  CAISSE_PAYMENT_REFUNDED = 4,
} caisse_payment_state_t;

/**
 * (1.4) What a provider says happened to one payment. The host keeps each event_id of an
 * instance once, so the same report or notification twice changes nothing.
 *
 * OWNERSHIP: plugin. LIFETIME: until the sink it is passed to returns (the host copies it).
 */
typedef struct caisse_payment_event {
  /** sizeof(caisse_payment_event_t) as the plugin knows it. */
  uint32_t struct_size;
  /** The provider's id of this event, unique per instance: the deduplication key. */
  caisse_str_t event_id;
  /** Which payment: the EndToEndId the host chose, or the provider's payment id. */
  caisse_str_t payment_ref;
  /** The paying household's id when the provider carries it; empty otherwise. */
  caisse_str_t payer_ref;
  /** A caisse_payment_state_t. */
  uint32_t state;
  /** The payment's amount; minor 0 when the event does not say. */
  caisse_money_t amount;
  /** The provider's or the ISO reason code (AC04, card_declined); empty when none. */
  caisse_str_t reason_code;
  /** When it happened: ISO date or date-time. */
  caisse_str_t occurred_at;
  /** Where in a report file; empty for a notification. */
  caisse_str_t location;
} caisse_payment_event_t;

/** (1.4) Where collector hooks hand each payment event; as caisse_statement_sink_fn. */
typedef caisse_status_t (*caisse_payment_event_sink_fn)(void* sink_host_ptr,
                                                        const caisse_payment_event_t* event);

/**
 * (1.4) A notification a provider pushed to the host, exactly as received.
 * OWNERSHIP: host. LIFETIME: until the hook returns.
 */
typedef struct caisse_webhook {
  uint32_t struct_size;
  const caisse_http_header_t* headers;
  size_t header_count;
  /** The raw body, byte for byte: signatures are computed on these bytes. */
  caisse_str_t body;
  /** The host's clock when the request arrived, ms since the Unix epoch. */
  int64_t received_ms;
} caisse_webhook_t;

/**
 * (1.4) Hooks of the COLLECTOR role: a plugin sets those its provider supports (at least one);
 * the host answers UNSUPPORTED for the others. OWNERSHIP: plugin, static.
 */
typedef struct caisse_collector_hooks {
  uint32_t struct_size;

  /**
   * Tells whether a notification is authentic: the signature over the raw body (compared in
   * constant time) and its timestamp within the tolerated window. Runs before the host answers
   * the provider, so it must be quick and must not call the network. A provider that does not
   * sign checks only the shape here; caisse_on_collector_read_webhook then re-fetches.
   * @param event_id_plugin_ptr out: the provider's event id. LIFETIME: until the next hook.
   * @return OK when authentic; PERMISSION_DENIED when forged, stale or signed with another
   *         secret; INVALID_ARGUMENT when it is not a notification of this provider.
   */
  caisse_status_t (*caisse_on_collector_verify_webhook)(void* instance_plugin_ptr,
                                                        const caisse_webhook_t* webhook,
                                                        caisse_str_t* event_id_plugin_ptr);

  /**
   * Turns a verified notification into payment events. The host calls it later, off the request,
   * and again after a failure, so it must be safe to call twice. It may call
   * caisse_host_http_send (to re-fetch a payment from an unsigned provider's API).
   * @return OK; UNAVAILABLE when the provider cannot be asked now (the host retries, then files
   *         the notification as dead for the operator to replay); INVALID_ARGUMENT when malformed.
   */
  caisse_status_t (*caisse_on_collector_read_webhook)(void* instance_plugin_ptr,
                                                      const caisse_webhook_t* webhook,
                                                      caisse_payment_event_sink_fn sink,
                                                      void* sink_host_ptr);

  /**
   * Writes a direct-debit initiation file (pain.008) for the batch.
   * @param sink receives the file's bytes in order.
   * @return OK; INVALID_ARGUMENT naming the debit (its end_to_end_id) and the field at fault.
   *         Nothing the plugin wrote counts unless it returns OK.
   */
  caisse_status_t (*caisse_on_collector_write_debits)(void* instance_plugin_ptr,
                                                      const caisse_debit_batch_t* batch,
                                                      caisse_bytes_sink_fn sink,
                                                      void* sink_host_ptr);

  /**
   * Reads a payment status report (pain.002) into payment events.
   * @return OK when the whole file was read; INVALID_ARGUMENT naming the file, line or element.
   */
  caisse_status_t (*caisse_on_collector_read_report)(void* instance_plugin_ptr,
                                                     caisse_str_t file_name, caisse_str_t content,
                                                     caisse_payment_event_sink_fn sink,
                                                     void* sink_host_ptr);

  /**
   * Lists the provider's payments made in [from_ms, to_ms), for reconciliation.
   * @return OK when every payment of the period was handed over; UNAVAILABLE otherwise.
   */
  caisse_status_t (*caisse_on_collector_list_payments)(void* instance_plugin_ptr, int64_t from_ms,
                                                       int64_t to_ms,
                                                       caisse_payment_event_sink_fn sink,
                                                       void* sink_host_ptr);
} caisse_collector_hooks_t;

/** (1.4) One credit transfer to a merchant (its reconversion to euros). OWNERSHIP: host. */
typedef struct caisse_transfer {
  uint32_t struct_size;
  /** Unique, at most 35 characters. */
  caisse_str_t end_to_end_id;
  caisse_str_t creditor_name;
  caisse_str_t creditor_iban;
  /** Empty when unknown. */
  caisse_str_t creditor_bic;
  caisse_money_t amount;
  caisse_str_t remittance;
} caisse_transfer_t;

/** (1.4) A file of credit transfers. OWNERSHIP: host. LIFETIME: until the hook returns. */
typedef struct caisse_transfer_batch {
  uint32_t struct_size;
  /** Unique per file (the pain.001 MsgId). */
  caisse_str_t message_id;
  /** When the file is made, ISO date-time. */
  caisse_str_t created_at;
  /** The requested execution date, YYYY-MM-DD. */
  caisse_str_t execution_date;
  const caisse_transfer_t* transfers;
  size_t transfer_count;
} caisse_transfer_batch_t;

/** (1.4) Hooks of the PAYOUT role. OWNERSHIP: plugin, static. */
typedef struct caisse_payout_hooks {
  uint32_t struct_size;

  /**
   * Writes a credit transfer initiation file (pain.001) for the batch.
   * @return OK; INVALID_ARGUMENT naming the transfer and the field at fault.
   */
  caisse_status_t (*caisse_on_payout_write_transfers)(void* instance_plugin_ptr,
                                                      const caisse_transfer_batch_t* batch,
                                                      caisse_bytes_sink_fn sink,
                                                      void* sink_host_ptr);
} caisse_payout_hooks_t;

/* ------------------------------------------------------------------------------------------ */
/* The plugin descriptor and entry point                                                       */
/* ------------------------------------------------------------------------------------------ */

/**
 * What a plugin is, returned by its entry point.
 *
 * OWNERSHIP: plugin, static. LIFETIME: as long as the plugin is loaded (the host never unloads
 * a plugin while an instance exists).
 */
typedef struct caisse_plugin {
  uint32_t struct_size;
  /** CAISSE_SDK_ABI_MAJOR of the header the plugin was compiled with. */
  uint32_t abi_major;
  /** The lowest host ABI minor whose callbacks and fields this plugin uses. */
  uint32_t abi_minor_required;

  /** Unique plugin name, [a-z0-9_-]+, as referenced by `plugin = "…"` in caisse files. */
  const char* name;
  /** The plugin's own version ("1.2.0"). */
  const char* version;
  /** One sentence for operators. */
  const char* description;
  /** Bitmask of caisse_role_t. */
  uint32_t roles;

  /** The configuration schema. OWNERSHIP: plugin, static. */
  const caisse_config_field_t* config_fields;
  size_t config_field_count;

  /**
   * Creates one instance (one `[[plugin]]` block of one caisse) after its configuration was
   * validated against config_fields.
   * @param host the host callbacks. OWNERSHIP: host. LIFETIME: while the plugin is loaded.
   * @param ctx the instance handle to pass to every callback. LIFETIME: until destroy returns.
   * @param instance_plugin_ptr out: the plugin's instance state, passed back to every hook.
   * @return OK, or INVALID_ARGUMENT for a configuration the schema cannot express as wrong
   *         (set the reason with caisse_host_set_error).
   */
  caisse_status_t (*caisse_on_instance_init)(const caisse_host_api_t* host,
                                             caisse_host_context_t* ctx,
                                             void** instance_plugin_ptr);

  /**
   * Destroys an instance. Called once for every instance whose init returned OK.
   * @param instance_plugin_ptr OWNERSHIP: plugin; free it here.
   */
  void (*caisse_on_instance_destroy)(void* instance_plugin_ptr);

  /** Non-NULL if and only if roles contains CAISSE_ROLE_CURRENCY. */
  const caisse_currency_hooks_t* currency;
  /** Non-NULL if and only if roles contains CAISSE_ROLE_RULE. */
  const caisse_rule_hooks_t* rule;
  /** (1.4) Non-NULL if and only if roles contains CAISSE_ROLE_COLLECTOR. */
  const caisse_collector_hooks_t* collector;
  /** (1.4) Non-NULL if and only if roles contains CAISSE_ROLE_STATEMENT. */
  const caisse_statement_hooks_t* statement;
  /** (1.4) Non-NULL if and only if roles contains CAISSE_ROLE_PAYOUT. */
  const caisse_payout_hooks_t* payout;
} caisse_plugin_t;

/**
 * The entry point's type. The host calls it once after loading the file, before anything else.
 * It must not call the host, allocate per-call state or throw.
 * @return the plugin's static descriptor, never NULL.
 */
typedef const caisse_plugin_t* (*caisse_plugin_entry_fn)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CAISSE_SDK_H */
