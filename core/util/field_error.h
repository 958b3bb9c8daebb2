// A problem with an experiment or a file, named by its field path: `variants[3].pool_size: must
// be ≥ 1`. The message is English (the CLI's); it also keeps the template it was made from, with
// %1, %2, … where the values went, so the desktop lab can word the same message in its language.
#pragma once

#include "core/util/translatable.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace conlab {

struct FieldError {
  std::string path;
  std::string message;
  // CONLAB_TRANSLATABLE("conlab::errors", …) template of `message` and the values that fill its
  // %1, %2, …; empty for a message made elsewhere (a library's, the operating system's).
  std::string format;
  std::vector<std::string> args;

  std::string to_string() const { return path.empty() ? message : path + ": " + message; }
};

// `format` with every %1 … %9 replaced by args[0] … args[8].
std::string fill_placeholders(std::string_view format, const std::vector<std::string> &args);

// A FieldError whose message is `format` filled with `args`.
FieldError field_error(std::string path, const char *format, std::vector<std::string> args = {});

// Every problem found in an experiment or a file, thrown at once (not just the first). what() is
// their English messages, one per line.
class SpecError : public std::runtime_error {
public:
  explicit SpecError(std::vector<FieldError> errors);
  const std::vector<FieldError> &errors() const { return m_errors; }

private:
  std::vector<FieldError> m_errors;
};

} // namespace conlab
