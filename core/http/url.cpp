#include "core/http/url.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace conlab::http {
namespace {

bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::optional<std::uint16_t> parse_port(std::string_view text, std::string &error,
                                        bool allow_zero) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    error = "port '" + std::string(text) + "' is not a number";
    return std::nullopt;
  }
  if (value > 65535 || (value == 0 && !allow_zero)) {
    error = "port " + std::string(text) + " is out of range (" + (allow_zero ? "0" : "1") +
            "–65535)";
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(value);
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

} // namespace

std::string Url::host_header() const {
  const bool v6 = host.find(':') != std::string::npos;
  const std::string h = v6 ? "[" + host + "]" : host;
  return port == 80 ? h : h + ":" + std::to_string(port);
}

std::string Url::text() const {
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + target;
}

std::optional<Url> parse_url(std::string_view text, std::string &error) {
  const std::string original(text);
  const auto fail = [&](const std::string &why) {
    error = "cannot use URL '" + original + "': " + why;
    return std::nullopt;
  };
  if (text.empty())
    return fail("it is empty");
  if (std::any_of(text.begin(), text.end(),
                  [](unsigned char c) { return c <= ' ' || c == 0x7f; }))
    return fail("it contains spaces or control characters");
  const std::size_t scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos)
    return fail("no scheme (write http://host:port/path)");
  const std::string scheme = lower(text.substr(0, scheme_end));
  if (scheme == "https")
    return fail("https is not supported: the generator speaks plain HTTP/1.1 only (TLS would "
                "measure the handshake and cipher, not the server); use http:// or a TLS proxy");
  if (scheme != "http")
    return fail("scheme '" + scheme + "' is not supported (only http://)");
  text.remove_prefix(scheme_end + 3);
  const std::size_t path_start = text.find_first_of("/?#");
  std::string_view authority = text.substr(0, path_start);
  std::string_view rest = path_start == std::string_view::npos ? "" : text.substr(path_start);
  if (authority.find('@') != std::string_view::npos)
    return fail("user information (user@host) is not supported");
  Url url;
  std::string_view port_text;
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos)
      return fail("IPv6 address without closing ']'");
    url.host = std::string(authority.substr(1, close - 1));
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':')
        return fail("unexpected text after ']'");
      port_text = after.substr(1);
      if (port_text.empty())
        return fail("':' without a port");
    }
  } else {
    const std::size_t colon = authority.find(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = authority.substr(colon + 1);
      if (port_text.empty())
        return fail("':' without a port");
    }
  }
  if (url.host.empty())
    return fail("no host");
  if (!port_text.empty()) {
    std::string why;
    const auto port = parse_port(port_text, why, false);
    if (!port)
      return fail(why);
    url.port = *port;
  }
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos)
    rest = rest.substr(0, hash); // fragments never go on the wire
  if (rest.empty())
    url.target = "/";
  else if (rest.front() == '?')
    url.target = "/" + std::string(rest);
  else
    url.target = std::string(rest);
  error.clear();
  return url;
}

std::optional<ListenAddress> parse_listen(std::string_view text, std::string &error) {
  ListenAddress out;
  std::string_view port_text = text;
  if (text.starts_with('[')) {
    const std::size_t close = text.find("]:");
    if (close == std::string_view::npos) {
      error = "listen address '" + std::string(text) + "': write [v6-address]:PORT";
      return std::nullopt;
    }
    out.address = std::string(text.substr(1, close - 1));
    port_text = text.substr(close + 2);
  } else if (const std::size_t colon = text.rfind(':'); colon != std::string_view::npos) {
    if (colon > 0)
      out.address = std::string(text.substr(0, colon));
    port_text = text.substr(colon + 1);
  }
  std::string why;
  const auto port = parse_port(port_text, why, true);
  if (!port) {
    error = "listen address '" + std::string(text) + "': " + why;
    return std::nullopt;
  }
  out.port = *port;
  return out;
}

std::optional<double> parse_duration_s(std::string_view text, std::string &error) {
  double value = 0;
  const char *begin = text.data(), *end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(begin, end, value);
  const std::string_view unit(stop, static_cast<std::size_t>(end - stop));
  double factor = 0;
  if (unit.empty() || unit == "s")
    factor = 1;
  else if (unit == "ms")
    factor = 1e-3;
  else if (unit == "m" || unit == "min")
    factor = 60;
  if (text.empty() || ec != std::errc() || factor == 0) {
    error = "duration '" + std::string(text) + "': write a number of seconds, or 10s, 500ms, 2m";
    return std::nullopt;
  }
  if (!(value > 0) || !std::isfinite(value)) {
    error = "duration '" + std::string(text) + "': must be > 0";
    return std::nullopt;
  }
  return value * factor;
}

std::optional<HeaderLine> parse_header_line(std::string_view text, std::string &error) {
  const std::size_t colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  if (colon == std::string_view::npos || name.empty() ||
      !std::all_of(name.begin(), name.end(), is_token_char)) {
    error = "header '" + std::string(text) + "': write 'Name: value'";
    return std::nullopt;
  }
  std::string_view value = text.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
    value.remove_suffix(1);
  if (std::any_of(value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n'; })) {
    error = "header '" + std::string(name) + "': the value must not contain line breaks";
    return std::nullopt;
  }
  return HeaderLine{std::string(name), std::string(value)};
}

std::string endpoint_path(std::string_view label) {
  const auto path_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  };
  if (label.size() > 1 && label.front() == '/' &&
      std::all_of(label.begin() + 1, label.end(), [&](char c) { return path_char(c) || c == '/'; }))
    return std::string(label);
  std::string slug;
  for (const char c : label) {
    if (path_char(c))
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  while (!slug.empty() && slug.back() == '-')
    slug.pop_back();
  return "/" + (slug.empty() ? std::string("variant") : slug);
}

} // namespace conlab::http
