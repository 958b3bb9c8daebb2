// A comparison as JSON (schema conlab.compare/2), for CI jobs and tools that read numbers rather
// than tables. Non-finite numbers are written as null. docs/results-format.md lists the members.
#pragma once

#include "core/compare/compare.h"
#include "core/compare/regression_gate.h"
#include "core/compare/sweep_compare.h"

#include <boost/json/value.hpp>

namespace conlab {

inline constexpr const char *kCompareSchema = "conlab.compare/2";

// The comparison; with a gate, also its verdict under "gate".
boost::json::value to_json(const Comparison &comparison, const GateReport *gate = nullptr);

// Two sweeps (schema conlab.sweep-compare/1): the sides, the grid, and per matched point its
// variants as in conlab.compare/2; with a gate, its verdict over every (point, variant) pair.
inline constexpr const char *kSweepCompareSchema = "conlab.sweep-compare/1";
boost::json::value to_json(const SweepComparison &comparison, const GateReport *gate = nullptr);

} // namespace conlab
