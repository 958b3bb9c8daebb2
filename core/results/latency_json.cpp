#include "core/results/latency_json.h"

#include <boost/json/array.hpp>

#include <stdexcept>

namespace conlab {
namespace {

using json::Fields;
constexpr json::Need kRequired = json::Need::required;

// A histogram as {"bins": [[index, count], …], "min_ns", "max_ns", "sum_s"}.
boost::json::object histogram_json(const LatencyHistogram &h) {
  boost::json::array bins;
  for (const auto &[index, count] : h.nonzero_bins())
    bins.push_back(boost::json::array{index, count});
  return {{"bins", std::move(bins)},
          {"min_ns", h.min_ns()},
          {"max_ns", h.max_ns()},
          {"sum_s", h.sum_s()}};
}

// Two non-negative integers [a, b] at `path`; false (reported) when it is anything else.
bool pair_of(const boost::json::value &v, const std::string &path, json::Errors &errors,
             std::uint64_t &a, std::uint64_t &b) {
  const boost::json::array *pair = v.if_array();
  const auto first = pair && pair->size() == 2 ? json::as_unsigned((*pair)[0]) : std::nullopt;
  const auto second = pair && pair->size() == 2 ? json::as_unsigned((*pair)[1]) : std::nullopt;
  if (!first || !second) {
    errors.push_back({path, "must be a pair of non-negative integers"});
    return false;
  }
  a = *first;
  b = *second;
  return true;
}

LatencyHistogram read_latency_histogram(const boost::json::value &json, const std::string &path,
                                        json::Errors &errors) {
  LatencyHistogram h;
  Fields f(json, path, errors, false);
  if (const boost::json::array *bins = f.array("bins", kRequired))
    for (std::size_t i = 0; i < bins->size(); ++i) {
      std::uint64_t index = 0, count = 0;
      const std::string bin_path = json::index_path(f.path("bins"), i);
      if (!pair_of((*bins)[i], bin_path, errors, index, count))
        continue;
      if (index > static_cast<std::uint64_t>(LogLinearNsAxis::kSize))
        errors.push_back({bin_path, "names a bin beyond " + std::to_string(LogLinearNsAxis::kSize)});
      else
        h.add_bin(static_cast<std::int32_t>(index), count);
    }
  h.restore_extremes(f.integer("min_ns", kRequired).value_or(0),
                     f.integer("max_ns", kRequired).value_or(0),
                     f.number("sum_s", kRequired).value_or(0));
  return h;
}

LatencyHistogram read_histogram(Fields &parent, std::string_view key, json::Errors &errors) {
  const boost::json::value *json = parent.object(key, kRequired);
  return json ? read_latency_histogram(*json, parent.path(key), errors) : LatencyHistogram{};
}

} // namespace

boost::json::object to_json(const FoldedSamples &s) {
  return {{"tasks", s.tasks},
          {"completed", s.completed},
          {"first_submit_ns", s.tasks ? s.first_submit_ns : -1},
          {"last_end_ns", s.last_end_ns},
          {"last_failure_ns", s.last_failure_ns},
          {"workers", s.workers},
          {"response", histogram_json(s.response)},
          {"queue_wait", histogram_json(s.queue_wait)},
          {"service", histogram_json(s.service)}};
}

boost::json::object to_json(const LatencyOverTime &grid) {
  boost::json::array cells; // [column, row, count] for every cell that holds something
  for (std::size_t c = 0; c < grid.columns().size(); ++c)
    for (int r = 0; r < LatencyOverTime::kRows; ++r)
      if (const std::uint32_t n = grid.columns()[c][r])
        cells.push_back(boost::json::array{c, r, n});
  return {{"interval_s", grid.interval_s()},
          {"columns", grid.columns().size()},
          {"lowest_s", LatencyOverTime::kLowestS},
          {"rows_per_decade", LatencyOverTime::kRowsPerDecade},
          {"cells", std::move(cells)}};
}

std::optional<FoldedSamples> read_folded_samples(const boost::json::value *json,
                                                 const std::string &path, json::Errors &errors) {
  if (!json)
    return std::nullopt;
  Fields f(*json, path, errors, false);
  FoldedSamples s;
  s.tasks = f.unsigned_integer("tasks", kRequired).value_or(0);
  s.completed = f.unsigned_integer("completed", kRequired).value_or(0);
  const std::int64_t first = f.integer("first_submit_ns", kRequired).value_or(-1);
  if (first >= 0)
    s.first_submit_ns = first;
  s.last_end_ns = f.integer("last_end_ns", kRequired).value_or(-1);
  s.last_failure_ns = f.integer("last_failure_ns", kRequired).value_or(-1);
  s.workers = static_cast<std::uint32_t>(f.unsigned_integer("workers", kRequired).value_or(0));
  s.response = read_histogram(f, "response", errors);
  s.queue_wait = read_histogram(f, "queue_wait", errors);
  s.service = read_histogram(f, "service", errors);
  if (s.completed > s.tasks || s.response.count() != s.completed)
    f.error(f.path("completed"), "must count the response histogram's values, at most tasks");
  return s;
}

std::optional<LatencyOverTime> read_latency_over_time(const boost::json::value *json,
                                                      const std::string &path,
                                                      json::Errors &errors) {
  if (!json)
    return std::nullopt;
  Fields f(*json, path, errors, false);
  const double interval = f.number("interval_s", kRequired).value_or(0);
  const std::uint64_t count = f.unsigned_integer("columns", kRequired).value_or(0);
  if (!(interval > 0))
    f.error(f.path("interval_s"), "must be > 0");
  if (count > LatencyOverTime::kMaxColumns)
    f.error(f.path("columns"), "must be ≤ " + std::to_string(LatencyOverTime::kMaxColumns));
  if (f.number("lowest_s", kRequired).value_or(0) != LatencyOverTime::kLowestS ||
      f.integer("rows_per_decade", kRequired).value_or(0) != LatencyOverTime::kRowsPerDecade)
    f.error(path, "has latency rows this version does not know (lowest_s, rows_per_decade)");
  if (!(interval > 0) || count > LatencyOverTime::kMaxColumns)
    return std::nullopt;
  std::vector<LatencyOverTime::Column> columns(count, LatencyOverTime::Column{});
  if (const boost::json::array *cells = f.array("cells", kRequired))
    for (std::size_t i = 0; i < cells->size(); ++i) {
      const std::string cell_path = json::index_path(f.path("cells"), i);
      const boost::json::array *cell = (*cells)[i].if_array();
      const auto c = cell && cell->size() == 3 ? json::as_unsigned((*cell)[0]) : std::nullopt;
      const auto r = cell && cell->size() == 3 ? json::as_unsigned((*cell)[1]) : std::nullopt;
      const auto n = cell && cell->size() == 3 ? json::as_unsigned((*cell)[2]) : std::nullopt;
      if (!c || !r || !n || *c >= count || *r >= LatencyOverTime::kRows || *n > UINT32_MAX)
        errors.push_back({cell_path, "must be [column, row, count] inside the grid"});
      else
        columns[*c][*r] = static_cast<std::uint32_t>(*n);
    }
  LatencyOverTime grid;
  grid.restore(interval, std::move(columns));
  return grid;
}

boost::json::object to_json(const IntervalHistograms &h) {
  boost::json::array intervals;
  for (const LatencyHistogram &i : h.intervals())
    intervals.push_back(histogram_json(i));
  return {{"origin_ns", h.origin_ns()},
          {"interval_ns", h.interval_ns()},
          {"intervals", std::move(intervals)}};
}

std::optional<IntervalHistograms> read_interval_histograms(const boost::json::value *json,
                                                           const std::string &path,
                                                           json::Errors &errors) {
  if (!json)
    return std::nullopt;
  Fields f(*json, path, errors, false);
  if (!f.valid())
    return std::nullopt;
  const std::int64_t origin = f.integer("origin_ns", kRequired).value_or(0);
  const std::int64_t width =
      f.integer("interval_ns", kRequired).value_or(IntervalHistograms::kFirstIntervalNs);
  std::vector<LatencyHistogram> intervals;
  if (const boost::json::array *items = f.array("intervals", kRequired))
    for (std::size_t i = 0; i < items->size(); ++i)
      intervals.push_back(
          read_latency_histogram((*items)[i], json::index_path(f.path("intervals"), i), errors));
  IntervalHistograms out;
  try {
    out.restore(origin, width, std::move(intervals));
  } catch (const std::invalid_argument &e) {
    f.error(f.path("interval_ns"), e.what());
    return std::nullopt;
  }
  return out;
}

} // namespace conlab
