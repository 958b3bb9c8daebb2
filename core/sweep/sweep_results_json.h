// The `sweep` member of a results file: per point and variant the measured repeats, the
// prediction and the simulation. Read back exactly as written.
#pragma once

#include "core/sweep/sweep_results.h"
#include "core/util/json_fields.h"

#include <boost/json/value.hpp>

namespace conlab {

boost::json::value to_json(const SweepResults &sweep);
SweepResults read_sweep_results(const boost::json::value &json, const std::string &path,
                                json::Errors &errors);

} // namespace conlab
