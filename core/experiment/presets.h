// The built-in experiments (resources/presets/*.json), compiled into the library so the CLI and
// the app find them wherever they are installed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace conlab {

struct Preset {
  std::string name;
  std::string description;
  std::string json;
};

const std::vector<Preset> &presets();
const Preset *find_preset(std::string_view name);

} // namespace conlab
