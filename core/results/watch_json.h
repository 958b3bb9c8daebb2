// A watched server (conlab-cli load --watch PID) in results files: its points as columns, its
// threads as columns too (a server may run thousands), and the totals.
#pragma once

#include "core/util/json_fields.h"
#include "core/watch/process_watch.h"

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace conlab {

boost::json::object to_json(const ProcessWatch &watch);
// Nullopt when `json` is missing; problems are added to `errors` by path.
std::optional<ProcessWatch> read_process_watch(const boost::json::value *json,
                                               const std::string &path, json::Errors &errors);

} // namespace conlab
