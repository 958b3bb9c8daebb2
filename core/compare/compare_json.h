// A comparison as JSON (schema conlab.compare/2), for CI jobs and tools that read numbers rather
// than tables. Non-finite numbers are written as null. docs/results-format.md lists the members.
#pragma once

#include "core/compare/compare.h"
#include "core/compare/regression_gate.h"

#include <boost/json/value.hpp>

namespace conlab {

inline constexpr const char *kCompareSchema = "conlab.compare/2";

// The comparison; with a gate, also its verdict under "gate".
boost::json::value to_json(const Comparison &comparison, const GateReport *gate = nullptr);

} // namespace conlab
