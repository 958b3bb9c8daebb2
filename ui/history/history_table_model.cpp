#include "ui/history/history_table_model.h"

#include "core/history/run_history.h"
#include "core/util/format.h"

#include <QBrush>
#include <QFont>
#include <QPalette>
#include <QStringList>

namespace conlab::ui {
namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }

QString status_text(RunStatus status) {
  switch (status) {
  case RunStatus::completed:
    return HistoryTableModel::tr("completed");
  case RunStatus::cancelled:
    return HistoryTableModel::tr("cancelled");
  case RunStatus::failed:
    break;
  }
  return HistoryTableModel::tr("failed");
}

QString tooltip(const history::RunRecord &r) {
  QString tip = HistoryTableModel::tr("Run %1 of %2, time scale %3\nstarted %4, finished %5\n%6")
                    .arg(r.id)
                    .arg(text(r.experiment), text(human_scale(r.time_scale)),
                         text(history::local_time_text(r.started)),
                         text(history::local_time_text(r.finished)), text(r.results_file));
  if (r.baseline)
    tip += HistoryTableModel::tr("\nThe baseline of %1: other runs of it compare with this one.")
               .arg(text(r.experiment));
  return tip;
}

// The core's key_metrics for a run (labels and durations need no words); a sweep's in the lab's
// language: each variant's best point by throughput.
QString key_numbers(const history::RunRecord &r) {
  if (r.sweep.empty())
    return text(history::key_metrics(r));
  QStringList parts;
  for (const history::VariantDigest &v : r.variants)
    parts << (v.best_at.empty()
                  ? HistoryTableModel::tr("%1 nothing finished").arg(text(v.label))
                  : HistoryTableModel::tr("%1 best %2/s at %3")
                        .arg(text(v.label), text(human_rate(v.throughput_per_s)), text(v.best_at)));
  return parts.join(QStringLiteral("; "));
}

} // namespace

HistoryTableModel::HistoryTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void HistoryTableModel::set_history(history::RunHistory *history) {
  m_history = history;
  refresh();
}

void HistoryTableModel::refresh() {
  beginResetModel();
  m_records.clear();
  if (m_history) {
    try {
      m_records = m_history->list();
    } catch (const std::exception &e) {
      Q_EMIT edit_failed(text(e.what()));
    }
  }
  endResetModel();
}

const history::RunRecord *HistoryTableModel::record(int row) const {
  return row >= 0 && row < static_cast<int>(m_records.size())
             ? &m_records[static_cast<std::size_t>(row)]
             : nullptr;
}

int HistoryTableModel::row_of(std::int64_t id) const {
  for (std::size_t i = 0; i < m_records.size(); ++i)
    if (m_records[i].id == id)
      return static_cast<int>(i);
  return -1;
}

int HistoryTableModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : column_count;
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const {
  const history::RunRecord *r = record(index.row());
  if (!r || !index.isValid())
    return {};
  if (role == SearchRole)
    return text(history::search_text(*r));
  if (role == RunIdRole)
    return QVariant::fromValue<qint64>(r->id);
  if (role == Qt::ToolTipRole)
    return tooltip(*r);
  if (role == Qt::FontRole && index.column() == name && r->baseline) {
    QFont bold;
    bold.setBold(true);
    return bold;
  }
  const bool display = role == Qt::DisplayRole || role == Qt::EditRole;
  switch (index.column()) {
  case finished:
    if (role == Qt::UserRole) // sorts by time, not by text
      return QVariant::fromValue<qint64>(r->finished.time_since_epoch().count());
    return display ? text(history::local_time_text(r->finished)) : QVariant();
  case name:
    if (role == Qt::DisplayRole && r->baseline)
      return tr("%1 (baseline)").arg(text(r->name));
    return display ? text(r->name) : QVariant();
  case experiment:
    return display ? text(r->experiment) : QVariant();
  case status:
    if (role == Qt::ForegroundRole && r->status != RunStatus::completed)
      return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    return display ? status_text(r->status) : QVariant();
  case tags:
    return display ? text(history::join_tags(r->tags)) : QVariant();
  case makespan:
    return display ? key_numbers(*r) : QVariant();
  default:
    return {};
  }
}

bool HistoryTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  const history::RunRecord *r = record(index.row());
  if (!r || !m_history || role != Qt::EditRole)
    return false;
  const std::int64_t id = r->id;
  try {
    if (index.column() == name)
      m_history->rename(id, value.toString().toStdString());
    else if (index.column() == tags)
      m_history->set_tags(id, history::parse_tag_list(value.toString().toStdString()));
    else
      return false;
    m_records[static_cast<std::size_t>(index.row())] = m_history->get(id);
  } catch (const std::exception &e) {
    Q_EMIT edit_failed(text(e.what()));
    return false;
  }
  Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), column_count - 1));
  return true;
}

Qt::ItemFlags HistoryTableModel::flags(const QModelIndex &index) const {
  Qt::ItemFlags f = QAbstractTableModel::flags(index);
  if (index.isValid() && (index.column() == name || index.column() == tags))
    f |= Qt::ItemIsEditable;
  return f;
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case finished:
    return tr("Finished");
  case name:
    return tr("Name");
  case experiment:
    return tr("Experiment");
  case status:
    return tr("Status");
  case tags:
    return tr("Tags");
  case makespan:
    return tr("Key numbers per variant");
  default:
    return {};
  }
}

} // namespace conlab::ui
