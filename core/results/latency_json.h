// The histograms a run keeps beside (or instead of) its samples, in results files: a run's
// folded tasks beyond its sample budget, its latency grid over time, and a load's latency by
// interval. Both are stored sparse,
// as the bins that hold something, which keeps them a few kilobytes.
#pragma once

#include "core/analysis/folded_samples.h"
#include "core/analysis/interval_histograms.h"
#include "core/analysis/latency_over_time.h"
#include "core/util/json_fields.h"

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace conlab {

boost::json::object to_json(const FoldedSamples &folded);
boost::json::object to_json(const LatencyOverTime &grid);
boost::json::object to_json(const IntervalHistograms &intervals);
// Nullopt when `json` is missing; problems are added to `errors` by path.
std::optional<FoldedSamples> read_folded_samples(const boost::json::value *json,
                                                 const std::string &path, json::Errors &errors);
std::optional<LatencyOverTime> read_latency_over_time(const boost::json::value *json,
                                                      const std::string &path,
                                                      json::Errors &errors);
std::optional<IntervalHistograms> read_interval_histograms(const boost::json::value *json,
                                                           const std::string &path,
                                                           json::Errors &errors);

} // namespace conlab
