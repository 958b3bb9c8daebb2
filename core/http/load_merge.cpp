#include "core/http/load_merge.h"

#include "core/analysis/summary.h"
#include "core/http/load_generator.h"
#include "core/util/format.h"

#include <algorithm>
#include <limits>
#include <map>
#include <sstream>

namespace conlab::http {
namespace {

constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

void refuse(const std::string &why, bool parts_missing = false) {
  throw LoadMergeError(why, parts_missing);
}

const GeneratorCheck &generator_of(const RunResults &r) {
  return r.variants.front().repeats.front().generators.front();
}

void check_part(const LoadPartFile &p) {
  const RunResults &r = p.results;
  if (!r.load_settings)
    refuse(p.file + " is not a part of a load (the results file of conlab-cli load --shard I/N)");
  if (r.variants.empty())
    refuse(p.file + " holds no measurement: its generator was stopped before it began");
  for (const VariantResult &v : r.variants) {
    if (v.repeats.size() != 1 || v.repeats.front().generators.empty())
      refuse(p.file + " is not the results file of conlab-cli load");
    if (v.repeats.front().generators.size() > 1)
      refuse(p.file + " is already a merge of " +
             std::to_string(v.repeats.front().generators.size()) +
             " generators; merge the parts it was made of");
  }
}

// When the part's first request was due (or sent), on its own clock; kNever without one.
std::int64_t first_submit_ns(const RepeatResult &r) {
  std::int64_t first = r.beyond_budget ? r.beyond_budget->first_submit_ns : kNever;
  for (const TaskSample &t : r.samples)
    if (t.submitted())
      first = std::min(first, t.submit_ns);
  return first;
}

std::int64_t shifted(std::int64_t ns, std::int64_t shift) { return ns >= 0 ? ns + shift : ns; }

// The generators' in-flight counts and threads added up over time: each part's latest point at
// every time any part has one.
std::vector<TelemetryPoint> summed_telemetry(
    const std::vector<std::pair<const std::vector<TelemetryPoint> *, std::int64_t>> &parts) {
  std::vector<std::int64_t> times;
  for (const auto &[points, shift] : parts)
    for (const TelemetryPoint &p : *points)
      times.push_back(p.at_ns + shift);
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  std::vector<TelemetryPoint> out;
  out.reserve(times.size());
  std::vector<std::size_t> next(parts.size(), 0);
  for (const std::int64_t t : times) {
    TelemetryPoint sum;
    sum.at_ns = t;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto &[points, shift] = parts[i];
      while (next[i] < points->size() && (*points)[next[i]].at_ns + shift <= t)
        ++next[i];
      if (next[i] == 0)
        continue; // this generator had not begun
      const TelemetryPoint &p = (*points)[next[i] - 1];
      sum.in_flight += p.in_flight;
      sum.queued += p.queued;
      sum.busy += p.busy;
      sum.threads += p.threads;
    }
    out.push_back(sum);
  }
  return out;
}

void add_resources(ResourceUsage &sum, const ResourceUsage &r) {
  sum.cpu_time_s += r.cpu_time_s;
  sum.user_time_s += r.user_time_s;
  sum.system_time_s += r.system_time_s;
  sum.voluntary_context_switches += r.voluntary_context_switches;
  sum.involuntary_context_switches += r.involuntary_context_switches;
  sum.peak_threads += r.peak_threads;     // each generator's peak, together
  sum.peak_rss_bytes += r.peak_rss_bytes; // the same
}

void add_errors(HttpErrors &sum, const HttpErrors &e) {
  sum.refused += e.refused;
  sum.reset += e.reset;
  sum.timeout += e.timeout;
  sum.other += e.other;
  for (const auto &[code, count] : e.status)
    sum.status[code] += count;
}

void shift_watch(ProcessWatch &w, std::int64_t shift) {
  for (WatchPoint &p : w.points)
    p.at_ns += shift;
  for (WatchedThread &t : w.threads) {
    t.first_seen_ns += shift;
    t.last_seen_ns += shift;
  }
  w.exited_ns = shifted(w.exited_ns, shift);
}

struct Part {
  const LoadPartFile *file;
  const GeneratorCheck *generator;
  std::int64_t shift_ns; // its clock's zero on the merged clock
};

std::string generator_name(const GeneratorCheck &g) {
  return "generator " + g.shard.text() + (g.hostname.empty() ? "" : " (" + g.hostname + ")");
}

std::vector<std::string> load_warnings(const RepeatResult &r, const LoadSettings &s,
                                       std::size_t present) {
  std::vector<std::string> out;
  for (const GeneratorCheck &g : r.generators)
    for (const std::string &w : g.warnings)
      out.push_back(generator_name(g) + ": " + w);
  const double achieved = total_achieved_rate(r.generators);
  const double asked = s.rate_per_s * static_cast<double>(present) / static_cast<double>(s.shards);
  if (s.open_load && achieved > 0 && achieved < 0.9 * asked)
    out.push_back("the generators together sent " + human_rate(achieved) + "/s of the " +
                  human_rate(asked) + "/s asked: the load was lighter than the one asked for");
  const double spread = start_spread_s(r.generators);
  const double allowed = std::max(0.1, 0.02 * s.duration_s.value_or(0));
  if (spread > allowed)
    out.push_back("the generators began " + human_duration(spread) +
                  " apart, so the server did not get their load together" +
                  (s.start_at_unix_ns < 0 ? "; give them one --start-at" : ""));
  return out;
}

std::string describe(const RepeatResult &r, const LoadSettings &s, double timeout_s) {
  std::ostringstream out;
  if (const std::string failed = failure_headline(r, timeout_s); !failed.empty())
    out << failed << ": the latencies are of the " << succeeded_requests(r)
        << " answered, and the makespan runs until the last request gave up. ";
  out << "HTTP: " << succeeded_requests(r) << " of " << r.summary.tasks
      << " requests got a 2xx response";
  if (r.http_errors && r.http_errors->total() > 0)
    out << "; errors: " << describe_errors(*r.http_errors);
  std::map<std::string, int> hosts;
  for (const GeneratorCheck &g : r.generators)
    ++hosts[g.hostname.empty() ? "?" : g.hostname];
  out << ". Load from " << r.generators.size() << " of " << s.shards << " generators on ";
  bool first = true;
  for (const auto &[host, count] : hosts) {
    out << (first ? "" : ", ") << host << (count > 1 ? " ×" + std::to_string(count) : "");
    first = false;
  }
  out << ": together " << human_rate(total_achieved_rate(r.generators)) << "/s sent";
  if (s.open_load)
    out << " of " << human_rate(s.rate_per_s) << "/s asked";
  out << ", beginning within " << human_duration(start_spread_s(r.generators))
      << " of each other. Percentiles are of every request of every generator.";
  if (r.beyond_budget)
    out << " Samples: " << beyond_budget_note(r) << '.';
  for (const std::string &w : r.generator_warnings)
    out << " Warning: " << w << '.';
  return out.str();
}

RepeatResult merge_repeats(const std::vector<Part> &parts, std::size_t variant,
                           const LoadSettings &settings) {
  RepeatResult out;
  std::vector<TaskSample> samples;
  FoldedSamples folded;
  bool any_folded = false;
  HttpErrors errors;
  std::vector<std::pair<const std::vector<TelemetryPoint> *, std::int64_t>> telemetry;
  std::uint32_t worker_offset = 0;
  std::int64_t span_start = kNever, span_end = -1;
  int cores = 0;
  // Intervals begin where the first generator began, so that generators given one --start-at
  // share every interval exactly.
  std::int64_t origin = kNever;
  for (const Part &p : parts)
    origin = std::min(origin, p.shift_ns + p.generator->start_ns);
  out.latency_by_interval.emplace(origin);
  out.complete = true;
  for (const Part &p : parts) {
    const RepeatResult &r = p.file->results.variants[variant].repeats.front();
    const std::int64_t shift = p.shift_ns;
    for (TaskSample t : r.samples) {
      t.submit_ns = shifted(t.submit_ns, shift);
      t.start_ns = shifted(t.start_ns, shift);
      t.end_ns = shifted(t.end_ns, shift);
      t.worker += worker_offset;
      samples.push_back(t);
    }
    if (r.beyond_budget) {
      FoldedSamples f = *r.beyond_budget;
      if (f.tasks)
        f.first_submit_ns += shift;
      f.last_end_ns = shifted(f.last_end_ns, shift);
      f.last_failure_ns = shifted(f.last_failure_ns, shift);
      f.workers = 0; // counted below
      folded += f;
      any_folded = true;
    }
    const std::uint32_t threads = static_cast<std::uint32_t>(std::max(p.generator->threads, 1));
    worker_offset += threads;
    out.latency_over_time.add_shifted(r.latency_over_time, shift);
    if (r.latency_by_interval)
      out.latency_by_interval->add_shifted(*r.latency_by_interval, shift);
    telemetry.emplace_back(&r.telemetry, shift);
    add_resources(out.resources, r.resources);
    if (r.http_errors)
      add_errors(errors, *r.http_errors);
    if (r.server_watch && !out.server_watch) {
      out.server_watch = r.server_watch;
      shift_watch(*out.server_watch, shift);
    }
    GeneratorCheck g = *p.generator;
    g.part_file = p.file->file;
    out.generators.push_back(std::move(g));
    out.complete = out.complete && r.complete;
    cores += std::max(p.generator->cores, 1);
    // The part's own span, failures until they gave up included.
    if (const std::int64_t first = first_submit_ns(r); first != kNever) {
      span_start = std::min(span_start, first + shift);
      span_end =
          std::max(span_end, first + shift + static_cast<std::int64_t>(r.summary.makespan_s * 1e9));
    }
    if (!r.error.empty())
      out.error += (out.error.empty() ? "" : "; ") + generator_name(*p.generator) + ": " + r.error;
  }
  // One request order for the whole load: by when each was due.
  std::stable_sort(samples.begin(), samples.end(), [](const TaskSample &a, const TaskSample &b) {
    return (a.submitted() ? a.submit_ns : kNever) < (b.submitted() ? b.submit_ns : kNever);
  });
  for (std::size_t i = 0; i < samples.size(); ++i)
    samples[i].task = static_cast<std::uint32_t>(i);
  if (samples.size() > kMergedSampleBudget) {
    folded.add(std::span<const TaskSample>(samples).subspan(kMergedSampleBudget));
    samples.resize(kMergedSampleBudget);
    any_folded = true;
  }
  folded.workers = worker_offset;
  out.samples = std::move(samples);
  out.telemetry = summed_telemetry(telemetry);
  out.http_errors = errors;
  if (any_folded) {
    const BeyondBudget beyond{folded, out.latency_over_time};
    out.summary = summarize(out.samples, out.telemetry, {}, out.resources, cores, &beyond);
    out.beyond_budget = std::move(folded);
  } else {
    out.summary = summarize(out.samples, out.telemetry, {}, out.resources, cores);
  }
  // Requests that got no answer held their generator until they gave up: the merged span
  // covers every part's, as one generator's covers its own failures.
  if (span_end > span_start) {
    const double span = static_cast<double>(span_end - span_start) * 1e-9;
    if (span > out.summary.makespan_s) {
      out.summary.makespan_s = span;
      out.summary.throughput_per_s = out.summary.completed / span;
      out.summary.cpu_utilization = out.resources.cpu_time_s / (span * cores);
    }
  }
  out.generator_warnings = load_warnings(out, settings, parts.size());
  return out;
}

} // namespace

