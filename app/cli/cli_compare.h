// `conlab-cli compare`: two results files side by side, and a regression gate for CI. Its exit
// codes are its own: 0 no regression, 1 regressed, 2 could not compare.
#pragma once

#include "core/compare/compare.h"
#include "core/compare/regression_gate.h"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace conlab::cli {

int compare_command(const std::vector<std::string> &args);

// The per-variant tables, the noise methods, then the gate's verdict per variant.
void print_comparison(std::ostream &out, const Comparison &comparison, const GateReport &gate,
                      std::size_t width);

} // namespace conlab::cli
