#include "core/capacity/capacity_results.h"

#include "core/results/results_json.h"

#include "core/util/field_error.h"
#include "core/util/file_io.h"
#include "core/util/json_fields.h"

#include <boost/json/serialize.hpp>

#include <cmath>
#include <limits>

namespace conlab {
namespace {

// JSON has no infinity: a run whose requests failed beyond the percentile has no value.
boost::json::value seconds_or_null(double value) {
  if (!std::isfinite(value))
    return nullptr;
  return value;
}

boost::json::value optional_rate(const std::optional<double> &rate) {
  if (!rate)
    return nullptr;
  return *rate;
}

boost::json::object to_json(const CapacitySearch &s) {
  boost::json::array runs;
  for (const CapacityRun &r : s.runs) {
    boost::json::object o{{"rate_per_s", r.rate_per_s},
                          {"duration_s", r.duration_s},
                          {"requests", r.requests},
                          {"value_s", seconds_or_null(r.value_s)},
                          {"met", r.met},
                          {"queue_growing", r.queue_growing},
                          {"failed", r.failed},
                          {"achieved_rate_per_s", r.achieved_rate_per_s},
                          {"send_lag_p99_s", r.send_lag_p99_s},
                          {"wall_s", r.wall_s}};
    if (!r.generator_warnings.empty()) {
      boost::json::array warnings;
      for (const std::string &w : r.generator_warnings)
        warnings.emplace_back(w);
      o["generator_warnings"] = std::move(warnings);
    }
    runs.push_back(std::move(o));
  }
  const CapacityLimits &l = s.limits;
  boost::json::object o{{"outcome", to_string(s.outcome)},
                        {"capacity_per_s", optional_rate(s.capacity_per_s)},
                        {"breaking_per_s", optional_rate(s.breaking_per_s)},
                        {"summary", describe_capacity(s)},
                        {"total_s", s.total_s},
                        {"limits",
                         {{"start_rate_per_s", l.start_rate_per_s},
                          {"max_rate_per_s", l.max_rate_per_s},
                          {"max_total_s", l.max_total_s},
                          {"runs_per_step", l.runs_per_step},
                          {"precision", l.precision},
                          {"run_duration_s", l.run_duration_s},
                          {"min_requests", l.min_requests},
                          {"max_run_duration_s", l.max_run_duration_s}}},
                        {"runs", std::move(runs)}};
  if (!s.error.empty())
    o["error"] = s.error;
  return o;
}

} // namespace

boost::json::value to_json(const CapacityResults &r) {
  boost::json::object o{{"schema", CapacityResults::kSchema},
                        {"target", r.target},
                        {"slo",
                         {{"text", r.measured.slo.text},
                          {"metric", r.measured.slo.metric()},
                          {"limit_s", r.measured.slo.limit_s}}},
                        {"arrivals", r.arrivals},
                        {"measured", to_json(r.measured)},
                        {"environment", to_json(r.environment)}};
  if (!r.variant_label.empty()) {
    o["variant"] = r.variant_label;
    o["model"] = r.model;
    o["time_scale"] = r.time_scale;
  }
  if (r.predicted)
    o["predicted"] = to_json(*r.predicted);
  if (r.server)
    o["server_under_test"] = {{"command", r.server->command}, {"log", r.server->log_path}};
  return o;
}

void save_capacity(const CapacityResults &results, const std::string &path) {
  write_file_atomically(path, boost::json::serialize(to_json(results)));
}

} // namespace conlab

