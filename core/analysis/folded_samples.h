// The tasks of a run beyond its sample budget: their samples were dropped once counted, and
// what the summary needs of them is kept here: exact counts, span and sums, and histograms that
// give their percentiles to 3 significant digits. A run of a billion requests keeps as much.
#pragma once

#include "core/analysis/latency_histogram.h"
#include "core/engine/task_sample.h"

#include <cstdint>
#include <limits>
#include <span>

namespace conlab {

struct FoldedSamples {
  std::uint64_t tasks = 0;           // beyond the budget that were touched (submitted or started)
  std::uint64_t completed = 0;       // of them, finished
  std::int64_t last_failure_ns = -1; // when the last one that failed (TaskSample::failed) ended
  std::int64_t first_submit_ns = std::numeric_limits<std::int64_t>::max();
  std::int64_t last_end_ns = -1;
  std::uint32_t workers = 0; // distinct worker indices seen (the highest + 1)
  LatencyHistogram response, queue_wait, service;

  // A finished sample's times go to the histograms; an unfinished one only counts.
  void add(const TaskSample &sample);
  void add(std::span<const TaskSample> samples);
  FoldedSamples &operator+=(const FoldedSamples &other);
};

} // namespace conlab
