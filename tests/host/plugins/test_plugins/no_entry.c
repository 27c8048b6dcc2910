/* A shared object that is not a caisse plugin: it exports a function, but not the entry point. */
#include <caisse/sdk.h>

CAISSE_EXPORT int not_a_caisse_plugin(void) {
  return 42;
}
