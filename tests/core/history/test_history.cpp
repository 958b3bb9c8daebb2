// The run history's operations (add, list, search, rename, tag, baseline, delete), its schema
// migrations, and its refusals: a newer schema, a damaged file, another program's database. A
// refused file must come out byte for byte as it went in.
#include "core/history/history_database.h"
#include "core/history/history_error.h"
#include "core/history/history_schema.h"
#include "core/history/run_history.h"
#include "core/results/results_json.h"
#include "tests/core/history/history_fixtures.h"
#include "tests/support/child_process.h"

#include <gmock/gmock.h>

#include <QSqlDatabase>
#include <QSqlQuery>

namespace conlab::history::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using conlab::test::read_file;
using conlab::test::write_file;

std::string open_error(const std::string &dir) {
  try {
    RunHistory history(dir);
  } catch (const HistoryError &e) {
    return e.what();
  }
  return "(opened without an error)";
}

using HistoryTest = TempDirTest;

TEST_F(HistoryTest, AddedRunsListNewestFirstWithTheirNumbersAndResultsFile) {
  RunHistory history(dir());
  const RunRecord first =
      history.add(fake_results("fastapi-article", {100, 17, 1, 3}), at_second(0), at_second(120));
  const RunRecord second = history.add(fake_results("pool-size", {2}, RunStatus::cancelled),
                                       at_second(200), at_second(210));
  EXPECT_GT(second.id, first.id);

  const std::vector<RunRecord> runs = history.list();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].id, second.id);
  EXPECT_EQ(runs[1].id, first.id);
  const RunRecord &r = runs[1];
  EXPECT_EQ(r.experiment, "fastapi-article");
  EXPECT_EQ(r.name, "fastapi-article");
  EXPECT_EQ(r.status, RunStatus::completed);
  EXPECT_EQ(runs[0].status, RunStatus::cancelled);
  EXPECT_DOUBLE_EQ(r.time_scale, 0.05);
  EXPECT_EQ(r.started, at_second(0));
  EXPECT_EQ(r.finished, at_second(120));
  ASSERT_EQ(r.variants.size(), 4u);
  EXPECT_EQ(r.variants[1].label, "/b");
  EXPECT_DOUBLE_EQ(r.variants[1].makespan_s, 17);
  EXPECT_DOUBLE_EQ(r.variants[1].throughput_per_s, 100.0 / 17);
  EXPECT_DOUBLE_EQ(r.variants[1].p99_s, 17 * 0.99);
  EXPECT_DOUBLE_EQ(r.variants[1].predicted_makespan_s, 17 * 0.9);
  EXPECT_EQ(key_metrics(r), "/a 100 s; /b 17.0 s; /c 1.00 s; /d 3.00 s");

  // The full results are a file in the history's folder that reads back.
  EXPECT_EQ(fs::path(r.results_file).parent_path(), m_dir / "results");
  const RunResults loaded = load_results(r.results_file);
  EXPECT_EQ(loaded.experiment.name, "fastapi-article");
  ASSERT_EQ(loaded.variants.size(), 4u);
  EXPECT_DOUBLE_EQ(loaded.variants[3].summary.makespan_s, 3);
}

// A sweep keeps a few numbers per point: the history lists each variant at its best point.
TEST_F(HistoryTest, ASweepIsRecordedWithEachVariantsBestPoint) {
  std::int64_t id = 0;
  {
    RunHistory history(dir());
    id = history.add(fake_sweep_results("pool-size"), at_second(0), at_second(5)).id;
  }
  RunHistory again(dir());
  const RunRecord r = again.get(id);
  EXPECT_EQ(r.sweep, "P: 5 of 6 runs");
  EXPECT_EQ(r.status, RunStatus::cancelled);
  ASSERT_EQ(r.variants.size(), 2u);
  EXPECT_EQ(r.variants[0].best_at, "P = 4");
  EXPECT_DOUBLE_EQ(r.variants[0].throughput_per_s, 400);
  EXPECT_DOUBLE_EQ(r.variants[0].makespan_s, 0.25);
  EXPECT_DOUBLE_EQ(r.variants[0].predicted_makespan_s, 0.25);
  EXPECT_EQ(r.variants[0].completed, 5u);
  EXPECT_EQ(r.variants[0].tasks, 6u) << "runs asked for: points × repeats";
  EXPECT_EQ(r.variants[1].best_at, "");
  EXPECT_EQ(r.variants[1].completed, 0u);
  EXPECT_EQ(key_metrics(r), "/a best 400/s at P = 4; /b nothing finished");
  // A single run still reads as makespans.
  const RunRecord single = again.add(fake_results("x", {2}), at_second(6), at_second(7));
  EXPECT_EQ(single.sweep, "");
  EXPECT_EQ(key_metrics(again.get(single.id)), "/a 2.00 s");
}

