#include "ui/compare/compare_table_model.h"

#include "core/compare/compare_text.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>

namespace conlab::ui {
namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }

QVariant verdict_colour(Verdict verdict) {
  switch (verdict) {
  case Verdict::better:
    return QBrush(QColor(0x00, 0x7a, 0x3d)); // green, readable on white
  case Verdict::worse:
    return QBrush(QColor(0xb8, 0x1d, 0x13)); // red
  default:
    return {};
  }
}

} // namespace

CompareTableModel::CompareTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void CompareTableModel::set_comparison(std::shared_ptr<const Comparison> comparison) {
  beginResetModel();
  m_comparison = std::move(comparison);
  m_rows.clear();
  if (m_comparison)
    for (const VariantComparison &v : m_comparison->variants)
      for (const MetricComparison &m : v.metrics)
        if (m.baseline || m.candidate) // e.g. no loop lag for a model without a loop
          m_rows.push_back({&v, &m});
  endResetModel();
}

const MetricComparison *CompareTableModel::metric_at(int row) const {
  return row >= 0 && row < static_cast<int>(m_rows.size())
             ? m_rows[static_cast<std::size_t>(row)].metric
             : nullptr;
}

int CompareTableModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CompareTableModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : column_count;
}

QVariant CompareTableModel::data(const QModelIndex &index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
    return {};
  const Row &row = m_rows[static_cast<std::size_t>(index.row())];
  const MetricComparison &m = *row.metric;
  if (role == Qt::ForegroundRole && index.column() == verdict)
    return verdict_colour(m.verdict);
  if (role == Qt::TextAlignmentRole && index.column() >= a && index.column() <= ratio)
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole && index.column() == variant) {
    const std::string a_setup = row.variant->baseline.describe();
    const std::string b_setup = row.variant->candidate.describe();
    return text(a_setup == b_setup ? a_setup : a_setup + " → " + b_setup);
  }
  if (role == Qt::ToolTipRole && (index.column() == verdict || index.column() == noise))
    return text(m.noise.describe(m.metric));
  if (role != Qt::DisplayRole)
    return {};
  switch (index.column()) {
  case variant:
    return text(row.variant->label);
  case metric:
    return QCoreApplication::translate("conlab::compare",
                                       std::string(metric_info(m.metric).title).c_str());
  case a:
    return text(compare_value_text(m.metric, m.baseline));
  case b:
    return text(compare_value_text(m.metric, m.candidate));
  case delta:
    return m.measured() ? text(metric_delta_text(m.metric, m.delta())) : QStringLiteral("—");
  case ratio:
    return text(compare_ratio_text(m));
  case verdict:
    return QCoreApplication::translate("conlab::compare", compare_verdict_text(m).c_str());
  case noise:
    return text(compare_noise_text(m));
  default:
    return {};
  }
}

QVariant CompareTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case variant:
    return tr("Variant");
  case metric:
    return tr("Metric");
  case a:
    return tr("A");
  case b:
    return tr("B");
  case delta:
    return tr("B − A");
  case ratio:
    return tr("B / A");
  case verdict:
    return tr("Verdict");
  case noise:
    return tr("Noise: %1 interval of B − A")
        .arg(text(confidence_text(m_comparison ? m_comparison->confidence : 0.95)));
  default:
    return {};
  }
}

} // namespace conlab::ui
