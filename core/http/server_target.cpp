#include "core/http/server_target.h"

#include "core/http/url.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace conlab::http {
namespace {

// RFC 3986's path characters: unreserved, sub-delims, ':', '@', '/' and percent escapes. A label
// with anything else (a space, say) is not a path this can send without guessing an encoding.
bool is_url_path(std::string_view label) {
  if (label.empty() || label.front() != '/')
    return false;
  return std::all_of(label.begin(), label.end(), [](unsigned char c) {
    return std::isalnum(c) || std::string_view("-._~!$&'()*+,;=:@/%").find(static_cast<char>(c)) !=
                                  std::string_view::npos;
  });
}

} // namespace

std::vector<FieldError> aim_at_server(Experiment &experiment, std::string_view base,
                                      double &scaled_from) {
  std::vector<FieldError> errors;
  std::string error;
  const std::optional<Url> url = parse_url(base, error);
  if (!url)
    return {FieldError{"--target", error, {}, {}}};
  if (url->target.find('?') != std::string::npos)
    return {FieldError{
        "--target", "a base URL has no query: each variant's label is its path", {}, {}}};
  std::string prefix = url->target;
  while (!prefix.empty() && prefix.back() == '/')
    prefix.pop_back();
  Url at = *url;
  for (std::size_t i = 0; i < experiment.variants.size(); ++i) {
    Variant &v = experiment.variants[i];
    if (!is_url_path(v.label)) {
      errors.push_back(FieldError{
          "variants[" + std::to_string(i) + "].label",
          "\"" + v.label +
              "\" is not a URL path: --target sends each variant to HOST:PORT/<label>, so the "
              "label must start with '/' and hold no spaces (or give the variant a target of its "
              "own in the file)",
          {},
          {}});
      continue;
    }
    at.target = prefix + v.label;
    v.target = HttpTarget{.url = at.text()};
  }
  scaled_from = experiment.time_scale;
  experiment.time_scale = 1;
  return errors;
}

} // namespace conlab::http
