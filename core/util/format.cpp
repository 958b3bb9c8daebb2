#include "core/util/format.h"

#include <cmath>
#include <cstdio>
#include <iterator>

namespace conlab {
namespace {

constexpr const char *kDash = "—";

std::string printf_string(const char *format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

double round_significant(double value, int digits) {
  if (value == 0)
    return 0;
  const double magnitude = std::pow(10.0, digits - 1 - std::floor(std::log10(std::fabs(value))));
  return std::round(value * magnitude) / magnitude;
}

// Three significant digits; `value` already rounded to them.
std::string three_digits(double value) {
  const double a = std::fabs(value);
  return printf_string(a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", value);
}

} // namespace

std::string human_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0)
    return kDash;
  if (seconds == 0)
    return "0 s";
  if (seconds >= 99.95)
    return printf_string("%.0f s", seconds);
  // Pick the unit after rounding, so 999.7 µs reads "1.00 ms", not "1000 µs".
  struct Unit {
    double per_second;
    const char *name;
  };
  static constexpr Unit units[] = {{1, " s"}, {1e3, " ms"}, {1e6, " µs"}, {1e9, " ns"}};
  for (const Unit &unit : units) {
    const double value = round_significant(seconds * unit.per_second, 3);
    if (value >= 1 || unit.per_second == 1e9)
      return three_digits(value) + unit.name;
  }
  return kDash;
}

std::string human_span(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0)
    return kDash;
  if (seconds < 10)
    return printf_string("%.1f s", seconds);
  const auto total = static_cast<long long>(std::llround(seconds));
  char buffer[64];
  if (total < 60)
    std::snprintf(buffer, sizeof buffer, "%lld s", total);
  else if (total < 3600)
    std::snprintf(buffer, sizeof buffer, "%lld min %02lld s", total / 60, total % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%lld h %02lld min", total / 3600, total % 3600 / 60);
  return buffer;
}

std::string human_rate(double per_second) {
  if (!std::isfinite(per_second) || per_second < 0)
    return kDash;
  if (per_second >= 999'999.5) // "9000000" is hard to read at a glance; "9.00 M" is not
    return three_digits(round_significant(per_second / 1e6, 3)) + " M";
  if (per_second >= 999.5)
    return printf_string("%.0f", per_second);
  return three_digits(round_significant(per_second, 3));
}

std::string human_percent(double share) {
  if (!std::isfinite(share))
    return kDash;
  const double percent = share * 100;
  return printf_string(std::fabs(percent) >= 9.95 || percent == 0 ? "%.0f%%" : "%.1f%%", percent);
}

std::string human_signed_percent(double share) {
  return (share > 0 ? "+" : "") + human_percent(share);
}

std::string human_count(double value) {
  if (!std::isfinite(value))
    return kDash;
  if (value == std::floor(value) && std::fabs(value) < 1e4)
    return printf_string("%.0f", value);
  const double a = std::fabs(value);
  if (a >= 1e12)
    return three_digits(round_significant(value / 1e12, 3)) + " T";
  if (a >= 1e9)
    return three_digits(round_significant(value / 1e9, 3)) + " G";
  if (a >= 1e6)
    return three_digits(round_significant(value / 1e6, 3)) + " M";
  if (a >= 1e4)
    return three_digits(round_significant(value / 1e3, 3)) + " k";
  return three_digits(round_significant(value, 3));
}

std::string human_scale(double scale) { return printf_string("%g", scale); }

std::string human_bytes(double bytes) {
  if (!std::isfinite(bytes) || bytes < 0)
    return kDash;
  static constexpr const char *units[] = {" B", " KiB", " MiB", " GiB", " TiB"};
  double value = bytes;
  std::size_t unit = 0;
  while (unit + 1 < std::size(units) && value >= 1024) {
    value /= 1024;
    ++unit;
  }
  if (unit == 0)
    return printf_string("%.0f", value) + units[0];
  return three_digits(round_significant(value, 3)) + units[unit];
}

} // namespace conlab
