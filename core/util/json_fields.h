// Shared by the spec and results readers: JSON text in and out, and typed field reading that
// records every problem with its field path instead of stopping at the first.
#pragma once

#include "core/util/field_error.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conlab::json {

using Errors = std::vector<FieldError>;

std::string field_path(std::string_view base, std::string_view key); // "a.b", or "b"
std::string index_path(std::string_view base, std::size_t index);    // "a[3]"

// Parses JSON text. Numbers with a fraction or exponent are converted with std::from_chars, so
// they read back exactly what was written (Boost.JSON 1.81's own conversion can be 1 ulp off).
// On a syntax error returns nullopt and fills `error` (path "") with the line and column.
std::optional<boost::json::value> parse_text(std::string_view text, FieldError &error);
// Parses text read from `source` (a path, "stdin"); throws SpecError naming it on a syntax error.
boost::json::value parse_document(std::string_view text, const std::string &source);
// Reads and parses a JSON file; throws SpecError naming the file when it cannot.
boost::json::value read_json_file(const std::string &path);

// A double as people write it: 1000, 0.25, 1e-07 (shortest text that reads back exactly).
std::string number_text(double value);

// Indented text (2 spaces) with short flat objects and arrays kept on one line.
std::string pretty_print(const boost::json::value &value);

// Conversions that accept every JSON spelling of a value: 3, 3.0 and 3e0 are all the integer 3.
std::optional<double> as_number(const boost::json::value &value);
std::optional<std::int64_t> as_integer(const boost::json::value &value);
std::optional<std::uint64_t> as_unsigned(const boost::json::value &value);

// Non-finite numbers have no JSON spelling: they are written as null and read back as NaN.
boost::json::value number_or_null(double value);

enum class Need { optional, required };

// Reads the members of one JSON object. Getters return nullopt (after recording an error) when a
// member has the wrong type, or is missing and required. In strict mode, finish() reports every
// member no getter asked about as an unknown key, suggesting the nearest known one.
class Fields {
public:
  Fields(const boost::json::value &value, std::string path, Errors &errors, bool strict);
  Fields(const Fields &) = delete;
  Fields &operator=(const Fields &) = delete;

  bool valid() const { return m_object != nullptr; } // false: not an object (already reported)
  const std::string &path() const { return m_path; }
  std::string path(std::string_view key) const { return field_path(m_path, key); }
  void error(std::string path, std::string message);
  // `format` a CONLAB_TRANSLATABLE template, its %1, %2, … filled with `args`.
  void error(std::string path, const char *format, std::vector<std::string> args);
  Errors &errors() const { return m_errors; }

  bool has(std::string_view key);
  const boost::json::value *get(std::string_view key, Need need = Need::optional);
  std::optional<std::string> string(std::string_view key, Need need = Need::optional);
  std::optional<double> number(std::string_view key, Need need = Need::optional);
  std::optional<double> number_or_nan(std::string_view key, Need need = Need::optional);
  std::optional<std::int64_t> integer(std::string_view key, Need need = Need::optional);
  std::optional<std::uint64_t> unsigned_integer(std::string_view key, Need need = Need::optional);
  std::optional<bool> boolean(std::string_view key, Need need = Need::optional);
  const boost::json::array *array(std::string_view key, Need need = Need::optional);
  const boost::json::value *object(std::string_view key, Need need = Need::optional);

  // A member whose value must be one of a few names.
  template <class E>
  std::optional<E> choice(std::string_view key,
                          std::initializer_list<std::pair<std::string_view, E>> names,
                          Need need = Need::optional) {
    const std::optional<std::string> text = string(key, need);
    if (!text)
      return std::nullopt;
    std::vector<std::string_view> spelled;
    for (const auto &[name, e] : names) {
      if (name == *text)
        return e;
      spelled.push_back(name);
    }
    one_of(path(key), spelled, *text);
    return std::nullopt;
  }

  // A known member that is not allowed here: reports `format` (a CONLAB_TRANSLATABLE template
  // without placeholders) if it is present.
  void reject(std::string_view key, const char *format);
  void finish();

private:
  void one_of(std::string path, const std::vector<std::string_view> &names, std::string_view found);
  const boost::json::value *take(std::string_view key, Need need);

  const boost::json::object *m_object = nullptr;
  std::string m_path;
  Errors &m_errors;
  bool m_strict;
  std::vector<std::string> m_known;
};

std::size_t edit_distance(std::string_view a, std::string_view b);
std::string quoted(std::string_view text); // "text", JSON-escaped

} // namespace conlab::json
