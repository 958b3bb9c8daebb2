#include "ui/recent_files.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace conlab::ui {
namespace {
constexpr int kMaxRecent = 10;
const auto kKey = QStringLiteral("recent_files");
} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent) : QObject(parent), m_menu(menu) {
  rebuild_menu();
}

QStringList RecentFiles::files() const { return QSettings().value(kKey).toStringList(); }

void RecentFiles::add(const QString &path) {
  QStringList list = files();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  list.removeAll(absolute);
  list.prepend(absolute);
  while (list.size() > kMaxRecent)
    list.removeLast();
  QSettings().setValue(kKey, list);
  rebuild_menu();
}

void RecentFiles::rebuild_menu() {
  m_menu->clear();
  const QStringList list = files();
  for (int i = 0; i < list.size(); ++i) {
    const QString path = list[i];
    QAction *a =
        m_menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
    a->setToolTip(QDir::toNativeSeparators(path));
    a->setStatusTip(QDir::toNativeSeparators(path));
    connect(a, &QAction::triggered, this, [this, path] { Q_EMIT open_requested(path); });
  }
  if (list.isEmpty())
    m_menu->addAction(tr("(none yet)"))->setEnabled(false);
  else {
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("Clear the list")), &QAction::triggered, this, [this] {
      QSettings().remove(kKey);
      rebuild_menu();
    });
  }
}

} // namespace conlab::ui
