// The recently opened or saved files, newest first, kept in QSettings and offered as a menu.
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace conlab::ui {

class RecentFiles : public QObject {
  Q_OBJECT
public:
  explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);

  void add(const QString &path);
  QStringList files() const;

Q_SIGNALS:
  void open_requested(const QString &path);

private:
  void rebuild_menu();

  QMenu *m_menu;
};

} // namespace conlab::ui
