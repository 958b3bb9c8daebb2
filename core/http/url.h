// The few kinds of text HTTP mode reads from people: target URLs (plain http only), listen
// addresses, durations like 10s or 500ms, and `Name: value` headers. Each parser says what is
// wrong instead of guessing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conlab::http {

// http://host[:port][/path][?query]. The target is what goes on the request line.
struct Url {
  std::string host;
  std::uint16_t port = 80;
  std::string target = "/"; // path and query, never empty
  std::string text() const; // http://host:port/target
  std::string host_header() const; // host, or host:port when not 80
};

// nullopt with `error` set when the text is not a URL the generator can use.
std::optional<Url> parse_url(std::string_view text, std::string &error);

struct ListenAddress {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8000;
};
// ADDR:PORT, :PORT, PORT, or [v6]:PORT.
std::optional<ListenAddress> parse_listen(std::string_view text, std::string &error);

// 10 (seconds), 10s, 500ms, 2m, 1.5s. Must be > 0.
std::optional<double> parse_duration_s(std::string_view text, std::string &error);

struct HeaderLine {
  std::string name, value;
};
// `Name: value`; the name must be a valid HTTP token.
std::optional<HeaderLine> parse_header_line(std::string_view text, std::string &error);

// "/a" stays "/a"; other labels become "/" + a slug of letters, digits, '-', '_' and '.'.
std::string endpoint_path(std::string_view label);

} // namespace conlab::http
