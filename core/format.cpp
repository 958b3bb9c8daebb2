#include "format.h"

#include <cmath>
#include <cstdio>

namespace conlab {
namespace {

std::string printf_string(const char *format, double value, const char *unit) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value, unit);
  return buffer;
}

// Three significant digits: 1.23, 12.3, 123.
const char *three_digits(double v) {
  const double a = std::abs(v);
  return a >= 99.95 ? "%.0f %s" : a >= 9.995 ? "%.1f %s" : "%.2f %s";
}

} // namespace

std::string human_duration(double s) {
  if (!std::isfinite(s))
    return "—";
  const double a = std::abs(s);
  if (a >= 120) {
    const auto total = static_cast<long long>(std::llround(s));
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%lld min %02lld s", total / 60, total % 60);
    return buffer;
  }
  if (a >= 1 || a == 0)
    return printf_string(three_digits(s), s, "s");
  if (a >= 1e-3)
    return printf_string(three_digits(s * 1e3), s * 1e3, "ms");
  if (a >= 1e-6)
    return printf_string(three_digits(s * 1e6), s * 1e6, "µs");
  return printf_string(three_digits(s * 1e9), s * 1e9, "ns");
}

std::string human_percent(double share) {
  if (!std::isfinite(share))
    return "—";
  const double pct = share * 100;
  return printf_string(std::abs(pct) < 9.95 && pct != 0 ? "%.1f%s" : "%.0f%s", pct, "%");
}

std::string human_count(double v) {
  if (!std::isfinite(v))
    return "—";
  const double a = std::abs(v);
  if (a >= 1e6)
    return printf_string(three_digits(v / 1e6), v / 1e6, "M");
  if (a >= 1e4)
    return printf_string(three_digits(v / 1e3), v / 1e3, "k");
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
  return buffer;
}

} // namespace conlab
