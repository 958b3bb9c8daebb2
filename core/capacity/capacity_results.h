// A capacity search kept: what was searched (a URL, or an experiment's variant), the SLO, every
// run, the answer, and for a variant the simulator's answer beside it. Written as
// conlab.capacity/1.
#pragma once

#include "core/capacity/capacity_search.h"
#include "core/results/environment.h"
#include "core/results/results.h"

#include <boost/json/value.hpp>

#include <optional>
#include <string>

namespace conlab {

struct CapacityResults {
  static constexpr const char *kSchema = "conlab.capacity/1";
  std::string target;        // the URL, or "FILE --variant LABEL"
  std::string variant_label; // in-process: the variant
  std::string model;         // in-process: its model
  std::string arrivals;      // "poisson" or "constant"
  double time_scale = 1;     // in-process: the experiment's
  CapacitySearch measured;
  std::optional<CapacitySearch> predicted; // in-process: the simulator's
  std::optional<ServerUnderTestRecord> server;
  Environment environment;
};

boost::json::value to_json(const CapacityResults &results);
// Throws std::runtime_error when it cannot be written.
void save_capacity(const CapacityResults &results, const std::string &path);
// Throws SpecError naming each field at fault, or the file when it is not a capacity file.
CapacityResults capacity_from_json(const boost::json::value &json);
CapacityResults load_capacity(const std::string &path);
// Whether a parsed document says it is a capacity file.
bool is_capacity_document(const boost::json::value &json);

} // namespace conlab
