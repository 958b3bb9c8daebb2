# Turns resources/presets/*.json into a C++ source with one raw string per preset.
# Usage: cmake -DOUTPUT=file.cpp -DINPUTS="a.json;b.json" -P embed_presets.cmake
set(body "")
foreach(input IN LISTS INPUTS)
  get_filename_component(name ${input} NAME_WE)
  file(READ ${input} json)
  string(APPEND body "    {\"${name}\", R\"conlab_json(${json})conlab_json\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from resources/presets by cmake/embed_presets.cmake.
#include <utility>
#include <vector>
#include <string>
namespace conlab {
const std::vector<std::pair<std::string, std::string>> &embedded_presets() {
  static const std::vector<std::pair<std::string, std::string>> presets = {
${body}  };
  return presets;
}
} // namespace conlab
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
