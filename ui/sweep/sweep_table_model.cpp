#include "ui/sweep/sweep_table_model.h"

#include "core/util/format.h"
#include "ui/sweep/sweep_findings_text.h"

namespace conlab::ui {
namespace {

std::optional<double> number(const SweepRow &row, int column) {
  switch (column) {
  case SweepTableModel::runs:
    return static_cast<double>(row.runs);
  case SweepTableModel::makespan:
    return row.makespan;
  case SweepTableModel::simulated:
    return row.simulated_makespan;
  case SweepTableModel::versus:
    return row.versus_simulation;
  case SweepTableModel::throughput:
    return row.throughput;
  case SweepTableModel::p50:
    return row.p50;
  case SweepTableModel::p99:
    return row.p99;
  case SweepTableModel::cpu:
    return row.cpu;
  case SweepTableModel::loop_lag:
    return row.loop_lag;
  default:
    return std::nullopt;
  }
}

QString text(int column, double value) {
  switch (column) {
  case SweepTableModel::runs:
    return QString::number(value);
  case SweepTableModel::versus:
    return QString::fromStdString(human_signed_percent(value));
  case SweepTableModel::throughput:
    return sweep_metric_text(SweepMetric::throughput, value);
  case SweepTableModel::cpu:
    return sweep_metric_text(SweepMetric::cpu_utilization, value);
  case SweepTableModel::loop_lag:
    return sweep_metric_text(SweepMetric::loop_lag, value);
  default: // makespans and latencies
    return sweep_metric_text(SweepMetric::makespan, value);
  }
}

} // namespace

void SweepTableModel::set_data(std::shared_ptr<const SweepChartData> data) {
  beginResetModel();
  m_data = std::move(data);
  m_rows = m_data ? sweep_rows(*m_data) : std::vector<SweepRow>{};
  endResetModel();
}

int SweepTableModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SweepTableModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : column_count;
}

QVariant SweepTableModel::data(const QModelIndex &index, int role) const {
  if (!index.isValid() || !m_data || index.row() >= rowCount())
    return {};
  const SweepRow &row = m_rows[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  if (column == point) {
    if (role == Qt::UserRole) // grid order, not alphabetical
      return static_cast<qulonglong>(row.point);
    return role == Qt::DisplayRole
               ? SweepText::point(m_data->sweep, m_data->results.points[row.point].values)
               : QVariant();
  }
  if (column == variant)
    return role == Qt::DisplayRole || role == Qt::UserRole ? m_data->variant_labels[row.variant]
                                                           : QVariant();
  if (role == Qt::TextAlignmentRole)
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  const std::optional<double> value = number(row, column);
  if (role == Qt::UserRole)
    return value ? QVariant(*value) : QVariant();
  if (role == Qt::DisplayRole)
    return value ? text(column, *value) : tr("—");
  if (role == Qt::ToolTipRole && column == versus && value)
    return *value > 0 ? tr("Measured slower than the simulation of this point: more than 10% is "
                           "overhead or contention the ideal model does not have")
                      : tr("Measured faster than the simulation of this point: more than 10% "
                           "means the model misses something here");
  return {};
}

QVariant SweepTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case point:
    return tr("Point");
  case variant:
    return tr("Variant");
  case runs:
    return tr("Runs");
  case makespan:
    return tr("Makespan");
  case simulated:
    return tr("Simulated makespan");
  case versus:
    return tr("vs simulation");
  case throughput:
    return tr("Throughput");
  case p50:
    return tr("p50");
  case p99:
    return tr("p99");
  case cpu:
    return tr("CPU");
  case loop_lag:
    return tr("Loop lag p99");
  default:
    return {};
  }
}

} // namespace conlab::ui
