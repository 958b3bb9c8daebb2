// The history's SQLite file through Qt SQL: opened only after it proved to be a history this lab
// can read, in WAL mode with a busy timeout so that two lab processes can write to it at once,
// and migrated to the current schema in one transaction.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <string>
#include <string_view>

namespace conlab::history {

// PRAGMA user_version of a database the current lab writes. Databases of a lower version are
// migrated when opened; of a higher one, refused.
inline constexpr int kSchemaVersion = 3;

class HistoryDatabase {
public:
  // Opens (creating it when missing) the database at `path` and migrates it to `schema_version`
  // (lower than kSchemaVersion only in the migration tests). Throws HistoryError naming the file
  // and the reason when it cannot be used — not a database, damaged, another program's, or written
  // by a newer lab — and then neither opens it nor writes to it.
  explicit HistoryDatabase(const std::string &path, int schema_version = kSchemaVersion);
  ~HistoryDatabase();
  HistoryDatabase(const HistoryDatabase &) = delete;
  HistoryDatabase &operator=(const HistoryDatabase &) = delete;

  const std::string &path() const { return m_path; }
  int schema_version();

  // Runs one statement with positional (?) values; throws HistoryError "history PATH: cannot
  // WHAT: reason". The query is returned positioned before its first row.
  QSqlQuery exec(std::string_view what, const QString &sql,
                 std::initializer_list<QVariant> values = {});

private:
  void check_readable();
  void check_ours();
  void use_wal();
  void migrate(int target);
  [[noreturn]] void refuse(const std::string &reason) const;

  std::string m_path;
  QString m_connection; // Qt SQL connections are per thread, named: one name per open history
  QSqlDatabase m_db;
};

// BEGIN IMMEDIATE … COMMIT: takes the write lock up front (waiting up to the busy timeout), so a
// transaction never fails half-way because another process wrote first. Rolls back unless
// committed.
class WriteTransaction {
public:
  explicit WriteTransaction(HistoryDatabase &db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction &) = delete;
  WriteTransaction &operator=(const WriteTransaction &) = delete;
  void commit();

private:
  HistoryDatabase &m_db;
  bool m_open = true;
};

} // namespace conlab::history
