#include "core/util/field_error.h"

namespace conlab {

std::string fill_placeholders(std::string_view format, const std::vector<std::string> &args) {
  std::string out;
  out.reserve(format.size());
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char next = i + 1 < format.size() ? format[i + 1] : '\0';
    const auto n = static_cast<std::size_t>(next - '1');
    if (format[i] == '%' && next >= '1' && next <= '9' && n < args.size()) {
      out += args[n];
      ++i;
    } else {
      out += format[i];
    }
  }
  return out;
}

FieldError field_error(std::string path, const char *format, std::vector<std::string> args) {
  FieldError e{std::move(path), fill_placeholders(format, args), format, std::move(args)};
  return e;
}

namespace {

std::string join_messages(const std::vector<FieldError> &errors) {
  std::string out;
  for (const FieldError &e : errors)
    out += (out.empty() ? "" : "\n") + e.to_string();
  return out.empty() ? "invalid experiment" : out;
}

} // namespace

SpecError::SpecError(std::vector<FieldError> errors)
    : std::runtime_error(join_messages(errors)), m_errors(std::move(errors)) {}

} // namespace conlab
