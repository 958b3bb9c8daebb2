#include "core/capacity/slo.h"

#include "core/analysis/summary.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

namespace conlab {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

std::optional<double> number(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::string shortest(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

} // namespace

std::string Slo::metric() const {
  return mean ? "mean" : "p" + shortest(std::round(quantile * 1e6) / 1e4);
}

std::optional<Slo> parse_slo(std::string_view text, std::string &error) {
  const std::string_view whole = trim(text);
  const std::size_t op = whole.find('<');
  const auto fail = [&](const std::string &why) -> std::optional<Slo> {
    error = "'" + std::string(whole) + "' is not an SLO: " + why +
            " (write it like p99<200ms, p99.9<1s or mean<50ms)";
    return std::nullopt;
  };
  if (op == std::string_view::npos)
    return fail("it needs a '<' between the metric and the limit");
  const std::string_view metric = trim(whole.substr(0, op));
  std::string_view limit = whole.substr(op + 1);
  if (!limit.empty() && limit.front() == '=')
    limit.remove_prefix(1); // <= reads the same: a measured value never equals the limit exactly
  limit = trim(limit);

  Slo slo;
  if (metric == "mean") {
    slo.mean = true;
  } else if (metric.size() > 1 && (metric.front() == 'p' || metric.front() == 'P')) {
    const std::optional<double> percent = number(metric.substr(1));
    if (!percent || !(*percent > 0) || !(*percent < 100))
      return fail("the percentile must be between p0 and p100, like p99 or p99.9");
    slo.quantile = *percent / 100;
  } else {
    return fail("the metric must be a percentile (p50, p99, p99.9) or mean");
  }

  std::size_t digits = 0;
  while (digits < limit.size() &&
         (std::isdigit(static_cast<unsigned char>(limit[digits])) || limit[digits] == '.'))
    ++digits;
  const std::optional<double> amount = number(limit.substr(0, digits));
  const std::string_view unit = trim(limit.substr(digits));
  if (!amount || !(*amount > 0))
    return fail("the limit must be a number above 0 with its unit");
  double scale = 0;
  if (unit == "s")
    scale = 1;
  else if (unit == "ms")
    scale = 1e-3;
  else if (unit == "us" || unit == "µs")
    scale = 1e-6;
  else
    return fail(unit.empty() ? "the limit needs a unit: s, ms or us"
                             : "unknown unit '" + std::string(unit) + "' (s, ms or us)");
  slo.limit_s = *amount * scale;
  slo.text = slo.metric() + "<" + shortest(*amount) + std::string(unit == "µs" ? "us" : unit);
  return slo;
}

double slo_value(const Slo &slo, std::span<const double> answered_s, std::uint64_t unanswered) {
  const double infinity = std::numeric_limits<double>::infinity();
  const std::size_t n = answered_s.size() + unanswered;
  if (n == 0)
    return infinity;
  if (slo.mean) {
    if (unanswered > 0)
      return infinity;
    double sum = 0;
    for (const double v : answered_s)
      sum += v;
    return sum / static_cast<double>(n);
  }
  std::vector<double> sorted(answered_s.begin(), answered_s.end());
  sorted.insert(sorted.end(), unanswered, infinity);
  std::sort(sorted.begin(), sorted.end());
  const QuantileRank rank = quantile_rank(n, slo.quantile);
  if (std::isinf(sorted[rank.hi]))
    return rank.fraction == 0 && !std::isinf(sorted[rank.lo]) ? sorted[rank.lo] : infinity;
  return sorted_quantile(sorted, slo.quantile);
}

std::int64_t fewest_requests(const Slo &slo) {
  if (slo.mean)
    return 50;
  return static_cast<std::int64_t>(std::ceil(2 / (1 - slo.quantile) - 1e-9));
}

} // namespace conlab
