/*
 * sloppy_c_currency: a CURRENCY plugin written in C against caisse/sdk.h alone, which credits
 * by appending operation ids to a journal file, and breaks two ABI rules the C++ wrapper would
 * have kept for it. The conformance kit must catch both (kit_catches_bugs_test.cpp):
 *   - credit() points its results' external_ref at a buffer on its own stack, gone when the
 *     hook returns, although the host reads it afterwards;
 *   - status() returns UNAVAILABLE without calling caisse_host_set_error, so the operator sees
 *     a failure without a reason.
 */
#include <caisse/sdk.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sloppy {
  const caisse_host_api_t* host;
  caisse_host_context_t* ctx;
  char journal[512];
  char line[512];
} sloppy_t;

static caisse_str_t str(const char* text) {
  caisse_str_t out = {text, strlen(text)};
  return out;
}

static caisse_status_t sloppy_init(const caisse_host_api_t* host, caisse_host_context_t* ctx,
                                   void** instance) {
  caisse_str_t path = {NULL, 0};
  sloppy_t* self;
  if (host->caisse_host_config_get_string(ctx, str("journal"), &path) != CAISSE_STATUS_OK ||
      path.len == 0 || path.len >= sizeof self->journal) {
    host->caisse_host_set_error(ctx, str("journal: a path shorter than 512 bytes is required"));
    return CAISSE_STATUS_INVALID_ARGUMENT;
  }
  self = calloc(1, sizeof *self);
  if (self == NULL) {
    host->caisse_host_set_error(ctx, str("out of memory"));
    return CAISSE_STATUS_INTERNAL;
  }
  self->host = host;
  self->ctx = ctx;
  memcpy(self->journal, path.data, path.len);
  *instance = self;
  return CAISSE_STATUS_OK;
}

static void sloppy_destroy(void* instance) {
  free(instance);
}

static caisse_status_t sloppy_credit(void* instance, const caisse_credit_line_t* lines,
                                     size_t count, caisse_operation_result_t* results) {
  sloppy_t* self = instance;
  char reference[64]; /* BUG: the results point here, and this dies with the hook */
  size_t i;
  FILE* journal = fopen(self->journal, "a");
  if (journal == NULL) {
    self->host->caisse_host_set_error(self->ctx, str("cannot open the journal"));
    return CAISSE_STATUS_UNAVAILABLE;
  }
  for (i = 0; i < count; ++i) {
    int n;
    fprintf(journal, "%.*s\n", (int)lines[i].operation_id.len, lines[i].operation_id.data);
    n = snprintf(reference, sizeof reference, "J-%zu", i);
    results[i].outcome = CAISSE_OUTCOME_SUCCEEDED;
    results[i].external_ref.data = reference;
    results[i].external_ref.len = (size_t)n;
    results[i].message.data = NULL;
    results[i].message.len = 0;
  }
  fclose(journal);
  return CAISSE_STATUS_OK;
}

static caisse_status_t sloppy_status(void* instance, caisse_str_t operation_id,
                                     caisse_operation_result_t* result) {
  sloppy_t* self = instance;
  FILE* journal = fopen(self->journal, "r");
  if (journal == NULL) return CAISSE_STATUS_UNAVAILABLE; /* BUG: no caisse_host_set_error */
  result->outcome = CAISSE_OUTCOME_NOT_SENT;
  result->external_ref.data = NULL;
  result->external_ref.len = 0;
  result->message = str("not in the journal");
  while (fgets(self->line, sizeof self->line, journal) != NULL) {
    size_t len = strcspn(self->line, "\n");
    if (len == operation_id.len && memcmp(self->line, operation_id.data, len) == 0) {
      result->outcome = CAISSE_OUTCOME_SUCCEEDED;
      result->message.data = NULL;
      result->message.len = 0;
      break;
    }
  }
  fclose(journal);
  return CAISSE_STATUS_OK;
}

static const caisse_config_field_t sloppy_config[] = {
    {"journal", CAISSE_CONFIG_TYPE_STRING, NULL, CAISSE_CONFIG_REQUIRED,
     "File the credits are appended to."},
};

static const caisse_currency_hooks_t sloppy_hooks = {
    .struct_size = sizeof(caisse_currency_hooks_t),
    .caisse_on_currency_credit = sloppy_credit,
    .caisse_on_currency_status = sloppy_status,
};

static const caisse_plugin_t sloppy_plugin = {
    .struct_size = sizeof(caisse_plugin_t),
    .abi_major = CAISSE_SDK_ABI_MAJOR,
    .abi_minor_required = 0,
    .name = "sloppy_c_currency",
    .version = "0.0.1",
    .description = "Test plugin: a C currency plugin that breaks two ABI rules.",
    .roles = CAISSE_ROLE_CURRENCY,
    .config_fields = sloppy_config,
    .config_field_count = 1,
    .caisse_on_instance_init = sloppy_init,
    .caisse_on_instance_destroy = sloppy_destroy,
    .currency = &sloppy_hooks,
    .rule = NULL,
};

CAISSE_EXPORT const caisse_plugin_t* caisse_plugin_entry(void) {
  return &sloppy_plugin;
}
