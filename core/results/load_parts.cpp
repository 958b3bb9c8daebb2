#include "core/results/load_parts.h"

#include "core/util/format.h"

#include <algorithm>
#include <cstdio>

namespace conlab {
namespace {

std::int64_t wall_ns(const GeneratorCheck &g, std::int64_t run_ns) {
  return g.clock_zero_unix_ns + run_ns;
}

std::string joined(const std::vector<std::string> &items) {
  std::string out;
  for (const std::string &item : items)
    out += (out.empty() ? "" : " ") + item;
  return out.empty() ? "none" : out;
}

} // namespace

double total_achieved_rate(const std::vector<GeneratorCheck> &generators) {
  std::int64_t first = 0, last = 0;
  std::uint64_t sent = 0;
  bool any = false;
  for (const GeneratorCheck &g : generators) {
    if (g.first_send_ns < 0)
      continue;
    const std::int64_t a = wall_ns(g, g.first_send_ns), b = wall_ns(g, g.last_send_ns);
    first = any ? std::min(first, a) : a;
    last = any ? std::max(last, b) : b;
    any = true;
    sent += g.sent;
  }
  if (!any || sent < 2 || last <= first)
    return 0;
  return static_cast<double>(sent - 1) / (static_cast<double>(last - first) * 1e-9);
}

double start_spread_s(const std::vector<GeneratorCheck> &generators) {
  std::int64_t lo = 0, hi = 0;
  bool any = false;
  for (const GeneratorCheck &g : generators) {
    if (g.first_send_ns < 0)
      continue;
    const std::int64_t at = wall_ns(g, g.first_send_ns - g.arrival_phase_ns);
    lo = any ? std::min(lo, at) : at;
    hi = any ? std::max(hi, at) : at;
    any = true;
  }
  return static_cast<double>(hi - lo) * 1e-9;
}

std::string first_difference(const LoadSettings &a, const LoadSettings &b) {
  const auto differ = [](const std::string &what, const std::string &x, const std::string &y) {
    return x == y ? std::string() : what + ": " + x + " and " + y;
  };
  // Exact, so that two values a rounding apart still read as different.
  const auto exact = [](double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", v);
    return std::string(text);
  };
  const auto start_at = [](std::int64_t ns) {
    return ns < 0 ? std::string("not given") : utc_time(ns);
  };
  const auto duration = [&](const std::optional<double> &d) {
    return d ? exact(*d) + " s" : std::string("not given");
  };
  for (const std::string &d : {
           differ("URLs", joined(a.urls), joined(b.urls)),
           differ("--shard N", std::to_string(a.shards), std::to_string(b.shards)),
           differ("load", a.open_load ? "open (--rate)" : "closed",
                  b.open_load ? "open (--rate)" : "closed"),
           differ("--rate", exact(a.rate_per_s) + "/s", exact(b.rate_per_s) + "/s"),
           differ("--arrivals", a.arrivals, b.arrivals),
           differ("-n", std::to_string(a.requests), std::to_string(b.requests)),
           differ("-c", std::to_string(a.connections), std::to_string(b.connections)),
           differ("--duration", duration(a.duration_s), duration(b.duration_s)),
           differ("--timeout", exact(a.timeout_s) + " s", exact(b.timeout_s) + " s"),
           differ("--method", a.method, b.method),
           differ("--header", joined(a.headers), joined(b.headers)),
           differ("--body", std::to_string(a.body_bytes) + " bytes (" + a.body_digest + ")",
                  std::to_string(b.body_bytes) + " bytes (" + b.body_digest + ")"),
           differ("--keep-alive", a.keep_alive ? "on" : "off", b.keep_alive ? "on" : "off"),
           differ("--seed", std::to_string(a.seed), std::to_string(b.seed)),
           differ("--start-at", start_at(a.start_at_unix_ns), start_at(b.start_at_unix_ns)),
       })
    if (!d.empty())
      return d;
  return {};
}

std::string fnv1a_hex(const std::string &bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return text;
}

} // namespace conlab
