// Text for a terminal: display widths of UTF-8 strings (µ, ⌈⌉, — are one column, CJK two),
// padding and word wrapping. Numbers are formatted by core/format.h.
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
// Writes all of `text` to `fd`, giving up quietly when the descriptor is gone (progress on a
// closed stderr is not worth failing a run over).
void write_fd(int fd, const std::string &text);

inline constexpr std::string_view kDash = "—"; // a value that does not exist

} // namespace conlab::cli