bool is_load_part(const RunResults &results) { return results.load_settings.has_value(); }

LoadMerge merge_load_parts(const std::vector<LoadPartFile> &files, bool allow_missing) {
  if (files.empty())
    refuse("no parts to merge");
  for (const LoadPartFile &p : files)
    check_part(p);
  const LoadPartFile &first = files.front();
  const LoadSettings &settings = *first.results.load_settings;
  std::vector<const LoadPartFile *> by_index(settings.shards, nullptr);
  for (const LoadPartFile &p : files) {
    if (const std::string d = first_difference(settings, *p.results.load_settings); !d.empty())
      refuse(p.file + " is a part of a different load from " + first.file + " (" + d + ")");
    const GeneratorCheck &g = generator_of(p.results);
    if (g.shard.count != settings.shards || g.shard.index >= settings.shards)
      refuse(p.file + ": its generator is " + g.shard.text() + ", not one of " +
             std::to_string(settings.shards));
    if (const LoadPartFile *seen = by_index[g.shard.index])
      refuse(seen->file + " and " + p.file + " are both generator " + g.shard.text() +
             ": give each part once");
    by_index[g.shard.index] = &p;
  }
  LoadMerge merge;
  std::vector<std::size_t> missing;
  for (std::size_t i = 0; i < by_index.size(); ++i)
    if (!by_index[i]) {
      missing.push_back(i);
      merge.missing.push_back("generator " + Shard{i, settings.shards}.text());
    }
  if (!missing.empty() && !allow_missing) {
    std::string list;
    for (const std::string &m : merge.missing)
      list += (list.empty() ? "" : ", ") + m;
    refuse(std::to_string(missing.size()) + " of the " + std::to_string(settings.shards) +
               (missing.size() == 1 ? " parts is missing: " : " parts are missing: ") + list,
           true);
  }

  std::vector<Part> parts;
  std::int64_t zero = kNever;
  for (const LoadPartFile *p : by_index)
    if (p)
      zero = std::min(zero, generator_of(p->results).clock_zero_unix_ns);
  for (const LoadPartFile *p : by_index)
    if (p) {
      const GeneratorCheck &g = generator_of(p->results);
      parts.push_back({p, &g, g.clock_zero_unix_ns - zero});
    }
  for (const Part &p : parts)
    if (p.file->results.variants.size() != first.results.variants.size())
      refuse(p.file->file + " measured " + std::to_string(p.file->results.variants.size()) +
             " URLs and " + first.file + " " + std::to_string(first.results.variants.size()));

  RunResults &out = merge.results;
  const RunResults &base = parts.front().file->results;
  out.experiment = base.experiment;
  out.environment = base.environment;
  out.calibration = base.calibration;
  out.load_settings = settings;
  out.server = base.server;
  Load &load = out.experiment.load;
  load.tasks = 0;
  if (load.kind == LoadKind::closed)
    load.clients = 0;
  std::int64_t end_unix = 0;
  for (const Part &p : parts) {
    const RunResults &r = p.file->results;
    load.tasks += r.experiment.load.tasks;
    if (load.kind == LoadKind::closed)
      load.clients += r.experiment.load.clients;
    end_unix = std::max(end_unix, p.generator->clock_zero_unix_ns +
                                      static_cast<std::int64_t>(r.wall_time_s * 1e9));
    if (r.status != RunStatus::completed)
      out.status = RunStatus::cancelled; // a stopped generator: what it measured is kept
  }
  if (load.kind == LoadKind::open)
    load.rate_per_s = settings.rate_per_s;
  out.experiment.description = "conlab-cli load: HTTP requests to external targets, from " +
                               std::to_string(parts.size()) + " generators";
  out.wall_time_s = static_cast<double>(end_unix - zero) * 1e-9;
  for (std::size_t v = 0; v < base.variants.size(); ++v) {
    VariantResult r;
    r.label = base.variants[v].label;
    r.model = base.variants[v].model;
    r.prediction = base.variants[v].prediction;
    r.repeats.push_back(merge_repeats(parts, v, settings));
    for (const std::size_t i : missing)
      r.repeats.front().generator_warnings.push_back(
          "generator " + Shard{i, settings.shards}.text() + " is missing: the load had " +
          std::to_string(parts.size()) + "/" + std::to_string(settings.shards) +
          " of what was asked");
    r.summary = r.repeats.front().summary;
    r.explanation = describe(r.repeats.front(), settings, settings.timeout_s);
    out.variants.push_back(std::move(r));
  }
  return merge;
}

} // namespace conlab::http
