#include "core/results/load_parts_json.h"

#include "core/util/format.h"

#include <algorithm>
#include <stdexcept>

namespace conlab {
namespace {

using json::Fields;
constexpr json::Need kRequired = json::Need::required;

boost::json::array strings(const std::vector<std::string> &items) {
  boost::json::array out;
  for (const std::string &item : items)
    out.emplace_back(item);
  return out;
}

std::vector<std::string> read_strings(Fields &f, std::string_view key, json::Need need) {
  std::vector<std::string> out;
  if (const boost::json::array *items = f.array(key, need))
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (const boost::json::string *s = (*items)[i].if_string())
        out.emplace_back(*s);
      else
        f.error(json::index_path(f.path(key), i), "must be a string");
    }
  return out;
}

Shard read_shard(Fields &f, std::string_view key) {
  const std::optional<std::string> text = f.string(key, kRequired);
  if (!text)
    return {};
  try {
    return parse_shard(*text);
  } catch (const std::invalid_argument &e) {
    f.error(f.path(key), std::string("\"") + *text + "\": " + e.what());
    return {};
  }
}

} // namespace

boost::json::object to_json(const GeneratorCheck &g) {
  boost::json::object o{{"shard", g.shard.text()},
                        {"hostname", g.hostname},
                        {"cores", g.cores},
                        {"clock_zero_unix_ns", g.clock_zero_unix_ns},
                        {"clock_zero_utc", utc_time(g.clock_zero_unix_ns)},
                        {"start_ns", g.start_ns},
                        {"arrival_phase_ns", g.arrival_phase_ns},
                        {"first_send_ns", g.first_send_ns},
                        {"last_send_ns", g.last_send_ns},
                        {"sent", g.sent},
                        {"open_load", g.open_load},
                        {"target_rate_per_s", g.target_rate_per_s},
                        {"achieved_rate_per_s", g.achieved_rate_per_s},
                        {"send_lag_p99_s", g.send_lag_p99_s},
                        {"send_lag_max_s", g.send_lag_max_s},
                        {"cpu_s", g.cpu_s},
                        {"busiest_thread_share", g.busiest_thread_share},
                        {"threads", g.threads},
                        {"connections_opened", g.connections_opened},
                        {"warnings", strings(g.warnings)}};
  if (!g.part_file.empty())
    o["part_file"] = g.part_file;
  return o;
}

boost::json::array to_json(const std::vector<GeneratorCheck> &generators) {
  boost::json::array out;
  for (const GeneratorCheck &g : generators)
    out.push_back(to_json(g));
  return out;
}

boost::json::object to_json(const LoadSettings &s) {
  boost::json::object o{{"urls", strings(s.urls)},
                        {"method", s.method},
                        {"headers", strings(s.headers)},
                        {"body_bytes", s.body_bytes},
                        {"body_digest", s.body_digest},
                        {"open_load", s.open_load},
                        {"rate_per_s", s.rate_per_s},
                        {"arrivals", s.arrivals},
                        {"requests", s.requests},
                        {"connections", s.connections},
                        {"timeout_s", s.timeout_s},
                        {"keep_alive", s.keep_alive},
                        {"seed", s.seed},
                        {"shards", s.shards}};
  if (s.duration_s)
    o["duration_s"] = *s.duration_s;
  if (s.start_at_unix_ns >= 0) {
    o["start_at_unix_ns"] = s.start_at_unix_ns;
    o["start_at_utc"] = utc_time(s.start_at_unix_ns);
  }
  return o;
}

std::vector<GeneratorCheck> read_generators(const boost::json::array *json, const std::string &path,
                                            json::Errors &errors) {
  std::vector<GeneratorCheck> out;
  if (!json)
    return out;
  for (std::size_t i = 0; i < json->size(); ++i) {
    Fields f((*json)[i], json::index_path(path, i), errors, false);
    if (!f.valid())
      continue;
    GeneratorCheck g;
    g.shard = read_shard(f, "shard");
    g.hostname = f.string("hostname").value_or("");
    g.cores = static_cast<int>(f.integer("cores").value_or(0));
    g.part_file = f.string("part_file").value_or("");
    g.clock_zero_unix_ns = f.integer("clock_zero_unix_ns", kRequired).value_or(0);
    g.start_ns = f.integer("start_ns", kRequired).value_or(0);
    g.arrival_phase_ns = f.integer("arrival_phase_ns").value_or(0);
    g.first_send_ns = f.integer("first_send_ns", kRequired).value_or(-1);
    g.last_send_ns = f.integer("last_send_ns", kRequired).value_or(-1);
    g.sent = f.unsigned_integer("sent", kRequired).value_or(0);
    g.open_load = f.boolean("open_load", kRequired).value_or(false);
    g.target_rate_per_s = f.number("target_rate_per_s").value_or(0);
    g.achieved_rate_per_s = f.number("achieved_rate_per_s").value_or(0);
    g.send_lag_p99_s = f.number("send_lag_p99_s").value_or(0);
    g.send_lag_max_s = f.number("send_lag_max_s").value_or(0);
    g.cpu_s = f.number("cpu_s").value_or(0);
    g.busiest_thread_share = f.number("busiest_thread_share").value_or(0);
    g.threads = static_cast<int>(f.integer("threads").value_or(0));
    g.connections_opened = f.integer("connections_opened").value_or(0);
    g.warnings = read_strings(f, "warnings", json::Need::optional);
    out.push_back(std::move(g));
  }
  return out;
}

std::optional<LoadSettings> read_load_settings(const boost::json::value *json,
                                               const std::string &path, json::Errors &errors) {
  if (!json)
    return std::nullopt;
  Fields f(*json, path, errors, false);
  if (!f.valid())
    return std::nullopt;
  LoadSettings s;
  s.urls = read_strings(f, "urls", kRequired);
  s.method = f.string("method", kRequired).value_or("GET");
  s.headers = read_strings(f, "headers", json::Need::optional);
  s.body_bytes = f.unsigned_integer("body_bytes").value_or(0);
  s.body_digest = f.string("body_digest").value_or("");
  s.open_load = f.boolean("open_load", kRequired).value_or(false);
  s.rate_per_s = f.number("rate_per_s").value_or(0);
  s.arrivals = f.string("arrivals").value_or("");
  s.requests = f.integer("requests").value_or(0);
  s.connections = f.integer("connections").value_or(0);
  s.duration_s = f.number("duration_s");
  s.timeout_s = f.number("timeout_s").value_or(0);
  s.keep_alive = f.boolean("keep_alive").value_or(true);
  s.seed = f.unsigned_integer("seed").value_or(1);
  s.start_at_unix_ns = f.integer("start_at_unix_ns").value_or(-1);
  const std::uint64_t shards = f.unsigned_integer("shards", kRequired).value_or(1);
  if (shards < 1)
    f.error(f.path("shards"), "must be at least 1");
  s.shards = static_cast<std::size_t>(std::max<std::uint64_t>(shards, 1));
  return s;
}

} // namespace conlab
