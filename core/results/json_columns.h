// Tables in results files, stored column by column (an array of numbers per field), written
// and read back with every value checked: what the samples, the telemetry and a watched
// server's points share.
#pragma once

#include "core/util/json_fields.h"

#include <boost/json/array.hpp>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace conlab {

// One field of every row, as a JSON array.
template <class Row, class Field>
boost::json::array column(const std::vector<Row> &rows, Field field) {
  boost::json::array out;
  out.reserve(rows.size());
  for (const Row &row : rows)
    out.emplace_back(field(row));
  return out;
}

// A column of numbers. Integer columns must hold integers in T's range; double columns accept
// null (a non-finite value) as NaN. Nullopt when missing or wrong (already reported).
template <class T>
std::optional<std::vector<T>> column(json::Fields &f, std::string_view key,
                                     json::Need need = json::Need::required) {
  std::vector<T> out;
  const boost::json::value *v = f.get(key, need);
  const char *message = std::is_floating_point_v<T> ? "must be an array of numbers"
                        : std::is_signed_v<T>       ? "must be an array of integers"
                                                    : "must be an array of integers from 0 to "
                                                      "4294967295";
  if (!v)
    return std::nullopt;
  if (!v->is_array()) {
    f.error(f.path(key), message);
    return std::nullopt;
  }
  out.reserve(v->get_array().size());
  for (const boost::json::value &e : v->get_array()) {
    if constexpr (std::is_floating_point_v<T>) {
      const std::optional<double> d =
          e.is_null() ? std::numeric_limits<double>::quiet_NaN() : json::as_number(e);
      if (!d) {
        f.error(f.path(key), message);
        return std::nullopt;
      }
      out.push_back(*d);
    } else {
      const std::optional<std::int64_t> i = e.is_int64() ? e.get_int64() : json::as_integer(e);
      if (!i || *i < std::numeric_limits<T>::min() || *i > std::numeric_limits<T>::max()) {
        f.error(f.path(key), message);
        return std::nullopt;
      }
      out.push_back(static_cast<T>(*i));
    }
  }
  return out;
}

struct ColumnSize {
  std::string_view key;
  bool read = false; // false: missing or wrong, already reported
  std::size_t size = 0;
};
template <class T> ColumnSize sized(std::string_view key, const std::optional<std::vector<T>> &c) {
  return ColumnSize{key, c.has_value(), c ? c->size() : 0};
}

// Columns of one table must all be read and as long as the first; reports the first that is not.
inline bool complete_table(json::Fields &f, ColumnSize first,
                           std::initializer_list<ColumnSize> others) {
  bool all_read = first.read;
  for (const ColumnSize &c : others)
    all_read = all_read && c.read;
  if (!all_read)
    return false;
  for (const ColumnSize &c : others)
    if (c.size != first.size) {
      f.error(f.path(c.key), "has " + std::to_string(c.size) + " values but " +
                                 std::string(first.key) + " has " + std::to_string(first.size));
      return false;
    }
  return true;
}

} // namespace conlab
