// A sweep split into parts (--shard I/N) and merged back: the parts are disjoint and cover the
// grid, the merge is the sweep one process runs, and it refuses parts that would make it a lie.
#include "core/results/results_json.h"
#include "core/sweep/sweep.h"
#include "core/sweep/sweep_merge.h"
#include "core/sweep/sweep_runner.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace conlab {
namespace {

const CpuCalibration &calibration() {
  static const CpuCalibration c = CpuWork::calibrate();
  return c;
}

// 3 points × 2 repeats = 6 runs of 4 tasks awaiting 50 ms on a loop, 1, 2 or 4 at a time: 200,
// 100 and 50 ms.
Experiment loop_sweep() {
  Experiment e = test::closed_experiment(test::variant("event_loop", StepKind::io, 50), 4, 4);
  e.repeats = 2;
  e.sweep = Sweep{.axes = {SweepAxis{.parameter = SweepParameter::clients, .values = {1, 2, 4}}}};
  return e;
}

RunResults run_part(const Experiment &e, std::optional<Shard> shard) {
  SweepOptions options;
  options.calibration = &calibration();
  options.shard = shard;
  RunResults r = run_sweep(e, options);
  EXPECT_EQ(r.status, RunStatus::completed) << r.error;
  return r;
}

std::vector<SweepPartFile> all_parts(const Experiment &e, std::size_t count) {
  std::vector<SweepPartFile> parts;
  for (std::size_t i = 0; i < count; ++i)
    parts.push_back({"part-" + std::to_string(i) + ".json", run_part(e, Shard{i, count})});
  return parts;
}

std::string merge_error(const std::vector<SweepPartFile> &parts,
                        const SweepMergeOptions &options = {}) {
  try {
    merge_sweep_parts(parts, options);
  } catch (const SweepMergeError &e) {
    return e.what();
  }
  return "";
}

TEST(Shard, ParsesIOfNAndRefusesTheRestNamingWhy) {
  const Shard s = parse_shard("2/4");
  EXPECT_EQ(s.index, 2u);
  EXPECT_EQ(s.count, 4u);
  EXPECT_EQ(s.text(), "2/4");
  const auto why = [](const char *text) {
    try {
      parse_shard(text);
    } catch (const std::invalid_argument &e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(why("4/4"), "I must be 0…3 for N = 4");
  EXPECT_EQ(why("0/0"), "N must be at least 1");
  for (const char *bad : {"", "3", "-1/4", "1/-4", "a/4", "1/4x", "1//4"})
    EXPECT_NE(why(bad).find("expected I/N"), std::string::npos) << bad;
}

// Every (point, repeat) lands in exactly one part, each part keeps the shuffled order, and the
// merge is the sweep that one process measures: the same grid, order and predictions.
TEST(SweepMerge, PartsCoverTheGridOnceAndMergeIntoTheWholeSweep) {
  const Experiment e = loop_sweep();
  const auto order = sweep_run_order(e);
  ASSERT_EQ(order.size(), 6u);
  const std::vector<SweepPartFile> parts = all_parts(e, 4);
  std::set<std::pair<std::size_t, int>> seen;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const SweepResults &part = *parts[i].results.sweep;
    EXPECT_EQ(part.runs_total, i < 2 ? 2u : 1u) << "part " << i;
    EXPECT_EQ(part.runs_done, part.runs_total);
    for (std::size_t p = 0; p < part.points.size(); ++p)
      for (const SweepMeasurement &m : part.points[p].variants[0].measurements) {
        EXPECT_TRUE(seen.insert({p, m.repeat}).second) << "twice: point " << p;
        EXPECT_EQ(order.at(m.order), (std::pair<std::size_t, int>{p, m.repeat}));
        EXPECT_EQ(m.order % 4, i); // dealt out in turn
      }
  }
  EXPECT_EQ(seen.size(), 6u);

  const SweepMerge merge = merge_sweep_parts(parts);
  EXPECT_TRUE(merge.missing.empty());
  const RunResults &merged = merge.results;
  EXPECT_EQ(merged.status, RunStatus::completed);
  EXPECT_FALSE(merged.sweep->shard);
  ASSERT_EQ(merged.sweep->parts.size(), 4u);
  EXPECT_EQ(merged.sweep->parts[1].file, "part-1.json");
  EXPECT_EQ(merged.sweep->parts[1].runs, 2u);
  EXPECT_EQ(merged.sweep->runs_done, 6u);
  EXPECT_EQ(merged.sweep->runs_total, 6u);

  const RunResults whole = run_part(e, std::nullopt);
  ASSERT_EQ(merged.sweep->points.size(), whole.sweep->points.size());
  for (std::size_t p = 0; p < whole.sweep->points.size(); ++p) {
    const SweepVariantPoint &a = merged.sweep->points[p].variants[0];
    const SweepVariantPoint &b = whole.sweep->points[p].variants[0];
    EXPECT_EQ(merged.sweep->points[p].values, whole.sweep->points[p].values);
    EXPECT_EQ(a.predicted_makespan_s, b.predicted_makespan_s);
    ASSERT_EQ(a.measurements.size(), b.measurements.size());
    for (std::size_t k = 0; k < a.measurements.size(); ++k) {
      EXPECT_EQ(a.measurements[k].order, b.measurements[k].order);
      EXPECT_EQ(a.measurements[k].repeat, b.measurements[k].repeat);
      EXPECT_EQ(*a.measurements[k].part, a.measurements[k].order % 4);
      // Each measurement is its point's: near the point's prediction, not a neighbour's (2×
      // apart). A shared 2-core machine can hold a run back by tens of milliseconds (a 20 ms run
      // took 37 ms in a fresh root), hence the slack above, never below.
      const double predicted = *b.predicted_makespan_s;
      EXPECT_GT(a.measurements[k].metrics.makespan_s, 0.9 * predicted);
      EXPECT_LT(a.measurements[k].metrics.makespan_s, 1.5 * predicted + 0.02);
    }
  }
  // The merge survives its file.
  const RunResults again = results_from_json(to_json(merged));
  ASSERT_EQ(again.sweep->parts.size(), 4u);
  EXPECT_EQ(again.sweep->parts[3].shard.text(), "3/4");
  EXPECT_EQ(again.sweep->points[0].variants[0].measurements[0].part,
            merged.sweep->points[0].variants[0].measurements[0].part);
}

// A part that died is named; merged anyway on request, the sweep resumes and fills it.
TEST(SweepMerge, AMissingPartIsNamedAndResumeFillsIt) {
  const Experiment e = loop_sweep();
  std::vector<SweepPartFile> parts = all_parts(e, 3);
  parts.erase(parts.begin() + 1);
  const std::string why = merge_error(parts);
  EXPECT_NE(why.find("part 1/3 (not given): all 2 of its runs"), std::string::npos) << why;

  const SweepMerge merge = merge_sweep_parts(parts, {.allow_missing = true});
  ASSERT_EQ(merge.missing.size(), 1u);
  EXPECT_EQ(merge.results.status, RunStatus::cancelled);
  EXPECT_EQ(merge.results.sweep->runs_done, 4u);
  SweepOptions options;
  options.calibration = &calibration();
  options.resume = &merge.results;
  const RunResults filled = run_sweep(e, options);
  EXPECT_EQ(filled.status, RunStatus::completed) << filled.error;
  EXPECT_EQ(filled.sweep->runs_done, 6u);
}

TEST(SweepMerge, RefusesDuplicatesOverlapsOtherExperimentsAndWholeSweeps) {
  const Experiment e = loop_sweep();
  std::vector<SweepPartFile> parts = all_parts(e, 2);

  std::vector<SweepPartFile> twice = {parts[0], parts[1], parts[1]};
  twice[2].file = "copy.json";
  EXPECT_EQ(merge_error(twice), "part-1.json and copy.json are both part 1/2");

  std::vector<SweepPartFile> overlap = parts;
  const SweepMeasurement stolen = parts[0].results.sweep->points[0].variants[0].measurements.at(0);
  overlap[1].results.sweep->points[0].variants[0].measurements.push_back(stolen);
  EXPECT_NE(merge_error(overlap).find("which belongs to part 0/2: the parts overlap"),
            std::string::npos)
      << merge_error(overlap);

  std::vector<SweepPartFile> other = parts;
  other[1].results.experiment.seed += 1;
  EXPECT_EQ(merge_error(other),
            "part-1.json is a part of a different experiment from part-0.json (seed differs)");

  std::vector<SweepPartFile> counted = parts;
  counted[1].results.sweep->shard = Shard{1, 3};
  EXPECT_NE(merge_error(counted).find("counted out of the same N"), std::string::npos);

  std::vector<SweepPartFile> whole = {{"whole.json", run_part(e, std::nullopt)}};
  EXPECT_NE(merge_error(whole).find("whole.json holds a whole sweep, not a part"),
            std::string::npos);
}

TEST(SweepMerge, MachinesOfDifferentKindsOnlyWhenAllowedAndThenRecorded) {
  const Experiment e = loop_sweep();
  std::vector<SweepPartFile> parts = all_parts(e, 2);
  parts[1].results.environment.cores = parts[0].results.environment.cores + 2;
  parts[1].results.environment.hostname = "node-b";
  const std::string why = merge_error(parts);
  EXPECT_NE(why.find("part-1.json was measured on "), std::string::npos) << why;
  EXPECT_NE(why.find("--allow-mixed"), std::string::npos) << why;
  const SweepMerge merge = merge_sweep_parts(parts, {.allow_mixed = true});
  EXPECT_EQ(merge.results.sweep->parts[1].hostname, "node-b");
  EXPECT_EQ(merge.results.sweep->parts[1].cores, parts[1].results.environment.cores);
}

// A part resumes as itself: another part, or the whole sweep, is refused.
TEST(SweepMerge, APartResumesOnlyAsItself) {
  const Experiment e = loop_sweep();
  const RunResults part = run_part(e, Shard{1, 4});
  const int cores = part.environment.cores;
  EXPECT_NO_THROW(check_resumable(e, part, cores, Shard{1, 4}));
  EXPECT_NO_THROW(check_resumable(e, part, cores));
  EXPECT_THROW(check_resumable(e, part, cores, Shard{2, 4}), std::invalid_argument);
  const RunResults whole = run_part(e, std::nullopt);
  EXPECT_THROW(check_resumable(e, whole, cores, Shard{0, 4}), std::invalid_argument);
}

} // namespace
} // namespace conlab
