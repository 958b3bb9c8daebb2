// The run history: every run the lab made, kept in an SQLite database in a directory with the
// full results files beside it. Add, list, rename, tag, mark a baseline, delete. One RunHistory is
// used by the thread that opened it (a Qt SQL rule); several, in threads or processes, may share
// one directory at once.
#pragma once

#include "core/history/run_record.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conlab::history {

class HistoryDatabase;

// CONLAB_HISTORY_DIR when set, else the desktop lab's data directory
// (~/.local/share/ConcurrencyLab/conlab/history), the same for conlab and conlab-cli.
std::string default_directory();

class RunHistory {
public:
  // Opens the history in `directory` (created when missing). Throws HistoryError, naming the file
  // and the reason, when its database cannot be used; the file is then left untouched.
  explicit RunHistory(const std::string &directory);
  ~RunHistory();
  RunHistory(const RunHistory &) = delete;
  RunHistory &operator=(const RunHistory &) = delete;

  const std::string &directory() const { return m_directory; }
  std::string database_path() const;

  // Writes the results atomically into the history's results folder and returns the file's
  // absolute path. Touches no database, so it may run on any thread.
  static std::string save_results_file(const std::string &directory, const RunResults &results,
                                       Clock::time_point finished);
  // Records a run whose results are already saved at `results_file`.
  RunRecord insert(const RunResults &results, const std::string &results_file,
                   Clock::time_point started, Clock::time_point finished);
  // Both: the file first, then the row, so that a crash in between leaves an unlisted file and
  // never a listed run without its results.
  RunRecord add(const RunResults &results, Clock::time_point started, Clock::time_point finished);

  std::vector<RunRecord> list();  // newest first
  RunRecord get(std::int64_t id); // throws HistoryError "run ID: no such run in the history"
  std::optional<RunRecord> baseline_for(const std::string &experiment);

  void rename(std::int64_t id, const std::string &name);
  void set_tags(std::int64_t id, const std::vector<std::string> &tags);
  void add_tag(std::int64_t id, const std::string &tag);
  void remove_tag(std::int64_t id, const std::string &tag);
  // Marks the run as its experiment's baseline (unmarking any other) or unmarks it.
  void set_baseline(std::int64_t id, bool baseline);
  // Deletes the run and then its results file. Returns a warning when the row is gone but the
  // file could not be removed (e.g. already missing), else an empty string.
  std::string remove(std::int64_t id);

private:
  std::string m_directory;
  std::unique_ptr<HistoryDatabase> m_db; // keeps Qt SQL out of this header
};

} // namespace conlab::history
