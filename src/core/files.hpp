#pragma once
// Finding and reading chip files on disk, shared by loading and validation.

#include <filesystem>
#include <string>
#include <vector>

namespace xpuspec {

namespace fs = std::filesystem;

// The file's bytes; throws xpuspec::error naming the path when it is missing, not a regular file, too large for
// a chip file, or unreadable.
std::string read_chip_file(const fs::path& path);

bool is_chip_file(const fs::path& path);

// The chip files an argument names: the file itself, or the .json files below a folder (not *.schema.json), in
// name order. Throws xpuspec::error when the path does not exist.
std::vector<fs::path> chip_files_in(const std::string& argument);

}  // namespace xpuspec
