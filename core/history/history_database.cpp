#include "core/history/history_database.h"

#include "core/history/history_error.h"
#include "core/history/history_schema.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStringList>
#include <QThread>

#include <atomic>

namespace conlab::history {
namespace {

// How long a writer waits for another process's transaction before giving up. Transactions here
// are a few inserts: anything near this means a process is stuck, not busy.
constexpr int kBusyTimeoutMs = 15'000;

QString unique_connection_name() {
  static std::atomic<unsigned> counter{0};
  return QStringLiteral("conlab-history-%1").arg(++counter);
}

std::string reason(const QSqlError &error) {
  QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
  return text.trimmed().toStdString();
}

} // namespace

HistoryDatabase::HistoryDatabase(const std::string &path, int schema_version)
    : m_path(path), m_connection(unique_connection_name()) {
  if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
    throw HistoryError("cannot open the history " + path +
                       ": Qt's SQLite driver is missing (Debian package libqt6sql6-sqlite)");
  const QFileInfo file(QString::fromStdString(path));
  if (!QDir().mkpath(file.absolutePath()))
    throw HistoryError("cannot open the history " + path + ": cannot create the directory " +
                       file.absolutePath().toStdString());
  m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
  m_db.setDatabaseName(file.absoluteFilePath());
  m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
  try {
    if (!m_db.open())
      refuse(reason(m_db.lastError()));
    // Nothing is written before these checks pass: a file we cannot read stays as it was.
    check_readable();
    check_ours();
    use_wal();
    exec("enforce tags' links to runs", QStringLiteral("PRAGMA foreign_keys = ON"));
    migrate(schema_version);
  } catch (...) {
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    throw;
  }
}

HistoryDatabase::~HistoryDatabase() {
  m_db.close();
  m_db = QSqlDatabase(); // the last handle must be gone before the connection is removed
  QSqlDatabase::removeDatabase(m_connection);
}

void HistoryDatabase::refuse(const std::string &reason) const {
  throw HistoryError("cannot use the history " + m_path + ": " + reason);
}

QSqlQuery HistoryDatabase::exec(std::string_view what, const QString &sql,
                                std::initializer_list<QVariant> values) {
  QSqlQuery query(m_db);
  query.setForwardOnly(true);
  bool ok = values.size() == 0 ? query.exec(sql) : query.prepare(sql);
  if (ok && values.size() > 0) {
    for (const QVariant &value : values)
      query.addBindValue(value);
    ok = query.exec();
  }
  if (!ok)
    throw HistoryError("history " + m_path + ": cannot " + std::string(what) + ": " +
                       reason(query.lastError()));
  return query;
}

int HistoryDatabase::schema_version() {
  QSqlQuery q = exec("read the schema version", QStringLiteral("PRAGMA user_version"));
  return q.next() ? q.value(0).toInt() : 0;
}

// A file that is not SQLite fails on its first read ("file is not a database"); a damaged one
// fails the quick check (page structure, without comparing indexes to tables: fast on any size).
void HistoryDatabase::check_readable() {
  QSqlQuery query(m_db);
  if (!query.exec(QStringLiteral("PRAGMA quick_check")))
    refuse("it is not a readable SQLite database (" + reason(query.lastError()) +
           "); it was left as it is");
  QStringList problems;
  while (query.next())
    if (const QString line = query.value(0).toString(); line != QLatin1String("ok"))
      problems << line;
  if (!problems.isEmpty())
    refuse("the database is damaged (" + problems.join(QStringLiteral("; ")).toStdString() +
           "); it was left as it is");
}

// One statement reads all three, so they come from one snapshot: read one by one, another
// process's first migration could commit in between and its new tables look like a stranger's.
void HistoryDatabase::check_ours() {
  QSqlQuery q = exec("read the application id and schema version",
                     QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id()),"
                                    " (SELECT user_version FROM pragma_user_version()),"
                                    " (SELECT count(*) FROM sqlite_schema)"));
  if (!q.next())
    refuse("its header cannot be read; it was left as it is");
  const int application = q.value(0).toInt();
  const int version = q.value(1).toInt();
  const int tables = q.value(2).toInt();
  q.finish();
  if (application != 0 && application != kApplicationId)
    refuse("it belongs to another program (application id " + std::to_string(application) +
           "); it was left as it is");
  if (application == 0 && tables > 0)
    refuse("it is an SQLite database that another program made; it was left as it is");
  if (version > kSchemaVersion)
    refuse("it has schema version " + std::to_string(version) +
           ", newer than this lab reads (up to " + std::to_string(kSchemaVersion) +
           "): a newer Concurrency Lab wrote it. It was not opened and is left as it is; run "
           "that version, or point this one at another history directory");
}

// WAL lets readers go on while one process writes, and a writer wait (the busy timeout) instead
// of failing while another commits. The mode is stored in the file, so the first open sets it.
// Switching needs the file to itself, and SQLite answers "database is locked" at once rather than
// through the busy handler while another process is opening it too: so we retry, for as long as
// the busy timeout would have waited.
void HistoryDatabase::use_wal() {
  QDeadlineTimer deadline(kBusyTimeoutMs);
  for (;;) {
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
      const QString mode = q.next() ? q.value(0).toString() : QString();
      if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0)
        return;
      refuse("cannot switch to write-ahead logging (the journal mode stayed '" +
             mode.toStdString() + "')");
    }
    const QString code = q.lastError().nativeErrorCode();
    const bool busy = code == QLatin1String("5") || code == QLatin1String("6"); // BUSY, LOCKED
    if (!busy || deadline.hasExpired())
      refuse("cannot switch to write-ahead logging: " + reason(q.lastError()));
    QThread::msleep(5);
  }
}

void HistoryDatabase::migrate(int target) {
  if (schema_version() >= target)
    return;
  WriteTransaction transaction(*this);
  // Read again under the write lock: another process may have migrated while we waited.
  const int from = schema_version();
  for (const Migration &m : migrations()) {
    if (m.version <= from || m.version > target)
      continue;
    const std::string what =
        "migrate to schema version " + std::to_string(m.version) + " (" + m.what + ")";
    for (const char *statement : m.statements)
      exec(what, QString::fromUtf8(statement));
  }
  if (from == 0)
    exec("mark the file as a history",
         QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
  if (from < target)
    exec("record the schema version", QStringLiteral("PRAGMA user_version = %1").arg(target));
  transaction.commit();
}

WriteTransaction::WriteTransaction(HistoryDatabase &db) : m_db(db) {
  m_db.exec("start a write transaction", QStringLiteral("BEGIN IMMEDIATE"));
}

WriteTransaction::~WriteTransaction() {
  if (!m_open)
    return;
  try {
    m_db.exec("roll back", QStringLiteral("ROLLBACK"));
  } catch (...) {
    // SQLite has already rolled back when the failure was the transaction's own.
  }
}

void WriteTransaction::commit() {
  m_db.exec("commit", QStringLiteral("COMMIT"));
  m_open = false;
}

} // namespace conlab::history
