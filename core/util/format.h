// Numbers as a person reads them, shared by the CLI, the desktop lab and the explanations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conlab {

// Three significant digits in the fitting unit: "1.00 s", "52.3 ms", "810 µs", "120 ns";
// "100 s" and up in whole seconds. "—" for a value that does not exist (NaN, negative).
std::string human_duration(double seconds);
// For long spans: "3.2 s", "45 s", "2 min 05 s", "1 h 02 min".
std::string human_span(double seconds);
std::string human_rate(double per_second); // "99.7", "5.88", "12346", "9.00 M"
std::string human_percent(double share);   // 0.372 → "37%", 0.042 → "4.2%", -0.05 → "-5.0%"
// A difference, signed both ways: 0.05 → "+5.0%", -0.05 → "-5.0%", 0 → "0%".
std::string human_signed_percent(double share);
std::string human_count(double value); // 6 → "6", 16.67 → "16.7", 1234567 → "1.23 M"
std::string human_scale(double scale); // 0.05 → "0.05"
std::string human_bytes(double bytes); // 512 → "512 B", 13107200 → "12.5 MiB"; "—" if < 0
// The wall clock now, in ns since 1970: what utc_time writes and parse_utc_time reads.
std::int64_t unix_now_ns();
// A wall-clock time in UTC, ISO 8601 to the millisecond: "2026-12-07T12:00:00.250Z".
std::string utc_time(std::int64_t unix_ns);
// The other way, ns since 1970: ISO 8601 with its zone ("2026-12-07T12:00:00Z",
// "2026-12-07T13:00:00.5+01:00"; a time without a zone means something else on every machine, so
// it is refused), or "@" and seconds since 1970 ("@1796644800", as `date -d @…` takes them).
// Nullopt when it is neither, with what is wrong in `error`.
std::optional<std::int64_t> parse_utc_time(std::string_view text, std::string &error);

} // namespace conlab
