// Text for a terminal: display widths of UTF-8 strings (µ, ⌈⌉, — are one column, CJK two),
// padding, word wrapping, and the human forms of durations, rates and shares.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace conlab::cli {

// Columns the text occupies on a terminal.
std::size_t display_width(std::string_view text);
// The longest prefix that fits in `width` columns, cut on a code point boundary.
std::string truncate_to_width(std::string_view text, std::size_t width);

enum class Align { left, right };
std::string pad(std::string_view text, std::size_t width, Align align);

// Words of `text` in lines of at most `width` columns; every line after the first is prefixed
// by `indent` spaces (the first line's prefix is the caller's). A longer word stands alone.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t first_used = 0,
                              std::size_t indent = 0);

// Width of the terminal on `fd`; COLUMNS or 80 when it is not a terminal.
std::size_t terminal_width(int fd);
bool is_terminal(int fd);

// Three significant digits in the fitting unit: "1.00 s", "52.3 ms", "810 µs", "120 ns".
std::string format_duration(double seconds);
// For long spans: "45 s", "2 min 05 s", "1 h 02 min".
std::string format_span(double seconds);
std::string format_rate(double per_second); // "99.7", "1234"
std::string format_share(double fraction);  // "37%", "4.2%"
std::string format_scale(double scale);     // "0.05", "2"

inline constexpr std::string_view kDash = "—"; // a value that does not exist

} // namespace conlab::cli
