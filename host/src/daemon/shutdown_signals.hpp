// SIGTERM and SIGINT end the daemon gracefully. They are blocked in every thread (call
// block_shutdown_signals() before starting any) and taken synchronously by the main thread, so
// no work happens inside a signal handler.
#pragma once

namespace caisse::host::daemon {

void block_shutdown_signals();

// Blocks until SIGTERM or SIGINT arrives; returns its number.
int wait_for_shutdown_signal();

}  // namespace caisse::host::daemon
