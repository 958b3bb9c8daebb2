#include "core/sweep/sweep_results_json.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cmath>
#include <utility>

namespace conlab {
namespace {

using json::Fields;
using json::Need;
using json::number_or_null;

// Every metric with its name in the file, so writing and reading cannot drift apart.
constexpr std::pair<const char *, double SweepMetrics::*> kMetricFields[] = {
    {"makespan_s", &SweepMetrics::makespan_s},
    {"throughput_per_s", &SweepMetrics::throughput_per_s},
    {"p50_s", &SweepMetrics::p50_s},
    {"p90_s", &SweepMetrics::p90_s},
    {"p99_s", &SweepMetrics::p99_s},
    {"max_s", &SweepMetrics::max_s},
    {"cpu_utilization", &SweepMetrics::cpu_utilization},
    {"loop_lag_p99_s", &SweepMetrics::loop_lag_p99_s},
    {"loop_lag_max_s", &SweepMetrics::loop_lag_max_s},
    {"queue_wait_share", &SweepMetrics::queue_wait_share},
};
// Cost per task came later: files from before it read as 0 (not measured).
constexpr std::pair<const char *, double SweepMetrics::*> kCostFields[] = {
    {"memory_per_task_bytes", &SweepMetrics::memory_per_task_bytes},
    {"cpu_per_wait_s", &SweepMetrics::cpu_per_wait_s},
    {"switches_per_task", &SweepMetrics::switches_per_task},
};

boost::json::value to_json(const SweepMetrics &m) {
  boost::json::object o;
  for (const auto &[name, member] : kMetricFields)
    o[name] = number_or_null(m.*member);
  for (const auto &[name, member] : kCostFields)
    o[name] = number_or_null(m.*member);
  return o;
}

SweepMetrics read_metrics(const boost::json::value &json, const std::string &path,
                          json::Errors &errors) {
  SweepMetrics m;
  Fields f(json, path, errors, false);
  for (const auto &[name, member] : kMetricFields)
    m.*member = f.number_or_nan(name, Need::required).value_or(0);
  for (const auto &[name, member] : kCostFields)
    m.*member = f.number_or_nan(name).value_or(0);
  return m;
}

boost::json::value to_json(const SweepVariantPoint &v) {
  boost::json::object o;
  if (!v.beyond_machine.empty())
    o["beyond_machine"] = v.beyond_machine;
  if (v.predicted_makespan_s)
    o["predicted_makespan_s"] = number_or_null(*v.predicted_makespan_s);
  o["formula"] = v.formula;
  if (v.simulated)
    o["simulated"] = to_json(*v.simulated);
  boost::json::array measurements;
  for (const SweepMeasurement &m : v.measurements) {
    boost::json::object measurement{{"repeat", m.repeat},
                                    {"order", m.order},
                                    {"complete", m.complete},
                                    {"metrics", to_json(m.metrics)}};
    if (m.part)
      measurement["part"] = *m.part;
    measurements.push_back(std::move(measurement));
  }
  o["measurements"] = std::move(measurements);
  return o;
}

SweepVariantPoint read_variant_point(const boost::json::value &json, const std::string &path,
                                     json::Errors &errors) {
  SweepVariantPoint v;
  Fields f(json, path, errors, false);
  v.predicted_makespan_s = f.number_or_nan("predicted_makespan_s");
  v.formula = f.string("formula").value_or("");
  v.beyond_machine = f.string("beyond_machine").value_or("");
  if (const boost::json::value *simulated = f.object("simulated"))
    v.simulated = read_metrics(*simulated, f.path("simulated"), errors);
  if (const boost::json::array *measurements = f.array("measurements", Need::required)) {
    for (std::size_t i = 0; i < measurements->size(); ++i) {
      const std::string at = json::index_path(f.path("measurements"), i);
      Fields m((*measurements)[i], at, errors, false);
      SweepMeasurement out;
      out.repeat = static_cast<int>(m.integer("repeat", Need::required).value_or(0));
      out.order = m.unsigned_integer("order", Need::required).value_or(0);
      out.complete = m.boolean("complete", Need::required).value_or(false);
      if (const boost::json::value *metrics = m.object("metrics", Need::required))
        out.metrics = read_metrics(*metrics, m.path("metrics"), errors);
      if (const auto part = m.unsigned_integer("part"))
        out.part = static_cast<std::size_t>(*part);
      v.measurements.push_back(out);
    }
  }
  return v;
}

boost::json::value to_json(const Shard &shard) {
  return boost::json::object{{"index", shard.index}, {"count", shard.count}};
}

std::optional<Shard> read_shard(const boost::json::value *json, const std::string &path,
                                json::Errors &errors) {
  if (!json)
    return std::nullopt;
  Fields f(*json, path, errors, false);
  Shard shard;
  shard.index = f.unsigned_integer("index", Need::required).value_or(0);
  shard.count = f.unsigned_integer("count", Need::required).value_or(1);
  if (shard.count < 1 || shard.index >= shard.count) {
    errors.push_back({path, "part " + shard.text() + " does not exist: the index must be 0…N−1"});
    return std::nullopt;
  }
  return shard;
}

boost::json::value to_json(const SweepPart &part) {
  return boost::json::object{{"shard", to_json(part.shard)},
                             {"file", part.file},
                             {"hostname", part.hostname},
                             {"cpu_model", part.cpu_model},
                             {"build_type", part.build_type},
                             {"cores", part.cores},
                             {"runs", part.runs},
                             {"wall_time_s", part.wall_time_s}};
}

SweepPart read_part(const boost::json::value &json, const std::string &path, json::Errors &errors) {
  Fields f(json, path, errors, false);
  SweepPart part;
  if (const auto shard = read_shard(f.object("shard", Need::required), f.path("shard"), errors))
    part.shard = *shard;
  part.file = f.string("file").value_or("");
  part.hostname = f.string("hostname").value_or("");
  part.cpu_model = f.string("cpu_model").value_or("");
  part.build_type = f.string("build_type").value_or("");
  part.cores = static_cast<int>(f.integer("cores").value_or(0));
  part.runs = f.unsigned_integer("runs").value_or(0);
  part.wall_time_s = f.number_or_nan("wall_time_s").value_or(0);
  return part;
}

} // namespace

boost::json::value to_json(const SweepResults &sweep) {
  boost::json::array points;
  for (const SweepPoint &p : sweep.points) {
    boost::json::array values, variants;
    for (double v : p.values)
      values.push_back(v);
    for (const SweepVariantPoint &v : p.variants)
      variants.push_back(to_json(v));
    points.push_back(
        boost::json::object{{"values", std::move(values)}, {"variants", std::move(variants)}});
  }
  boost::json::object o{{"runs_done", sweep.runs_done},
                        {"runs_total", sweep.runs_total},
                        {"points", std::move(points)}};
  if (sweep.shard)
    o["shard"] = to_json(*sweep.shard);
  if (!sweep.parts.empty()) {
    boost::json::array parts;
    for (const SweepPart &part : sweep.parts)
      parts.push_back(to_json(part));
    o["parts"] = std::move(parts);
  }
  return o;
}

SweepResults read_sweep_results(const boost::json::value &json, const std::string &path,
                                json::Errors &errors) {
  SweepResults sweep;
  Fields f(json, path, errors, false);
  sweep.runs_done = f.unsigned_integer("runs_done", Need::required).value_or(0);
  sweep.runs_total = f.unsigned_integer("runs_total", Need::required).value_or(0);
  sweep.shard = read_shard(f.object("shard"), f.path("shard"), errors);
  if (const boost::json::array *parts = f.array("parts"))
    for (std::size_t i = 0; i < parts->size(); ++i)
      sweep.parts.push_back(read_part((*parts)[i], json::index_path(f.path("parts"), i), errors));
  if (const boost::json::array *points = f.array("points", Need::required)) {
    for (std::size_t i = 0; i < points->size(); ++i) {
      const std::string at = json::index_path(f.path("points"), i);
      Fields p((*points)[i], at, errors, false);
      SweepPoint point;
      if (const boost::json::array *values = p.array("values", Need::required))
        for (const boost::json::value &v : *values)
          point.values.push_back(json::as_number(v).value_or(std::nan("")));
      if (const boost::json::array *variants = p.array("variants", Need::required))
        for (std::size_t k = 0; k < variants->size(); ++k)
          point.variants.push_back(read_variant_point(
              (*variants)[k], json::index_path(p.path("variants"), k), errors));
      sweep.points.push_back(std::move(point));
    }
  }
  return sweep;
}

} // namespace conlab
