// `collection file`: the daemon answers the month's pain.008 itself (application/xml), not JSON.
// caissectl hands it on unchanged, byte for byte: the bank checks it against its schema.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "ctl/admin_client.hpp"
#include "ctl/command_line.hpp"

namespace caisse::host::ctl {

// Writes the XML to invocation.out_file, or to `out` when there is none, and returns the exit
// code. The file is written beside its final name then renamed, so an interrupted or failed write
// never leaves half a file where the upload to the bank expects a whole one; with --out, `out`
// gets one line saying where it went (with --json, {"file": FILE, "bytes": N}). An answer that is
// not XML exits 1; a file that cannot be written exits 2, naming it and the system's reason (the
// daemon gives the same bytes again: run the command again).
int deliver_debit_file(const Invocation& invocation, const HttpAnswer& answer, std::ostream& out,
                       std::ostream& err);

// Writes `bytes` to `path` through "<path>.part-<pid>" and a rename. Errors name the file and
// the system's reason; the partial file is removed.
Result<void> write_file_whole(const std::string& path, std::string_view bytes);

}  // namespace caisse::host::ctl