namespace conlab {
namespace {

using json::Fields;
using json::Need;

std::optional<double> rate_field(Fields &f, std::string_view key) {
  const boost::json::value *v = f.get(key);
  if (!v || v->is_null())
    return std::nullopt;
  return f.number(key);
}

CapacitySearch read_search(const boost::json::value &value, const std::string &path, const Slo &slo,
                           json::Errors &errors) {
  CapacitySearch s;
  s.slo = slo;
  Fields f(value, path, errors, false);
  if (!f.valid())
    return s;
  const std::string outcome = f.string("outcome", Need::required).value_or("found");
  if (const auto o = capacity_outcome_from_string(outcome))
    s.outcome = *o;
  else
    f.error(f.path("outcome"), "unknown outcome '" + outcome + "'");
  s.capacity_per_s = rate_field(f, "capacity_per_s");
  s.breaking_per_s = rate_field(f, "breaking_per_s");
  s.total_s = f.number("total_s").value_or(0);
  s.error = f.string("error").value_or("");
  if (const boost::json::value *limits = f.object("limits")) {
    Fields l(*limits, f.path("limits"), errors, false);
    CapacityLimits &c = s.limits;
    c.start_rate_per_s = l.number("start_rate_per_s").value_or(c.start_rate_per_s);
    c.max_rate_per_s = l.number("max_rate_per_s").value_or(c.max_rate_per_s);
    c.max_total_s = l.number("max_total_s").value_or(c.max_total_s);
    c.runs_per_step = static_cast<int>(l.integer("runs_per_step").value_or(c.runs_per_step));
    c.precision = l.number("precision").value_or(c.precision);
    c.run_duration_s = l.number("run_duration_s").value_or(c.run_duration_s);
    c.min_requests = l.integer("min_requests").value_or(c.min_requests);
    c.max_run_duration_s = l.number("max_run_duration_s").value_or(c.max_run_duration_s);
  }
  if (const boost::json::array *runs = f.array("runs", Need::required))
    for (std::size_t i = 0; i < runs->size(); ++i) {
      Fields r((*runs)[i], json::index_path(f.path("runs"), i), errors, false);
      if (!r.valid())
        continue;
      CapacityRun run;
      run.rate_per_s = r.number("rate_per_s", Need::required).value_or(0);
      run.duration_s = r.number("duration_s").value_or(0);
      run.requests = r.integer("requests").value_or(0);
      const double measured = r.number_or_nan("value_s").value_or(std::nan(""));
      run.value_s = std::isnan(measured) ? std::numeric_limits<double>::infinity() : measured;
      run.met = r.boolean("met", Need::required).value_or(false);
      run.queue_growing = r.boolean("queue_growing").value_or(false);
      run.failed = r.unsigned_integer("failed").value_or(0);
      run.achieved_rate_per_s = r.number("achieved_rate_per_s").value_or(0);
      run.send_lag_p99_s = r.number("send_lag_p99_s").value_or(0);
      run.wall_s = r.number("wall_s").value_or(0);
      if (const boost::json::array *warnings = r.array("generator_warnings"))
        for (const boost::json::value &w : *warnings)
          if (w.is_string())
            run.generator_warnings.emplace_back(w.as_string());
      s.runs.push_back(std::move(run));
    }
  return s;
}

} // namespace

bool is_capacity_document(const boost::json::value &json) {
  const boost::json::object *o = json.if_object();
  const boost::json::value *schema = o ? o->if_contains("schema") : nullptr;
  return schema && schema->is_string() && schema->as_string() == CapacityResults::kSchema;
}

CapacityResults capacity_from_json(const boost::json::value &json) {
  json::Errors errors;
  CapacityResults r;
  if (!is_capacity_document(json))
    throw SpecError({FieldError{.path = "schema",
                                .message = std::string("not a capacity file (") +
                                           CapacityResults::kSchema + ")"}});
  Fields f(json, "", errors, false);
  r.target = f.string("target", Need::required).value_or("");
  r.arrivals = f.string("arrivals").value_or("poisson");
  r.variant_label = f.string("variant").value_or("");
  r.model = f.string("model").value_or("");
  r.time_scale = f.number("time_scale").value_or(1);
  Slo slo;
  if (const boost::json::value *text = f.object("slo", Need::required)) {
    Fields s(*text, "slo", errors, false);
    std::string error;
    const std::string written = s.string("text", Need::required).value_or("");
    if (const std::optional<Slo> parsed = parse_slo(written, error))
      slo = *parsed;
    else
      s.error("slo.text", error);
  }
  if (const boost::json::value *measured = f.object("measured", Need::required))
    r.measured = read_search(*measured, "measured", slo, errors);
  if (const boost::json::value *predicted = f.object("predicted"))
    r.predicted = read_search(*predicted, "predicted", slo, errors);
  if (const boost::json::value *server = f.object("server_under_test")) {
    Fields s(*server, "server_under_test", errors, false);
    r.server = ServerUnderTestRecord{.command = s.string("command").value_or(""),
                                     .log_path = s.string("log").value_or(""),
                                     .ended_on_its_own = ""};
  }
  r.environment = read_environment(f.object("environment"), "environment", errors);
  if (!errors.empty())
    throw SpecError(std::move(errors));
  return r;
}

CapacityResults load_capacity(const std::string &path) {
  return capacity_from_json(json::read_json_file(path));
}

} // namespace conlab
