// Results files (schema conlab.results/1): written and read back with Boost.JSON. Samples are
// stored column by column, which keeps a million-task file compact and quick to parse.
#pragma once

#include "core/results/results.h"
#include "core/util/json_fields.h"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace conlab {

boost::json::value to_json(const RunResults &results);
RunResults results_from_json(const boost::json::value &json); // throws SpecError

// The machine a run was measured on, as every file of measurements stores it (results, capacity).
boost::json::object to_json(const Environment &environment);
// Reads it back; a missing `json` is an unknown machine, not an error.
Environment read_environment(const boost::json::value *json, const std::string &path,
                             json::Errors &errors);

// Writes atomically: a temporary file beside the target, then a rename.
void save_results(const RunResults &results, const std::string &path);
RunResults load_results(const std::string &path);
// The same from text already read (e.g. stdin), or a document already parsed; `source` names it
// in errors.
RunResults results_from_text(std::string_view text, const std::string &source);
RunResults results_from_document(const boost::json::value &json, const std::string &source);

// One row per task: variant, label, model, repeat, task, times in seconds, worker, status.
void save_samples_csv(const RunResults &results, const std::string &path);

} // namespace conlab
