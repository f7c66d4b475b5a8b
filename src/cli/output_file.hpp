#pragma once
// Writing the output to -o FILE without losing what the user had there.

#include <functional>
#include <string>
#include <string_view>

namespace xpuspec::cli {

// Replaces FILE's contents with the text at once (a failed run leaves FILE as it was), keeping what FILE is: a
// symlink's target is written and the link kept; a device, FIFO or socket is written to directly; a regular
// file keeps its mode and owner. Refuses (throws xpuspec::error, FILE untouched) where atomic replacement would
// lose something: a file with other hard links, or an owner the new file cannot be given.
// The text is made a piece at a time: `produce` hands each piece to the sink it is given. The file is opened (or
// its temporary made) first, so a refusal costs no rendering; if `produce` throws, FILE stays as it was.
using text_sink = std::function<void(std::string_view)>;
void write_output_file(const std::string& path, const std::function<void(const text_sink&)>& produce);

// All of `text` to `fd`, or xpuspec::error naming `what`. With stop_on_closed_pipe, a reader that stopped reading
// (EPIPE: `xpuspec list | head -1`) ends the write quietly: not a failure, and the command's status stands.
// Returns false when it stopped so.
bool write_descriptor(int fd, std::string_view text, const std::string& what, bool stop_on_closed_pipe);

}  // namespace xpuspec::cli
