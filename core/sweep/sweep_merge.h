// Parts of one sweep, run apart (conlab-cli sweep --shard I/N, on several machines or as the
// tasks of a cluster job), joined back into the sweep one process would have measured: the same
// grid, every (point, repeat) from the part that owns it, numbered in the whole sweep's order.
// The merge refuses what would make the result a lie: parts of different experiments, parts that
// overlap or leave a gap, and parts measured on different kinds of machine.
#pragma once

#include "core/results/results.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace conlab {

struct SweepPartFile {
  std::string file; // as named on the command line: error messages name it
  RunResults results;
};

struct SweepMergeOptions {
  // Parts from machines of different kinds (cores, CPU model, build type) are merged, each
  // measurement saying which part, and so which machine, measured it.
  bool allow_mixed = false;
  // Missing parts, and runs missing from a part, are left out: the merged sweep is incomplete,
  // and `conlab-cli sweep --resume` runs what is missing.
  bool allow_missing = false;
};

// Why the parts cannot be merged; the message names the file and the part.
class SweepMergeError : public std::invalid_argument {
public:
  explicit SweepMergeError(const std::string &why, bool runs_missing = false)
      : std::invalid_argument(why), m_runs_missing(runs_missing) {}
  // Refused only because parts or runs are missing: --allow-missing would merge them.
  bool runs_missing() const { return m_runs_missing; }

private:
  bool m_runs_missing;
};

struct SweepMerge {
  RunResults results; // no shard, and a SweepPart for every part merged
  // What the merged sweep lacks, a line per part ("part 2/4 (not given): all 13 of its runs");
  // empty when it is complete. Not empty only with allow_missing.
  std::vector<std::string> missing;
};

// Throws SweepMergeError.
SweepMerge merge_sweep_parts(const std::vector<SweepPartFile> &parts,
                             const SweepMergeOptions &options = {});

} // namespace conlab
