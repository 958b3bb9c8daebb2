// `conlab-cli compare`: two results files side by side, and a regression gate for CI. Its exit
// codes are its own: 0 no regression, 1 regressed, 2 could not compare, 3 not enough evidence.
#pragma once

#include "core/compare/compare.h"
#include "core/compare/regression_gate.h"
#include "core/compare/sweep_compare.h"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace conlab::cli {

int compare_command(const std::vector<std::string> &args);

// "A (baseline) a.json: io-vs-cpu, completed, 5 repeats, Release build".
std::string compare_side_line(const char *letter, const char *role, const RunSide &side);

// The per-variant tables, the noise methods, then the gate's verdict per variant.
void print_comparison(std::ostream &out, const Comparison &comparison, const GateReport &gate,
                      std::size_t width);

// Two sweeps: one table of the gate's metric, a row per point and variant; where it changed;
// then the gate's verdict.
void print_sweep_comparison(std::ostream &out, const SweepComparison &comparison,
                            const GateReport &gate, std::size_t width);

} // namespace conlab::cli
