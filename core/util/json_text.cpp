// JSON text in and out: an exact-number parser with line and column in its errors, and a small
// pretty printer.
#include "core/util/json_fields.h"

#include "core/util/file_io.h"
#include "core/util/translatable.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace conlab::json {
namespace {

// SAX handler for boost::json::basic_parser that builds a value like boost::json::parse does,
// except that doubles are converted from their text with std::from_chars.
class ExactHandler {
public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  ExactHandler() { stack.reset(); }

  bool on_document_begin(boost::json::error_code &) { return true; }
  bool on_document_end(boost::json::error_code &) { return true; }
  bool on_array_begin(boost::json::error_code &) { return true; }
  bool on_array_end(std::size_t n, boost::json::error_code &) {
    stack.push_array(n);
    return true;
  }
  bool on_object_begin(boost::json::error_code &) { return true; }
  bool on_object_end(std::size_t n, boost::json::error_code &) {
    stack.push_object(n);
    return true;
  }
  bool on_string_part(boost::json::string_view s, std::size_t, boost::json::error_code &) {
    stack.push_chars(s);
    return true;
  }
  bool on_string(boost::json::string_view s, std::size_t, boost::json::error_code &) {
    stack.push_string(s);
    return true;
  }
  bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code &) {
    stack.push_chars(s);
    return true;
  }
  bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code &) {
    stack.push_key(s);
    return true;
  }
  bool on_number_part(boost::json::string_view s, boost::json::error_code &) {
    number.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, boost::json::string_view, boost::json::error_code &) {
    number.clear();
    stack.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, boost::json::string_view, boost::json::error_code &) {
    number.clear();
    stack.push_uint64(u);
    return true;
  }
  bool on_double(double d, boost::json::string_view s, boost::json::error_code &) {
    std::string_view text(s.data(), s.size());
    if (!number.empty()) {
      number.append(text);
      text = number;
    }
    double exact = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), exact);
    stack.push_double(ec == std::errc() && end == text.data() + text.size() ? exact : d);
    number.clear();
    return true;
  }
  bool on_bool(bool b, boost::json::error_code &) {
    stack.push_bool(b);
    return true;
  }
  bool on_null(boost::json::error_code &) {
    stack.push_null();
    return true;
  }
  bool on_comment_part(boost::json::string_view, boost::json::error_code &) { return true; }
  bool on_comment(boost::json::string_view, boost::json::error_code &) { return true; }

  boost::json::value_stack stack;
  std::string number;
};

} // namespace

std::string number_text(double d) {
  if (!std::isfinite(d))
    return "null";
  // Whole numbers read best without a fraction ("ms": 1000, not 1E3).
  if (d == std::trunc(d) && std::fabs(d) < 1e15)
    return std::to_string(static_cast<std::int64_t>(d));
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, d); // shortest round trip
  return std::string(buffer, result.ptr);
}

namespace {

std::string scalar_text(const boost::json::value &v) {
  if (v.is_double())
    return number_text(v.get_double());
  return boost::json::serialize(v);
}

bool is_container(const boost::json::value &v) { return v.is_object() || v.is_array(); }

// Boost.JSON 1.81 has no pretty printer, so this is a small one: a container holding only
// scalars goes on one line when it fits in 100 columns, anything else is broken over lines.
std::string flat_text(const boost::json::value &v) {
  if (v.is_array()) {
    std::string out = "[";
    for (const auto &e : v.get_array())
      out += (out.size() > 1 ? ", " : "") + scalar_text(e);
    return out + "]";
  }
  std::string out = "{ ";
  bool first = true;
  for (const auto &member : v.get_object()) {
    out += (first ? "" : ", ") + quoted(member.key()) + ": " + scalar_text(member.value());
    first = false;
  }
  return v.get_object().empty() ? "{}" : out + " }";
}

void pretty(const boost::json::value &v, std::size_t indent, std::size_t used, std::string &out) {
  if (!is_container(v)) {
    out += scalar_text(v);
    return;
  }
  const bool flat = v.is_array()
                        ? std::none_of(v.get_array().begin(), v.get_array().end(), is_container)
                        : std::none_of(v.get_object().begin(), v.get_object().end(),
                                       [](const auto &m) { return is_container(m.value()); });
  if (flat) {
    std::string line = flat_text(v);
    if (used + line.size() <= 100) {
      out += line;
      return;
    }
  }
  const std::string pad(indent + 2, ' ');
  bool first = true;
  if (v.is_array()) {
    out += "[";
    for (const auto &e : v.get_array()) {
      out += (first ? "\n" : ",\n") + pad;
      first = false;
      pretty(e, indent + 2, pad.size(), out);
    }
    out += first ? "]" : "\n" + std::string(indent, ' ') + "]";
    return;
  }
  out += "{";
  for (const auto &member : v.get_object()) {
    out += (first ? "\n" : ",\n") + pad;
    first = false;
    const std::string key = quoted(member.key()) + ": ";
    out += key;
    pretty(member.value(), indent + 2, pad.size() + key.size(), out);
  }
  out += first ? "}" : "\n" + std::string(indent, ' ') + "}";
}

} // namespace

std::optional<boost::json::value> parse_text(std::string_view text, FieldError &error) {
  boost::json::basic_parser<ExactHandler> parser(boost::json::parse_options{});
  boost::json::error_code ec;
  const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used < text.size())
    ec = boost::json::error::extra_data;
  if (!ec)
    return parser.handler().stack.release();
  const std::string_view before = text.substr(0, used);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t newline = before.rfind('\n');
  const std::size_t column = used - (newline == std::string_view::npos ? 0 : newline + 1) + 1;
  // Results files are written on one line, so the byte offset is what finds the spot in them.
  const std::vector<std::string> where = {std::to_string(line), std::to_string(column),
                                          std::to_string(used)};
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    error = field_error("",
                        CONLAB_TRANSLATABLE("conlab::errors", "invalid JSON at line %1, column %2 "
                                                              "(byte %3): there is no JSON, the "
                                                              "text is empty"),
                        where);
  else if (ec == boost::json::error::incomplete || used == text.size()) // "1." at the end: syntax
    error = field_error("",
                        CONLAB_TRANSLATABLE("conlab::errors",
                                            "invalid JSON at line %1, column %2 (byte %3): "
                                            "incomplete JSON: the text ends before the JSON does "
                                            "(was the file cut short?)"),
                        where);
  else // Boost.JSON's own words for the syntax error
    error = field_error(
        "",
        CONLAB_TRANSLATABLE("conlab::errors", "invalid JSON at line %1, column %2 (byte %3): %4"),
        {where[0], where[1], where[2], ec.message()});
  return std::nullopt;
}

boost::json::value parse_document(std::string_view text, const std::string &source) {
  FieldError syntax;
  std::optional<boost::json::value> json = parse_text(text, syntax);
  if (!json) {
    syntax.path = source; // "source: message", as the error reads
    throw SpecError({std::move(syntax)});
  }
  return std::move(*json);
}

boost::json::value read_json_file(const std::string &path) {
  std::string text, error;
  if (!read_text_file(path, text, error))
    throw SpecError({FieldError{"", error}});
  return parse_document(text, path);
}

std::string pretty_print(const boost::json::value &value) {
  std::string out;
  pretty(value, 0, 0, out);
  out += '\n';
  return out;
}

std::string quoted(std::string_view text) {
  return boost::json::serialize(
      boost::json::value(boost::json::string_view(text.data(), text.size())));
}

} // namespace conlab::json