TEST_F(HistoryTest, EverythingSurvivesReopening) {
  std::int64_t id = 0;
  {
    RunHistory history(dir());
    id = history.add(fake_results("io-vs-cpu", {1, 2}), at_second(0), at_second(5)).id;
    history.rename(id, "after the fix");
    history.set_tags(id, {"fix", "laptop"});
    history.set_baseline(id, true);
  }
  RunHistory again(dir());
  const RunRecord r = again.get(id);
  EXPECT_EQ(r.name, "after the fix");
  EXPECT_EQ(r.tags, (std::vector<std::string>{"fix", "laptop"}));
  EXPECT_TRUE(r.baseline);
}

TEST_F(HistoryTest, SearchMatchesNameExperimentAndTagsIgnoringCase) {
  RunHistory history(dir());
  const auto a = history.add(fake_results("fastapi-article", {1}), at_second(0), at_second(1)).id;
  const auto b = history.add(fake_results("pool-size", {1}), at_second(2), at_second(3)).id;
  history.rename(b, "Sixteen threads");
  history.add_tag(a, "Laptop");
  const auto found = [&](const std::string &text) {
    std::vector<std::int64_t> ids;
    for (const RunRecord &r : history.list())
      if (matches(r, text))
        ids.push_back(r.id);
    return ids;
  };
  EXPECT_EQ(found("ARTICLE"), std::vector<std::int64_t>{a});
  EXPECT_EQ(found("sixteen"), std::vector<std::int64_t>{b});
  EXPECT_EQ(found(" laptop "), std::vector<std::int64_t>{a});
  EXPECT_EQ(found("pool"), std::vector<std::int64_t>{b});
  EXPECT_TRUE(found("nothing like it").empty());
  EXPECT_EQ(found("").size(), 2u);
}

TEST_F(HistoryTest, RenameRefusesAnEmptyNameAndAnUnknownRun) {
  RunHistory history(dir());
  const auto id = history.add(fake_results("e", {1}), at_second(0), at_second(1)).id;
  history.rename(id, "  spaced out  ");
  EXPECT_EQ(history.get(id).name, "spaced out");
  try {
    history.rename(id, "   ");
    FAIL() << "an empty name was accepted";
  } catch (const HistoryError &e) {
    EXPECT_STREQ(e.what(), "name: must not be empty");
  }
  try {
    history.rename(id + 100, "x");
    FAIL() << "an unknown run was renamed";
  } catch (const HistoryError &e) {
    EXPECT_EQ(std::string(e.what()),
              "run " + std::to_string(id + 100) + ": no such run in the history");
  }
  EXPECT_EQ(history.get(id).name, "spaced out");
}

