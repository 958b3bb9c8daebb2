#include "core/util/format.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
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

std::int64_t unix_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string utc_time(std::int64_t unix_ns) {
  const std::int64_t ms = unix_ns >= 0 ? unix_ns / 1'000'000 : (unix_ns - 999'999) / 1'000'000;
  const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  std::tm tm{};
  ::gmtime_r(&seconds, &tm);
  char text[40];
  const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(text + n, sizeof text - n, ".%03dZ",
                static_cast<int>(ms - static_cast<std::int64_t>(seconds) * 1000));
  return text;
}

// Hand-written: libstdc++ 12 has no std::chrono::parse, and the core does not use Qt's
// QDateTime for one format.
std::optional<std::int64_t> parse_utc_time(std::string_view text, std::string &error) {
  const std::string t(text);
  if (t.starts_with('@')) {
    char *end = nullptr;
    const double seconds = std::strtod(t.c_str() + 1, &end);
    if (t.size() > 1 && end == t.c_str() + t.size() && std::isfinite(seconds) && seconds >= 0 &&
        seconds < 1e11)
      return static_cast<std::int64_t>(std::llround(seconds * 1e9));
    error = "expected @ and seconds since 1970, e.g. @1796644800";
    return std::nullopt;
  }
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(t.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
      consumed != 19) {
    error = "expected a time like 2026-12-07T12:00:00Z (ISO 8601, with its zone) or @seconds";
    return std::nullopt;
  }
  std::size_t at = 19;
  std::int64_t fraction_ns = 0;
  if (at < t.size() && (t[at] == '.' || t[at] == ',')) {
    std::int64_t scale = 100'000'000;
    for (++at; at < t.size() && std::isdigit(static_cast<unsigned char>(t[at])); ++at) {
      fraction_ns += (t[at] - '0') * scale;
      scale /= 10;
    }
  }
  std::int64_t offset_s = 0;
  if (at < t.size() && (t[at] == 'Z' || t[at] == 'z') && at + 1 == t.size()) {
  } else if (int hours = 0, minutes = 0, n = 0;
             at < t.size() && (t[at] == '+' || t[at] == '-') &&
             std::sscanf(t.c_str() + at + 1, "%2d:%2d%n", &hours, &minutes, &n) == 2 &&
             at + 1 + static_cast<std::size_t>(n) == t.size() && hours < 24 && minutes < 60) {
    offset_s = (t[at] == '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
  } else {
    error = at == t.size() ? "has no zone: add Z for UTC, or the offset, e.g. +01:00"
                           : "expected Z or an offset like +01:00 after the time";
    return std::nullopt;
  }
  const int year = tm.tm_year, month = tm.tm_mon, day = tm.tm_mday;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t seconds = ::timegm(&tm);
  // timegm normalizes 2026-02-30 into March: such a date is a typo, not a time.
  if (tm.tm_year != year - 1900 || tm.tm_mon != month - 1 || tm.tm_mday != day || tm.tm_hour > 23 ||
      tm.tm_sec > 59) {
    error = "is not a date and time that exists";
    return std::nullopt;
  }
  return (static_cast<std::int64_t>(seconds) - offset_s) * 1'000'000'000 + fraction_ns;
}

} // namespace conlab
