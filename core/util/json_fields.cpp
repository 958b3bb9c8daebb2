// Typed JSON member reading with field paths.
#include "core/util/json_fields.h"

#include "core/util/translatable.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace conlab::json {

std::string field_path(std::string_view base, std::string_view key) {
  if (base.empty())
    return std::string(key);
  std::string out(base);
  out += '.';
  out += key;
  return out;
}

std::string index_path(std::string_view base, std::size_t index) {
  return std::string(base) + "[" + std::to_string(index) + "]";
}

std::optional<double> as_number(const boost::json::value &value) {
  if (value.is_double())
    return value.get_double();
  if (value.is_int64())
    return static_cast<double>(value.get_int64());
  if (value.is_uint64())
    return static_cast<double>(value.get_uint64());
  return std::nullopt;
}

std::optional<std::int64_t> as_integer(const boost::json::value &value) {
  if (value.is_int64())
    return value.get_int64();
  if (value.is_uint64()) {
    if (value.get_uint64() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return std::nullopt;
    return static_cast<std::int64_t>(value.get_uint64());
  }
  if (value.is_double()) {
    const double d = value.get_double();
    if (d == std::trunc(d) && std::fabs(d) < 9.2e18)
      return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

std::optional<std::uint64_t> as_unsigned(const boost::json::value &value) {
  if (value.is_uint64())
    return value.get_uint64();
  const std::optional<std::int64_t> i = as_integer(value);
  if (!i || *i < 0)
    return std::nullopt;
  return static_cast<std::uint64_t>(*i);
}

boost::json::value number_or_null(double value) {
  if (std::isfinite(value))
    return value;
  return nullptr;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

Fields::Fields(const boost::json::value &value, std::string path, Errors &errors, bool strict)
    : m_path(std::move(path)), m_errors(errors), m_strict(strict) {
  if (value.is_object())
    m_object = &value.get_object();
  else
    error(m_path, CONLAB_TRANSLATABLE("conlab::errors", "must be an object"), {});
}

void Fields::error(std::string path, std::string message) {
  m_errors.push_back(FieldError{std::move(path), std::move(message)});
}

void Fields::error(std::string path, const char *format, std::vector<std::string> args) {
  m_errors.push_back(field_error(std::move(path), format, std::move(args)));
}

const boost::json::value *Fields::take(std::string_view key, Need need) {
  m_known.emplace_back(key);
  if (!m_object)
    return nullptr;
  const boost::json::value *v =
      m_object->if_contains(boost::json::string_view(key.data(), key.size()));
  if (!v && need == Need::required)
    error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "is required"), {});
  return v;
}

bool Fields::has(std::string_view key) {
  m_known.emplace_back(key);
  return m_object && m_object->contains(boost::json::string_view(key.data(), key.size()));
}

const boost::json::value *Fields::get(std::string_view key, Need need) { return take(key, need); }

std::optional<std::string> Fields::string(std::string_view key, Need need) {
  const boost::json::value *v = take(key, need);
  if (!v)
    return std::nullopt;
  if (!v->is_string()) {
    error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "must be a string"), {});
    return std::nullopt;
  }
  return std::string(v->get_string());
}

std::optional<double> Fields::number(std::string_view key, Need need) {
  const boost::json::value *v = take(key, need);
  if (!v)
    return std::nullopt;
  const std::optional<double> d = as_number(*v);
  if (!d)
    error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "must be a number"), {});
  return d;
}

std::optional<double> Fields::number_or_nan(std::string_view key, Need need) {
  const boost::json::value *v = take(key, need);
  if (v && v->is_null())
    return std::numeric_limits<double>::quiet_NaN();
  if (!v)
    return std::nullopt;
  const std::optional<double> d = as_number(*v);
  if (!d)
    error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "must be a number or null"), {});
  return d;
}

std::optional<std::int64_t> Fields::integer(std::string_view key, Need need) {
  const boost::json::value *v = take(key, need);
  if (!v)
    return std::nullopt;
  const std::optional<std::int64_t> i = as_integer(*v);
  if (!i)
    error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "must be an integer"), {});
  return i;
}

std::optional<std::uint64_t> Fields::unsigned_integer(std::string_view key, Need need) {
  const boost::json::value *v = take(key, need);
  if (!v)
    return std::nullopt;
  const std::optional<std::uint64_t> u = as_unsigned(*v);
  if (!u)
    error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "must be a non-negative integer"), {});
  return u;
}

std::optional<bool> Fields::boolean(std::string_view key, Need need) {
  const boost::json::value *v = take(key, need);
  if (!v)
    return std::nullopt;
  if (!v->is_bool()) {
    error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "must be true or false"), {});
    return std::nullopt;
  }
  return v->get_bool();
}

const boost::json::array *Fields::array(std::string_view key, Need need) {
  const boost::json::value *v = take(key, need);
  if (!v)
    return nullptr;
  if (!v->is_array()) {
    error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "must be an array"), {});
    return nullptr;
  }
  return &v->get_array();
}

const boost::json::value *Fields::object(std::string_view key, Need need) {
  const boost::json::value *v = take(key, need);
  if (!v)
    return nullptr;
  if (!v->is_object()) {
    error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "must be an object"), {});
    return nullptr;
  }
  return v;
}

void Fields::reject(std::string_view key, const char *format) {
  if (has(key))
    error(path(key), format, {});
}

void Fields::finish() {
  if (!m_strict || !m_object)
    return;
  for (const auto &member : *m_object) {
    const std::string_view key(member.key().data(), member.key().size());
    if (std::find(m_known.begin(), m_known.end(), key) != m_known.end())
      continue;
    std::string suggestion;
    std::size_t best = 3;
    for (const std::string &known : m_known) {
      const std::size_t d = edit_distance(key, known);
      if (d < best && d < key.size()) {
        best = d;
        suggestion = known;
      }
    }
    if (suggestion.empty())
      error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "unknown key"), {});
    else
      error(path(key), CONLAB_TRANSLATABLE("conlab::errors", "unknown key, did you mean %1?"),
            {suggestion});
  }
}

// "must be "a", "b" or "c" (found "x")": the names but the last, the last, what was found.
void Fields::one_of(std::string path, const std::vector<std::string_view> &names,
                    std::string_view found) {
  std::string all_but_last;
  for (std::size_t i = 0; i + 1 < names.size(); ++i)
    all_but_last += (i > 0 ? ", " : "") + quoted(names[i]);
  if (names.size() < 2)
    error(std::move(path), CONLAB_TRANSLATABLE("conlab::errors", "must be %1 (found %2)"),
          {names.empty() ? std::string() : quoted(names[0]), quoted(found)});
  else
    error(std::move(path), CONLAB_TRANSLATABLE("conlab::errors", "must be %1 or %2 (found %3)"),
          {all_but_last, quoted(names.back()), quoted(found)});
}

} // namespace conlab::json
