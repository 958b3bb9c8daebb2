// Experiment files (schema conlab.experiment/1): parsed with Boost.JSON, checked field by field.
// Every problem names its field path, e.g. `variants[3].pool_size: must be ≥ 1`.
#pragma once

#include "core/experiment/spec.h"
#include "core/util/field_error.h"

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace conlab {

inline constexpr const char *kExperimentSchema = "conlab.experiment/1";

// Throws SpecError listing every problem found (not just the first).
Experiment parse_experiment(const boost::json::value &json, int cores);
Experiment parse_experiment_text(std::string_view text, int cores);
Experiment load_experiment_file(const std::string &path, int cores);

// Semantic checks on an experiment built in code (the editor): same rules, same messages.
// A sweep's points are checked without the machine's thread limits: a variant beyond them at
// some point is left out of that point (SweepVariantPoint::beyond_machine), not refused.
enum class ThreadLimits { checked, left_to_the_sweep };
std::vector<FieldError> validate_experiment(const Experiment &experiment, int cores,
                                            ThreadLimits limits = ThreadLimits::checked);

boost::json::value to_json(const Experiment &experiment);
std::string to_json_text(const Experiment &experiment); // pretty, stable key order

namespace json {

// The structural half of parse_experiment (types, names, required and unknown keys), without the
// semantic checks of validate_experiment. Results files use it for the experiment they embed, so
// a run recorded on a bigger machine still loads here.
Experiment read_experiment(const boost::json::value &json, const std::string &path,
                           std::vector<FieldError> &errors);

} // namespace json

} // namespace conlab
