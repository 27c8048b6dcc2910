// A C++ plugin whose entry point throws instead of returning its descriptor, as one written
// without the wrapper might: the loader must refuse it, not terminate.
#include <caisse/sdk.h>

#include <stdexcept>

extern "C" CAISSE_EXPORT const caisse_plugin_t* caisse_plugin_entry(void) {
  throw std::runtime_error("entry exploded");
}
