// A load's generators and settings in results files (see load_parts.h).
#pragma once

#include "core/results/load_parts.h"
#include "core/util/json_fields.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace conlab {

boost::json::object to_json(const GeneratorCheck &generator);
boost::json::array to_json(const std::vector<GeneratorCheck> &generators);
boost::json::object to_json(const LoadSettings &settings);

// Empty or nullopt when `json` is missing; problems are added to `errors` by path.
std::vector<GeneratorCheck> read_generators(const boost::json::array *json, const std::string &path,
                                            json::Errors &errors);
std::optional<LoadSettings> read_load_settings(const boost::json::value *json,
                                               const std::string &path, json::Errors &errors);

} // namespace conlab
