#include "core/experiment/presets.h"

#include "core/util/json_fields.h"

#include <utility>

namespace conlab {

// Generated from resources/presets/*.json by cmake/embed_presets.cmake: (file stem, JSON text).
const std::vector<std::pair<std::string, std::string>> &embedded_presets();

namespace {

std::string description_of(const std::string &text) {
  FieldError error;
  const std::optional<boost::json::value> json = json::parse_text(text, error);
  if (!json || !json->is_object())
    return {};
  const boost::json::value *description = json->get_object().if_contains("description");
  if (!description || !description->is_string())
    return {};
  return std::string(description->get_string());
}

} // namespace

const std::vector<Preset> &presets() {
  static const std::vector<Preset> all = [] {
    std::vector<Preset> out;
    for (const auto &[name, text] : embedded_presets())
      out.push_back(Preset{name, description_of(text), text});
    return out;
  }();
  return all;
}

const Preset *find_preset(std::string_view name) {
  for (const Preset &preset : presets())
    if (preset.name == name)
      return &preset;
  return nullptr;
}

} // namespace conlab
