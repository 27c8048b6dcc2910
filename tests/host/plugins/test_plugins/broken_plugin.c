/*
 * A valid RULE plugin that each test variant breaks in exactly one place, chosen by one compile
 * definition from CMakeLists.txt (BREAK_WRONG_MAJOR, BREAK_SCHEMA_DUPLICATE, ...). Built once per
 * variant as <variant>.so; PLUGIN_NAME is that file name, which BREAK_NAME contradicts.
 */
#include <caisse/sdk.h>

static caisse_status_t init(const caisse_host_api_t* host, caisse_host_context_t* ctx,
                            void** instance_plugin_ptr) {
  (void)host;
  (void)ctx;
  *instance_plugin_ptr = 0;
  return CAISSE_STATUS_OK;
}

static void destroy(void* instance_plugin_ptr) {
  (void)instance_plugin_ptr;
}

#ifndef BREAK_NO_RULE_HOOK
static caisse_status_t allocate(void* instance_plugin_ptr, const caisse_allocation_input_t* input,
                                int64_t* amount_minor) {
  (void)instance_plugin_ptr;
  *amount_minor = 100 * (int64_t)(input->adults + input->children);
  return CAISSE_STATUS_OK;
}
#endif

static const caisse_rule_hooks_t rule_hooks = {
#ifdef BREAK_SMALL_HOOK_TABLE
    4,
#else
    sizeof(caisse_rule_hooks_t),
#endif
#ifdef BREAK_NO_RULE_HOOK
    0,
#else
    allocate,
#endif
    0, 0};

static const caisse_config_field_t fields[] = {
#if defined(BREAK_SCHEMA_TYPE)
    {"amount", (caisse_config_type_t)9, 0, 0, "A type the ABI does not define."},
#elif defined(BREAK_SCHEMA_SECRET_INTEGER)
    {"pin", CAISSE_CONFIG_TYPE_INTEGER, 0, CAISSE_CONFIG_SECRET, "Secrets are strings."},
#elif defined(BREAK_SCHEMA_REQUIRED_DEFAULT)
    {"amount", CAISSE_CONFIG_TYPE_INTEGER, "5", CAISSE_CONFIG_REQUIRED, "Required, defaulted."},
#elif defined(BREAK_SCHEMA_DUPLICATE)
    {"amount", CAISSE_CONFIG_TYPE_INTEGER, "5", 0, "Once."},
    {"amount", CAISSE_CONFIG_TYPE_INTEGER, "6", 0, "Twice."},
#elif defined(BREAK_SCHEMA_NAME)
    {"Amount-Per", CAISSE_CONFIG_TYPE_INTEGER, "5", 0, "Upper case and a dash."},
#elif defined(BREAK_SCHEMA_DEFAULT)
    {"amount", CAISSE_CONFIG_TYPE_INTEGER, "ten", 0, "Not an integer."},
#else
    {"amount", CAISSE_CONFIG_TYPE_INTEGER, "100", 0, "Minor units per person."},
#endif
};

static const caisse_plugin_t descriptor = {
#if defined(BREAK_SMALL_DESCRIPTOR)
    16,
#elif defined(BREAK_UNSUPPORTED_ROLE)
    /* As built against ABI 1.3: the descriptor ends before the 1.4 role tables. */
    offsetof(caisse_plugin_t, collector),
#else
    sizeof(caisse_plugin_t),
#endif
#ifdef BREAK_WRONG_MAJOR
    CAISSE_SDK_ABI_MAJOR + 1,
#else
    CAISSE_SDK_ABI_MAJOR,
#endif
#ifdef BREAK_NEWER_MINOR
    CAISSE_SDK_ABI_MINOR + 1,
#else
    CAISSE_SDK_ABI_MINOR,
#endif
#ifdef BREAK_NAME
    "someone_else",
#else
    PLUGIN_NAME,
#endif
    "0.0.1",
    "A deliberately broken plugin for the loader tests.",
#if defined(BREAK_UNSUPPORTED_ROLE)
    CAISSE_ROLE_RULE | CAISSE_ROLE_COLLECTOR,
#elif defined(BREAK_ROLE_WITHOUT_HOOKS)
    CAISSE_ROLE_RULE | CAISSE_ROLE_CURRENCY,
#elif defined(BREAK_HOOKS_WITHOUT_ROLE)
    0,
#else
    CAISSE_ROLE_RULE,
#endif
    fields,
    sizeof fields / sizeof fields[0],
    init,
    destroy,
    0,
    &rule_hooks,
    0,
    0,
    0,
};

CAISSE_EXPORT const caisse_plugin_t* caisse_plugin_entry(void) {
#ifdef BREAK_NULL_DESCRIPTOR
  (void)descriptor;
  return 0;
#else
  return &descriptor;
#endif
}
