// Splits by cause built in code, for the tests of what draws them: each task's response time is
// 1 s, and it went as the shares say.
#pragma once

#include "core/analysis/cause_split.h"
#include "core/results/results.h"

#include <map>
#include <string>

namespace conlab::test {

inline CauseSplit split(std::uint64_t tasks, bool measured, const std::map<Cause, double> &shares) {
  CauseSplit s;
  s.measured = measured;
  s.tasks = tasks;
  s.response_s = static_cast<double>(tasks);
  for (const auto &[cause, share] : shares)
    s.total_s[static_cast<std::size_t>(cause)] = share * s.response_s;
  return s;
}

inline VariantResult split_variant(const std::string &label, CauseSplit causes) {
  VariantResult v;
  v.label = label;
  v.model = "thread_pool";
  v.summary.causes = causes;
  return v;
}

} // namespace conlab::test
