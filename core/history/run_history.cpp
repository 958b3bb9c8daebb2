#include "core/history/run_history.h"

#include "core/experiment/spec_json.h"
#include "core/history/history_database.h"
#include "core/history/history_error.h"
#include "core/results/results_json.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

namespace conlab::history {
namespace {

std::int64_t to_ms(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

Clock::time_point from_ms(qint64 ms) { return Clock::time_point(std::chrono::milliseconds(ms)); }

RunStatus status_from(const QString &text) {
  if (text == QLatin1String("completed"))
    return RunStatus::completed;
  return text == QLatin1String("cancelled") ? RunStatus::cancelled : RunStatus::failed;
}

// "fastapi article/2" → "fastapi-article-2": a file name that needs no quoting anywhere.
QString file_safe(const std::string &name) {
  QString out;
  for (const QChar c : QString::fromStdString(name).left(40))
    out += c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ? c : QChar('-');
  return out.isEmpty() ? QStringLiteral("run") : out;
}

QString results_folder(const std::string &directory) {
  return QDir(QString::fromStdString(directory)).filePath(QStringLiteral("results"));
}

void load_tags(HistoryDatabase &db, std::vector<RunRecord> &records) {
  if (records.empty())
    return;
  std::map<std::int64_t, RunRecord *> by_id;
  for (RunRecord &r : records)
    by_id[r.id] = &r;
  QSqlQuery q =
      db.exec("read the tags", QStringLiteral("SELECT run_id, tag FROM run_tags ORDER BY rowid"));
  while (q.next())
    if (auto it = by_id.find(q.value(0).toLongLong()); it != by_id.end())
      it->second->tags.push_back(q.value(1).toString().toStdString());
}

std::vector<RunRecord> select(HistoryDatabase &db, const std::string &directory,
                              const QString &where, std::initializer_list<QVariant> values = {}) {
  std::vector<RunRecord> records;
  {
    QSqlQuery q = db.exec(
        "read the runs",
        QStringLiteral("SELECT id, started_ms, finished_ms, experiment, status, time_scale, "
                       "variants, results_file, name, baseline, sweep FROM runs %1 "
                       "ORDER BY finished_ms DESC, id DESC")
            .arg(where),
        values);
    const QDir dir(QString::fromStdString(directory));
    while (q.next()) {
      RunRecord r;
      r.id = q.value(0).toLongLong();
      r.started = from_ms(q.value(1).toLongLong());
      r.finished = from_ms(q.value(2).toLongLong());
      r.experiment = q.value(3).toString().toStdString();
      r.status = status_from(q.value(4).toString());
      r.time_scale = q.value(5).toDouble();
      try {
        r.variants = digests_from_json(q.value(6).toString().toStdString());
      } catch (const SpecError &) {
        r.variants.clear(); // the list still shows the run; its results file has the numbers
      }
      r.results_file = QDir::cleanPath(dir.absoluteFilePath(q.value(7).toString())).toStdString();
      r.name = q.value(8).toString().toStdString();
      r.baseline = q.value(9).toBool();
      r.sweep = q.value(10).toString().toStdString();
      records.push_back(std::move(r));
    }
  }
  load_tags(db, records);
  return records;
}

void require(HistoryDatabase &db, std::int64_t id) {
  QSqlQuery q = db.exec("find the run", QStringLiteral("SELECT 1 FROM runs WHERE id = ?"),
                        {QVariant::fromValue<qint64>(id)});
  if (!q.next())
    throw HistoryInputError("run " + std::to_string(id) + ": no such run in the history");
}

} // namespace

std::string default_directory() {
  if (const char *dir = std::getenv("CONLAB_HISTORY_DIR"); dir && *dir)
    return dir;
  // Spelled out rather than AppDataLocation, which follows the running program's name: conlab
  // and conlab-cli must share one history.
  const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
  return (data + QStringLiteral("/ConcurrencyLab/conlab/history")).toStdString();
}

RunHistory::RunHistory(const std::string &directory)
    : m_directory(QDir(QString::fromStdString(directory)).absolutePath().toStdString()),
      m_db(std::make_unique<HistoryDatabase>(database_path())) {}

RunHistory::~RunHistory() = default;

std::string RunHistory::database_path() const { return m_directory + "/history.sqlite"; }

std::string RunHistory::save_results_file(const std::string &directory, const RunResults &results,
                                          Clock::time_point finished) {
  const QString folder = results_folder(directory);
  if (!QDir().mkpath(folder))
    throw HistoryError("cannot write the results into the history: cannot create the folder " +
                       folder.toStdString());
  const QString stamp = QDateTime::fromMSecsSinceEpoch(to_ms(finished), Qt::UTC)
                            .toString(QStringLiteral("yyyyMMdd-HHmmss"));
  // The random part keeps two runs that end in the same second (in two processes) apart.
  const QString name = QStringLiteral("%1-%2-%3.json")
                           .arg(stamp, file_safe(results.experiment.name))
                           .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
  const std::string path = QDir(folder).absoluteFilePath(name).toStdString();
  save_results(results, path);
  return path;
}

RunRecord RunHistory::insert(const RunResults &results, const std::string &results_file,
                             Clock::time_point started, Clock::time_point finished) {
  RunRecord record;
  record.started = started;
  record.finished = finished;
  record.experiment = results.experiment.name;
  record.status = results.status;
  record.time_scale = results.experiment.time_scale;
  record.variants = digest(results);
  record.results_file = results_file;
  record.name = results.experiment.name;
  record.sweep = describe_sweep(results);
  const QString relative = QDir(QString::fromStdString(m_directory))
                               .relativeFilePath(QString::fromStdString(results_file));
  WriteTransaction transaction(*m_db);
  QSqlQuery q = m_db->exec(
      "record the run",
      QStringLiteral("INSERT INTO runs (started_ms, finished_ms, experiment, status, time_scale, "
                     "variants, results_file, name, sweep) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      {QVariant::fromValue<qint64>(to_ms(started)), QVariant::fromValue<qint64>(to_ms(finished)),
       QString::fromStdString(record.experiment), QString::fromUtf8(to_string(record.status)),
       record.time_scale, QString::fromStdString(digests_to_json(record.variants)), relative,
       QString::fromStdString(record.name), QString::fromStdString(record.sweep)});
  record.id = q.lastInsertId().toLongLong();
  transaction.commit();
  return record;
}

RunRecord RunHistory::add(const RunResults &results, Clock::time_point started,
                          Clock::time_point finished) {
  return insert(results, save_results_file(m_directory, results, finished), started, finished);
}

std::vector<RunRecord> RunHistory::list() { return select(*m_db, m_directory, {}); }

RunRecord RunHistory::get(std::int64_t id) {
  std::vector<RunRecord> found =
      select(*m_db, m_directory, QStringLiteral("WHERE id = ?"), {QVariant::fromValue<qint64>(id)});
  if (found.empty())
    throw HistoryInputError("run " + std::to_string(id) + ": no such run in the history");
  return std::move(found.front());
}

std::optional<RunRecord> RunHistory::baseline_for(const std::string &experiment) {
  std::vector<RunRecord> found =
      select(*m_db, m_directory, QStringLiteral("WHERE baseline = 1 AND experiment = ?"),
             {QString::fromStdString(experiment)});
  if (found.empty())
    return std::nullopt;
  return std::move(found.front());
}

void RunHistory::rename(std::int64_t id, const std::string &name) {
  const QString trimmed = QString::fromStdString(name).trimmed();
  if (trimmed.isEmpty())
    throw HistoryInputError("name: must not be empty");
  WriteTransaction transaction(*m_db);
  require(*m_db, id);
  m_db->exec("rename the run", QStringLiteral("UPDATE runs SET name = ? WHERE id = ?"),
             {trimmed, QVariant::fromValue<qint64>(id)});
  transaction.commit();
}

void RunHistory::set_tags(std::int64_t id, const std::vector<std::string> &tags) {
  std::vector<std::string> checked;
  for (const std::string &tag : tags)
    if (std::string t = checked_tag(tag);
        std::find(checked.begin(), checked.end(), t) == checked.end())
      checked.push_back(std::move(t));
  WriteTransaction transaction(*m_db);
  require(*m_db, id);
  m_db->exec("replace the tags", QStringLiteral("DELETE FROM run_tags WHERE run_id = ?"),
             {QVariant::fromValue<qint64>(id)});
  for (const std::string &tag : checked)
    m_db->exec("tag the run", QStringLiteral("INSERT INTO run_tags (run_id, tag) VALUES (?, ?)"),
               {QVariant::fromValue<qint64>(id), QString::fromStdString(tag)});
  transaction.commit();
}

void RunHistory::add_tag(std::int64_t id, const std::string &tag) {
  const std::string checked = checked_tag(tag);
  WriteTransaction transaction(*m_db);
  require(*m_db, id);
  m_db->exec("tag the run",
             QStringLiteral("INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)"),
             {QVariant::fromValue<qint64>(id), QString::fromStdString(checked)});
  transaction.commit();
}

void RunHistory::remove_tag(std::int64_t id, const std::string &tag) {
  WriteTransaction transaction(*m_db);
  require(*m_db, id);
  m_db->exec("untag the run", QStringLiteral("DELETE FROM run_tags WHERE run_id = ? AND tag = ?"),
             {QVariant::fromValue<qint64>(id), QString::fromStdString(tag)});
  transaction.commit();
}

void RunHistory::set_baseline(std::int64_t id, bool baseline) {
  WriteTransaction transaction(*m_db);
  require(*m_db, id);
  if (baseline)
    m_db->exec("unmark the experiment's other baseline",
               QStringLiteral("UPDATE runs SET baseline = 0 WHERE baseline = 1 AND experiment = "
                              "(SELECT experiment FROM runs WHERE id = ?)"),
               {QVariant::fromValue<qint64>(id)});
  m_db->exec("mark the baseline", QStringLiteral("UPDATE runs SET baseline = ? WHERE id = ?"),
             {baseline ? 1 : 0, QVariant::fromValue<qint64>(id)});
  transaction.commit();
}

std::string RunHistory::remove(std::int64_t id) {
  const RunRecord record = get(id);
  {
    WriteTransaction transaction(*m_db);
    require(*m_db, id);
    m_db->exec("delete the run", QStringLiteral("DELETE FROM runs WHERE id = ?"),
               {QVariant::fromValue<qint64>(id)});
    transaction.commit();
  }
  // The row goes first: a crash between the two leaves an unlisted file, never a listed run
  // whose results are gone.
  if (std::remove(record.results_file.c_str()) != 0)
    return "run " + std::to_string(id) + " is deleted, but its results file " +
           record.results_file + " could not be removed: " + std::strerror(errno);
  return {};
}

} // namespace conlab::history
