/*
 * A RULE plugin exactly as a plugin built against ABI 1.0 is: its rule hook table is the 1.0
 * table (struct_size covers caisse_on_rule_allocate and nothing after it, and the object really
 * ends there) and it requires minor 0. The host must load it and answer UNSUPPORTED for the
 * hooks ABI 1.1 appended, without reading past the table.
 */
#include <caisse/sdk.h>

/* caisse_rule_hooks_t as ABI 1.0 defined it. */
typedef struct rule_hooks_1_0 {
  uint32_t struct_size;
  caisse_status_t (*caisse_on_rule_allocate)(void* instance_plugin_ptr,
                                             const caisse_allocation_input_t* input,
                                             int64_t* amount_minor);
} rule_hooks_1_0_t;

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

/* 70 minor units per member: distinct from every other test plugin's answer. */
static caisse_status_t allocate(void* instance_plugin_ptr, const caisse_allocation_input_t* input,
                                int64_t* amount_minor) {
  (void)instance_plugin_ptr;
  *amount_minor = 70 * (int64_t)(input->adults + input->children);
  return CAISSE_STATUS_OK;
}

static const rule_hooks_1_0_t rule_hooks = {sizeof(rule_hooks_1_0_t), allocate};

/* The 1.0 descriptor ended at `rule`; the 1.4 tables after it stay zero and unread. */
static const caisse_plugin_t descriptor = {
    offsetof(caisse_plugin_t, collector),
    CAISSE_SDK_ABI_MAJOR,
    0, /* built against 1.0 */
    PLUGIN_NAME,
    "1.0.0",
    "A rule plugin built against ABI 1.0.",
    CAISSE_ROLE_RULE,
    0,
    0,
    init,
    destroy,
    0,
    (const caisse_rule_hooks_t*)(const void*)&rule_hooks,
    0,
    0,
    0,
};

CAISSE_EXPORT const caisse_plugin_t* caisse_plugin_entry(void) {
  return &descriptor;
}
