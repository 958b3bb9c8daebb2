// One run as the history keeps it: when, which experiment, how it ended, each variant's key
// numbers, and where the full results file is. Values only, like the results they digest.
#pragma once

#include "core/results/results.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace conlab::history {

using Clock = std::chrono::system_clock;

// The numbers a person scans a list of runs for; the rest is in the results file.
struct VariantDigest {
  std::string label;
  std::string model;
  std::uint32_t tasks = 0;     // a sweep's: runs (points × repeats)
  std::uint32_t completed = 0; // a sweep's: complete runs
  double makespan_s = 0;
  double throughput_per_s = 0;
  double p50_s = 0;
  double p99_s = 0;
  double predicted_makespan_s = -1; // negative: no closed form
  // A sweep's: the point where the variant's mean throughput was highest ("P = 16"); the numbers
  // above are that point's means over its repeats. Empty for a single run.
  std::string best_at;
};

struct RunRecord {
  std::int64_t id = 0;
  Clock::time_point started;
  Clock::time_point finished;
  std::string experiment;
  RunStatus status = RunStatus::completed;
  double time_scale = 1;
  std::vector<VariantDigest> variants;
  std::string results_file; // absolute path of the full results (conlab.results/1)
  std::string name;         // the experiment's name until the person renames the run
  std::string sweep;        // "P × C: 24 of 24 runs"; empty for a single run
  std::vector<std::string> tags;
  bool baseline = false; // the run others of the same experiment are compared with
};

std::vector<VariantDigest> digest(const RunResults &results);
// "P × C: 24 of 24 runs" for a sweep's results, "" for a single run's.
std::string describe_sweep(const RunResults &results);

// The variants' digests as JSON text for the database, and back. Reading names the field at fault
// in a SpecError.
std::string digests_to_json(const std::vector<VariantDigest> &variants);
std::vector<VariantDigest> digests_from_json(const std::string &text);

// "/a 100 s; /b 17.0 s; …": each variant's makespan, the list's key metric ("; " because
// labels may hold "·" or ","); for a sweep each variant's best throughput and where:
// "/a best 320/s at P = 64; …".
std::string key_metrics(const RunRecord &record);

// What a search matches: the name, the experiment and the tags, lower-cased.
std::string search_text(const RunRecord &record);
bool matches(const RunRecord &record, const std::string &text); // case-insensitive substring

// A tag as typed: trimmed; throws HistoryError when empty or holding a comma (tags are edited as a
// comma-separated list).
std::string checked_tag(const std::string &tag);
// "fast, article , ,x" → {"fast", "article", "x"}; each checked, duplicates dropped, order kept.
std::vector<std::string> parse_tag_list(const std::string &text);
std::string join_tags(const std::vector<std::string> &tags); // "fast, article"

// "2024-05-01 14:03:12" in the machine's time zone.
std::string local_time_text(Clock::time_point time);

} // namespace conlab::history
