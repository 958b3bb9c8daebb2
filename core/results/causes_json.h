// Where the time went, in results files: a summary's split (seconds per cause, with the source
// of each) and a repeat's per-task causes, as columns in nanoseconds beside its samples.
#pragma once

#include "core/analysis/cause_split.h"
#include "core/util/json_fields.h"

#include <boost/json/object.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace conlab {

boost::json::object to_json(const CauseSplit &split);
// A default split (not measured) when `json` is missing: a file from before the split.
CauseSplit read_cause_split(const boost::json::value *json, const std::string &path,
                            json::Errors &errors);

boost::json::object causes_columns(const std::vector<TaskCauses> &causes);
// Empty when `json` is missing; `tasks` is how many samples the repeat has.
std::vector<TaskCauses> read_causes_columns(const boost::json::value *json, const std::string &path,
                                            std::size_t tasks, json::Errors &errors);

boost::json::object step_spans_columns(const std::vector<StepSpan> &spans);
// Empty when `json` is missing.
std::vector<StepSpan> read_step_spans(const boost::json::value *json, const std::string &path,
                                      json::Errors &errors);

} // namespace conlab