TEST_F(HistoryTest, TagsAreASetEditedOneByOneOrAsAList) {
  RunHistory history(dir());
  const auto id = history.add(fake_results("e", {1}), at_second(0), at_second(1)).id;
  history.add_tag(id, "slow");
  history.add_tag(id, " slow ");
  history.add_tag(id, "before");
  EXPECT_EQ(history.get(id).tags, (std::vector<std::string>{"slow", "before"}));
  history.remove_tag(id, "slow");
  EXPECT_EQ(history.get(id).tags, std::vector<std::string>{"before"});
  history.set_tags(id, parse_tag_list("a, b ,, a,c"));
  EXPECT_EQ(history.get(id).tags, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(join_tags(history.get(id).tags), "a, b, c");
  EXPECT_THROW(history.add_tag(id, "x,y"), HistoryError);
  EXPECT_THROW(history.add_tag(id, "  "), HistoryError);
  EXPECT_EQ(history.get(id).tags, (std::vector<std::string>{"a", "b", "c"}));
}

TEST_F(HistoryTest, OneBaselinePerExperiment) {
  RunHistory history(dir());
  const auto a1 = history.add(fake_results("article", {1}), at_second(0), at_second(1)).id;
  const auto a2 = history.add(fake_results("article", {2}), at_second(2), at_second(3)).id;
  const auto p1 = history.add(fake_results("pool", {3}), at_second(4), at_second(5)).id;
  EXPECT_FALSE(history.baseline_for("article"));
  history.set_baseline(a1, true);
  history.set_baseline(p1, true);
  EXPECT_EQ(history.baseline_for("article")->id, a1);
  history.set_baseline(a2, true); // moves the article's mark, leaves the pool's
  EXPECT_EQ(history.baseline_for("article")->id, a2);
  EXPECT_FALSE(history.get(a1).baseline);
  EXPECT_EQ(history.baseline_for("pool")->id, p1);
  history.set_baseline(a2, false);
  EXPECT_FALSE(history.baseline_for("article"));
}

TEST_F(HistoryTest, DeleteRemovesTheRunItsTagsAndItsResultsFile) {
  RunHistory history(dir());
  const RunRecord kept = history.add(fake_results("e", {1}), at_second(0), at_second(1));
  const RunRecord gone = history.add(fake_results("e", {2}), at_second(2), at_second(3));
  history.add_tag(gone.id, "doomed");
  ASSERT_TRUE(fs::exists(gone.results_file));
  EXPECT_EQ(history.remove(gone.id), "");
  EXPECT_FALSE(fs::exists(gone.results_file));
  ASSERT_EQ(history.list().size(), 1u);
  EXPECT_EQ(history.list()[0].id, kept.id);
  EXPECT_TRUE(fs::exists(kept.results_file));
  EXPECT_THROW(history.get(gone.id), HistoryError);
  EXPECT_THROW(history.remove(gone.id), HistoryError);

  // A results file already gone does not keep the run in the list; the caller hears about it.
  fs::remove(kept.results_file);
  EXPECT_THAT(history.remove(kept.id), HasSubstr("could not be removed"));
  EXPECT_TRUE(history.list().empty());
}

TEST_F(HistoryTest, ANewHistoryIsMigratedFromVersionZeroToTheCurrentOne) {
  { RunHistory history(dir()); }
  HistoryDatabase db((m_dir / "history.sqlite").string());
  EXPECT_EQ(db.schema_version(), kSchemaVersion);
  QSqlQuery q = db.exec("read", QStringLiteral("PRAGMA application_id"));
  ASSERT_TRUE(q.next());
  EXPECT_EQ(q.value(0).toInt(), kApplicationId);
}

TEST_F(HistoryTest, AVersionOneHistoryKeepsItsRunsWhenMigrated) {
  const std::string path = (m_dir / "history.sqlite").string();
  {
    HistoryDatabase v1(path, 1);
    ASSERT_EQ(v1.schema_version(), 1);
    v1.exec("add a version-1 run",
            QStringLiteral("INSERT INTO runs (started_ms, finished_ms, experiment, status, "
                           "time_scale, variants, results_file, name) VALUES (1000, 2000, "
                           "'old-one', 'completed', 1.0, '[{\"label\":\"/a\",\"makespan_s\":4}]', "
                           "'results/old.json', 'from before tags')"));
  }
  RunHistory history(dir());
  const std::vector<RunRecord> runs = history.list();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].name, "from before tags");
  EXPECT_EQ(runs[0].experiment, "old-one");
  EXPECT_EQ(runs[0].results_file, (m_dir / "results" / "old.json").string());
  ASSERT_EQ(runs[0].variants.size(), 1u);
  EXPECT_DOUBLE_EQ(runs[0].variants[0].makespan_s, 4);
  EXPECT_FALSE(runs[0].baseline);
  EXPECT_TRUE(runs[0].tags.empty());
  history.add_tag(runs[0].id, "migrated"); // version 2's table exists
  history.set_baseline(runs[0].id, true);
  EXPECT_EQ(history.get(runs[0].id).tags, std::vector<std::string>{"migrated"});
}

