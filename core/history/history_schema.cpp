#include "core/history/history_schema.h"

#include <array>

namespace conlab::history {
namespace {

// Times are milliseconds since the Unix epoch (UTC), so that ORDER BY sorts them. `variants` holds
// each variant's key numbers as JSON (digests_to_json); the full results are in `results_file`,
// relative to the history's directory so that the directory can move.
constexpr std::array kRuns{
    R"(CREATE TABLE runs (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         started_ms INTEGER NOT NULL,
         finished_ms INTEGER NOT NULL,
         experiment TEXT NOT NULL,
         status TEXT NOT NULL,
         time_scale REAL NOT NULL,
         variants TEXT NOT NULL,
         results_file TEXT NOT NULL,
         name TEXT NOT NULL))",
    "CREATE INDEX runs_by_finish ON runs (finished_ms)",
};

// A run's tags (a set: each at most once) and the baseline mark, at most one per experiment.
constexpr std::array kTagsAndBaseline{
    "ALTER TABLE runs ADD COLUMN baseline INTEGER NOT NULL DEFAULT 0",
    R"(CREATE TABLE run_tags (
         run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
         tag TEXT NOT NULL,
         PRIMARY KEY (run_id, tag)))",
};

// A sweep's grid and progress ("P × C: 24 of 24 runs"); empty for a single run.
constexpr std::array kSweeps{
    "ALTER TABLE runs ADD COLUMN sweep TEXT NOT NULL DEFAULT ''",
};

constexpr std::array kMigrations{
    Migration{1, "the list of runs", kRuns},
    Migration{2, "tags and baselines", kTagsAndBaseline},
    Migration{3, "sweeps", kSweeps},
};

} // namespace

std::span<const Migration> migrations() { return kMigrations; }

} // namespace conlab::history
