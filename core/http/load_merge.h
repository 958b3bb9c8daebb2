// The parts of one HTTP load, each sent by a generator of its own (conlab-cli load --shard I/N,
// on several machines or as the tasks of a cluster job), joined into the load one generator
// would have measured. Percentiles come from every request, never from averaging the parts':
// the samples are put on one clock by each generator's wall-clock zero, what a part folded
// beyond its sample budget merges as histograms, and so does the latency of every interval.
// The merge refuses parts of different loads and duplicated parts; a missing part is named.
#pragma once

#include "core/results/results.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace conlab::http {

struct LoadPartFile {
  std::string file; // as named on the command line: error messages name it
  RunResults results;
};

// Whether `results` is one generator's part of a load (conlab-cli load with its settings).
bool is_load_part(const RunResults &results);

class LoadMergeError : public std::invalid_argument {
public:
  explicit LoadMergeError(const std::string &why, bool parts_missing = false)
      : std::invalid_argument(why), m_parts_missing(parts_missing) {}
  bool parts_missing() const { return m_parts_missing; } // --allow-missing would merge them

private:
  bool m_parts_missing;
};

struct LoadMerge {
  RunResults results; // one variant per URL, its repeat holding every generator's requests
  std::vector<std::string> missing; // "generator 2/4" for each part not given (allow_missing)
};

// The samples the merged result keeps; beyond, requests are folded as a generator folds them.
inline constexpr std::size_t kMergedSampleBudget = 1'000'000;

// Throws LoadMergeError.
LoadMerge merge_load_parts(const std::vector<LoadPartFile> &parts, bool allow_missing = false);

} // namespace conlab::http