TEST_F(HistoryTest, AHistoryFromANewerLabIsRefusedAndLeftUntouched) {
  const fs::path path = m_dir / "history.sqlite";
  {
    HistoryDatabase db(path.string());
    db.exec("pretend to be newer",
            QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion + 1));
  }
  const std::string before = read_file(path);
  const std::string error = open_error(dir());
  EXPECT_THAT(error, HasSubstr(path.string()));
  EXPECT_THAT(error, HasSubstr("schema version " + std::to_string(kSchemaVersion + 1)));
  EXPECT_THAT(error, HasSubstr("newer than this lab reads"));
  EXPECT_THAT(error, HasSubstr("not opened"));
  EXPECT_EQ(read_file(path), before);
}

TEST_F(HistoryTest, AFileThatIsNotADatabaseIsRefusedAndLeftUntouched) {
  const fs::path path = m_dir / "history.sqlite";
  std::string garbage;
  for (int i = 0; i < 200; ++i)
    garbage += "this is not an SQLite database, line " + std::to_string(i) + "\n";
  write_file(path, garbage);
  const std::string error = open_error(dir());
  EXPECT_THAT(error, HasSubstr(path.string()));
  EXPECT_THAT(error, HasSubstr("not a readable SQLite database"));
  EXPECT_THAT(error, HasSubstr("left as it is"));
  EXPECT_EQ(read_file(path), garbage);
  EXPECT_FALSE(fs::exists(m_dir / "history.sqlite-wal"));
}

TEST_F(HistoryTest, ATruncatedHistoryIsRefusedAndLeftUntouched) {
  const fs::path path = m_dir / "history.sqlite";
  {
    RunHistory history(dir());
    for (int i = 0; i < 60; ++i)
      history.add_tag(history.add(fake_results("e", {1, 2, 3, 4}), at_second(i), at_second(i)).id,
                      "tag number " + std::to_string(i));
  } // the last connection to close folds the write-ahead log into the file
  ASSERT_FALSE(fs::exists(m_dir / "history.sqlite-wal"));
  const std::string whole = read_file(path);
  ASSERT_GT(whole.size(), 8u * 4096) << "too small to truncate meaningfully";
  const std::string half = whole.substr(0, whole.size() / 2);
  write_file(path, half);
  const std::string error = open_error(dir());
  EXPECT_THAT(error, HasSubstr(path.string()));
  EXPECT_THAT(error, HasSubstr("left as it is"));
  EXPECT_EQ(read_file(path), half);
}

TEST_F(HistoryTest, AnotherProgramsDatabaseIsRefused) {
  const fs::path path = m_dir / "history.sqlite";
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
    db.setDatabaseName(QString::fromStdString(path.string()));
    ASSERT_TRUE(db.open());
    ASSERT_TRUE(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")));
    db.close();
  }
  QSqlDatabase::removeDatabase(QStringLiteral("other"));
  const std::string before = read_file(path);
  EXPECT_THAT(open_error(dir()), HasSubstr("another program made"));
  EXPECT_EQ(read_file(path), before);
}

TEST_F(HistoryTest, AnUnwritableDirectoryIsReportedWithItsPath) {
  const fs::path file = m_dir / "a-file";
  write_file(file, "x");
  const std::string error = open_error((file / "history").string());
  EXPECT_THAT(error, HasSubstr((file / "history").string()));
}

TEST(HistoryLocation, TheEnvironmentOverridesTheDataDirectory) {
  ::setenv("CONLAB_HISTORY_DIR", "/somewhere/else", 1);
  EXPECT_EQ(default_directory(), "/somewhere/else");
  ::unsetenv("CONLAB_HISTORY_DIR");
  EXPECT_THAT(default_directory(), HasSubstr("/ConcurrencyLab/conlab/history"));
}

} // namespace
} // namespace conlab::history::test
