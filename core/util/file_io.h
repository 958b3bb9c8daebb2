// Whole-file reads and atomic writes (temporary file beside the target, fsync, rename), with
// errors that name the file and the reason.
#pragma once

#include <string>
#include <string_view>

namespace conlab {

// Returns false and sets `error` ("cannot read PATH: reason") when the file cannot be read.
bool read_text_file(const std::string &path, std::string &contents, std::string &error);

// Writes "<path>.tmp-<pid>", fsyncs it and renames it over `path`. On any failure the temporary
// file is removed, `path` is left as it was, and std::runtime_error names the path and reason.
void write_file_atomically(const std::string &path, std::string_view contents);

} // namespace conlab
