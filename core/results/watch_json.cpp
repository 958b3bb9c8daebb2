#include "core/results/watch_json.h"

#include "core/results/json_columns.h"

namespace conlab {

boost::json::object to_json(const ProcessWatch &w) {
  const auto &p = w.points;
  const auto &t = w.threads;
  return {
      {"pid", w.pid},
      {"name", w.name},
      {"interval_s", w.interval_s},
      {"first_threads", w.first_threads},
      {"peak_threads", w.peak_threads},
      {"peak_rss_bytes", w.peak_rss_bytes},
      {"exited_ns", w.exited_ns},
      {"points",
       {{"at_ns", column(p, [](const WatchPoint &x) { return x.at_ns; })},
        {"threads", column(p, [](const WatchPoint &x) { return x.threads; })},
        {"cpu_s", column(p, [](const WatchPoint &x) { return x.cpu_s; })},
        {"runqueue_wait_s", column(p, [](const WatchPoint &x) { return x.runqueue_wait_s; })},
        {"rss_bytes", column(p, [](const WatchPoint &x) { return x.rss_bytes; })}}},
      {"threads",
       {{"tid", column(t, [](const WatchedThread &x) { return x.tid; })},
        {"name", column(t, [](const WatchedThread &x) { return boost::json::string(x.name); })},
        {"cpu_s", column(t, [](const WatchedThread &x) { return x.cpu_s; })},
        {"runqueue_wait_s", column(t, [](const WatchedThread &x) { return x.runqueue_wait_s; })},
        {"first_seen_ns", column(t, [](const WatchedThread &x) { return x.first_seen_ns; })},
        {"last_seen_ns", column(t, [](const WatchedThread &x) { return x.last_seen_ns; })}}}};
}

namespace {

void read_points(json::Fields &f, ProcessWatch &w) {
  const boost::json::value *json = f.object("points", json::Need::required);
  if (!json)
    return;
  json::Fields p(*json, f.path("points"), f.errors(), false);
  const auto at = column<std::int64_t>(p, "at_ns");
  const auto threads = column<std::uint32_t>(p, "threads");
  const auto cpu = column<double>(p, "cpu_s");
  const auto wait = column<double>(p, "runqueue_wait_s");
  const auto rss = column<std::int64_t>(p, "rss_bytes");
  if (!complete_table(p, sized("at_ns", at),
                      {sized("threads", threads), sized("cpu_s", cpu),
                       sized("runqueue_wait_s", wait), sized("rss_bytes", rss)}))
    return;
  for (std::size_t i = 0; i < at->size(); ++i)
    w.points.push_back({(*at)[i], (*threads)[i], (*cpu)[i], (*wait)[i], (*rss)[i]});
}

void read_threads(json::Fields &f, ProcessWatch &w) {
  const boost::json::value *json = f.object("threads", json::Need::required);
  if (!json)
    return;
  json::Fields t(*json, f.path("threads"), f.errors(), false);
  const auto tid = column<std::int32_t>(t, "tid");
  const auto cpu = column<double>(t, "cpu_s");
  const auto wait = column<double>(t, "runqueue_wait_s");
  const auto first = column<std::int64_t>(t, "first_seen_ns");
  const auto last = column<std::int64_t>(t, "last_seen_ns");
  const boost::json::array *names = t.array("name", json::Need::required);
  if (!names || !complete_table(t, sized("tid", tid),
                                {sized("cpu_s", cpu), sized("runqueue_wait_s", wait),
                                 sized("first_seen_ns", first), sized("last_seen_ns", last)}))
    return;
  if (names->size() != tid->size()) {
    t.error(t.path("name"), "has " + std::to_string(names->size()) + " values but tid has " +
                                std::to_string(tid->size()));
    return;
  }
  for (std::size_t i = 0; i < tid->size(); ++i) {
    const boost::json::string *name = (*names)[i].if_string();
    if (!name) {
      t.error(json::index_path(t.path("name"), i), "must be a string");
      return;
    }
    w.threads.push_back(
        {(*tid)[i], std::string(*name), (*cpu)[i], (*wait)[i], (*first)[i], (*last)[i]});
  }
}

} // namespace

std::optional<ProcessWatch> read_process_watch(const boost::json::value *json,
                                               const std::string &path, json::Errors &errors) {
  if (!json)
    return std::nullopt;
  ProcessWatch w;
  json::Fields f(*json, path, errors, false);
  const auto u32 = [&f](std::string_view key) {
    const std::uint64_t u = f.unsigned_integer(key, json::Need::required).value_or(0);
    if (u > UINT32_MAX)
      f.error(f.path(key), "must be ≤ 4294967295");
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(u, UINT32_MAX));
  };
  const std::int64_t pid = f.integer("pid", json::Need::required).value_or(0);
  if (pid <= 0 || pid > INT32_MAX)
    f.error(f.path("pid"), "must be a process ID (a positive number)");
  w.pid = static_cast<std::int32_t>(std::clamp<std::int64_t>(pid, 0, INT32_MAX));
  w.name = f.string("name").value_or("");
  w.interval_s = f.number("interval_s").value_or(0);
  w.first_threads = u32("first_threads");
  w.peak_threads = u32("peak_threads");
  w.peak_rss_bytes = f.integer("peak_rss_bytes", json::Need::required).value_or(0);
  w.exited_ns = f.integer("exited_ns").value_or(-1);
  read_points(f, w);
  read_threads(f, w);
  return w;
}

} // namespace conlab
