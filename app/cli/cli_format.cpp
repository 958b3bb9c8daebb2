#include "app/cli/cli_format.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace conlab::cli {
namespace {

// Decodes one UTF-8 code point at `text[i]`, advancing `i`; a malformed byte counts as itself.
char32_t next_code_point(std::string_view text, std::size_t &i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 1;
  if (i + length > text.size())
    length = 1;
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      length = 1;
      cp = lead;
      break;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

int code_point_width(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
    return 0; // control characters
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0xFE00 && cp <= 0xFE0F))
    return 0; // combining marks, zero-width spaces, variation selectors
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) ||
                    (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

} // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();)
    width += static_cast<std::size_t>(code_point_width(next_code_point(text, i)));
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next = i;
    const auto w = static_cast<std::size_t>(code_point_width(next_code_point(text, next)));
    if (used + w > width)
      break;
    used += w;
    i = next;
  }
  return std::string(text.substr(0, i));
}

std::string pad(std::string_view text, std::size_t width, Align align) {
  const std::size_t w = display_width(text);
  const std::string fill(w < width ? width - w : 0, ' ');
  return align == Align::left ? std::string(text) + fill : fill + std::string(text);
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t first_used,
                              std::size_t indent) {
  std::vector<std::string> lines(1);
  std::size_t used = first_used;
  bool line_empty = true;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ')
      ++i;
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (end == i)
      break;
    const std::string_view word = text.substr(i, end - i);
    const std::size_t w = display_width(word);
    if (!line_empty && used + 1 + w > width) {
      lines.emplace_back(std::string(indent, ' '));
      used = indent;
      line_empty = true;
    }
    if (!line_empty) {
      lines.back() += ' ';
      ++used;
    }
    lines.back() += word;
    used += w;
    line_empty = false;
    i = end;
  }
  return lines;
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

void write_fd(int fd, const std::string &text) {
  const char *data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written <= 0)
      return;
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

std::size_t terminal_width(int fd) {
  winsize size{};
  if (is_terminal(fd) && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  if (const char *columns = std::getenv("COLUMNS")) {
    const long value = std::strtol(columns, nullptr, 10);
    if (value >= 20 && value <= 1000)
      return static_cast<std::size_t>(value);
  }
  return 80;
}

} // namespace conlab::cli
