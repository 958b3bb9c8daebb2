#include "core/sweep/sweep_merge.h"

#include "core/sweep/sweep.h"
#include "core/sweep/sweep_runner.h"

#include <algorithm>
#include <map>
#include <utility>

namespace conlab {
namespace {

[[noreturn]] void refuse(const std::string &why) { throw SweepMergeError(why); }

const Shard &shard_of(const SweepPartFile &part) {
  if (!part.results.sweep || !part.results.experiment.sweep)
    refuse(part.file + " holds a single run, not a part of a sweep");
  if (!part.results.sweep->shard)
    refuse(
        part.file +
        " holds a whole sweep, not a part of one (parts come from conlab-cli sweep --shard I/N)");
  return *part.results.sweep->shard;
}

std::string machine_text(const Environment &e) {
  return std::to_string(e.cores) + (e.cores == 1 ? " core" : " cores") + " of " +
         (e.cpu_model.empty() ? std::string("an unnamed CPU") : e.cpu_model) + ", " +
         (e.build_type.empty() ? std::string("unknown") : e.build_type) + " build";
}

bool same_machine_kind(const Environment &a, const Environment &b) {
  return a.cores == b.cores && a.cpu_model == b.cpu_model && a.build_type == b.build_type;
}

// The checks between each part and the first: one experiment, one N, one kind of machine.
void check_alike(const SweepPartFile &first, const SweepPartFile &part, std::size_t points,
                 const SweepMergeOptions &options) {
  const Shard &a = shard_of(first), &b = shard_of(part);
  if (const std::string key =
          experiment_difference(first.results.experiment, part.results.experiment);
      !key.empty())
    refuse(part.file + " is a part of a different experiment from " + first.file + " (" + key +
           " differs)");
  if (a.count != b.count)
    refuse(part.file + " is part " + b.text() + " and " + first.file + " part " + a.text() +
           ": the parts of one sweep are counted out of the same N");
  if (!options.allow_mixed &&
      !same_machine_kind(first.results.environment, part.results.environment))
    refuse(part.file + " was measured on " + machine_text(part.results.environment) + ", " +
           first.file + " on " + machine_text(first.results.environment) +
           "; --allow-mixed merges them, each measurement marked with the part that made it");
  if (part.results.sweep->points.size() != points)
    refuse(part.file + ": its grid has " + std::to_string(part.results.sweep->points.size()) +
           " points, its experiment's " + std::to_string(points));
}

using RunOrder = std::vector<std::pair<std::size_t, int>>;

// Where each (point, repeat) stands in the whole sweep's run order.
std::map<std::pair<std::size_t, int>, std::size_t> positions(const RunOrder &order) {
  std::map<std::pair<std::size_t, int>, std::size_t> out;
  for (std::size_t k = 0; k < order.size(); ++k)
    out[order[k]] = k;
  return out;
}

// A part may hold only runs it owns: another part's run in it means the two overlap.
void check_owned(const SweepPartFile &part, const Experiment &e,
                 const std::map<std::pair<std::size_t, int>, std::size_t> &position) {
  const Shard &shard = shard_of(part);
  const auto &points = part.results.sweep->points;
  for (std::size_t p = 0; p < points.size(); ++p)
    for (const SweepVariantPoint &v : points[p].variants)
      for (const SweepMeasurement &m : v.measurements) {
        const auto at = position.find({p, m.repeat});
        if (at == position.end())
          refuse(part.file + " holds repeat " + std::to_string(m.repeat + 1) + " of " +
                 point_text(*e.sweep, points[p].values) + ", which the experiment does not have");
        if (!shard.owns(at->second))
          refuse(part.file + " (part " + shard.text() + ") holds repeat " +
                 std::to_string(m.repeat + 1) + " of " + point_text(*e.sweep, points[p].values) +
                 ", which belongs to part " + Shard{at->second % shard.count, shard.count}.text() +
                 ": the parts overlap");
      }
}

SweepPart part_record(const SweepPartFile &part) {
  const Environment &env = part.results.environment;
  return SweepPart{.shard = *part.results.sweep->shard,
                   .file = part.file,
                   .hostname = env.hostname,
                   .cpu_model = env.cpu_model,
                   .build_type = env.build_type,
                   .cores = env.cores,
                   .runs = part.results.sweep->runs_done,
                   .wall_time_s = part.results.wall_time_s};
}

// A line per part that lacks runs, in part order.
std::vector<std::string> missing_runs(const SweepResults &sweep, const RunOrder &order,
                                      std::size_t count,
                                      const std::map<std::size_t, std::size_t> &given) {
  std::vector<std::size_t> owned(count, 0), lacking(count, 0);
  for (std::size_t k = 0; k < order.size(); ++k) {
    ++owned[k % count];
    if (!sweep_run_done(sweep, order[k].first, order[k].second))
      ++lacking[k % count];
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    if (lacking[i] == 0)
      continue;
    const std::string part = "part " + Shard{i, count}.text();
    const auto g = given.find(i);
    if (g == given.end())
      out.push_back(part + " (not given): all " + std::to_string(owned[i]) + " of its runs");
    else
      out.push_back(part + " (" + sweep.parts[g->second].file + "): " + std::to_string(lacking[i]) +
                    " of its " + std::to_string(owned[i]) + " runs");
  }
  return out;
}

} // namespace

SweepMerge merge_sweep_parts(const std::vector<SweepPartFile> &given,
                             const SweepMergeOptions &options) {
  if (given.empty())
    refuse("no parts to merge");
  // In part order, so that the merged file lists them as a person counts them.
  std::vector<const SweepPartFile *> parts;
  std::map<std::size_t, const SweepPartFile *> by_index;
  // One experiment (checked first for each part), so one grid and one run order.
  shard_of(given.front()); // a sweep part, or refused before its grid is read
  const std::size_t grid_points = sweep_points(*given.front().results.experiment.sweep).size();
  for (const SweepPartFile &part : given) {
    check_alike(given.front(), part, grid_points, options);
    const Shard &shard = shard_of(part);
    if (const auto [at, fresh] = by_index.emplace(shard.index, &part); !fresh)
      refuse(at->second->file + " and " + part.file + " are both part " + shard.text());
  }
  for (const auto &[index, part] : by_index)
    parts.push_back(part);
  const std::size_t count = shard_of(given.front()).count;
  const Experiment &e = given.front().results.experiment;
  const RunOrder order = sweep_run_order(e);
  const auto position = positions(order);
  for (const SweepPartFile *part : parts)
    check_owned(*part, e, position);

  SweepMerge out;
  RunResults &merged = out.results;
  const RunResults &first = parts.front()->results;
  merged.experiment = e;
  merged.environment = first.environment;
  merged.calibration = first.calibration;
  merged.sweep = first.sweep;
  SweepResults &sweep = *merged.sweep;
  sweep.shard.reset();
  for (SweepPoint &point : sweep.points)
    for (SweepVariantPoint &v : point.variants)
      v.measurements.clear();
  std::map<std::size_t, std::size_t> given_at; // shard index → index in sweep.parts
  for (const SweepPartFile *part : parts) {
    const std::size_t index = sweep.parts.size();
    given_at[part->results.sweep->shard->index] = index;
    sweep.parts.push_back(part_record(*part));
    merged.wall_time_s = std::max(merged.wall_time_s, part->results.wall_time_s);
    merged.environment.started_at =
        std::min(merged.environment.started_at, part->results.environment.started_at);
    const auto &points = part->results.sweep->points;
    for (std::size_t p = 0; p < points.size(); ++p)
      for (std::size_t v = 0; v < points[p].variants.size() && v < sweep.points[p].variants.size();
           ++v)
        for (SweepMeasurement m : points[p].variants[v].measurements) {
          m.part = index;
          sweep.points[p].variants[v].measurements.push_back(m);
        }
  }
  for (SweepPoint &point : sweep.points)
    for (SweepVariantPoint &v : point.variants)
      std::sort(
          v.measurements.begin(), v.measurements.end(),
          [](const SweepMeasurement &a, const SweepMeasurement &b) { return a.order < b.order; });
  sweep.runs_total = order.size();
  sweep.runs_done = 0;
  for (const auto &[point, repeat] : order)
    sweep.runs_done += sweep_run_done(sweep, point, repeat) ? 1 : 0;

  out.missing = missing_runs(sweep, order, count, given_at);
  if (!out.missing.empty() && !options.allow_missing) {
    std::string why = "the parts leave runs out:";
    for (const std::string &line : out.missing)
      why += "\n  " + line;
    throw SweepMergeError(why, true);
  }
  for (const SweepPartFile *part : parts)
    if (part->results.status == RunStatus::failed && merged.error.empty())
      merged.error = part->file + ": " + part->results.error;
  merged.status = sweep.runs_done == sweep.runs_total ? RunStatus::completed
                  : merged.error.empty()              ? RunStatus::cancelled
                                                      : RunStatus::failed;
  return out;
}

} // namespace conlab
