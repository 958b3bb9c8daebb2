#include "ui/experiment/steps_table_model.h"

#include "ui/experiment/item_roles.h"
#include "ui/experiment/variant_table_model.h"
#include "ui/i18n/core_text.h"

#include <QColor>
#include <QLocale>
#include <QRegularExpression>

namespace conlab::ui {
namespace {

const QStringList kinds = {QStringLiteral("io"), QStringLiteral("blocking_io"),
                           QStringLiteral("cpu")};
const QStringList distributions = {QStringLiteral("fixed"), QStringLiteral("uniform"),
                                   QStringLiteral("exponential")};
constexpr double kMaxMs = 3'600'000; // an hour per step is plenty

} // namespace

StepsTableModel::StepsTableModel(QObject *parent) : VectorTableModel(parent) {}

void StepsTableModel::set_steps(int variant, std::vector<Step> steps) {
  beginResetModel();
  m_variant = variant;
  m_steps = std::move(steps);
  m_errors.clear();
  endResetModel();
}

int StepsTableModel::add_step() {
  const int row = rowCount();
  beginInsertRows({}, row, row);
  m_steps.push_back(Step{StepKind::io, Duration{DistributionKind::fixed, 100, 0, 0}});
  endInsertRows();
  Q_EMIT edited();
  return row;
}

void StepsTableModel::remove_step(int row) {
  if (erase_row(m_steps, row))
    Q_EMIT edited();
}

bool StepsTableModel::move_step(int row, int delta) {
  if (!shift_row(m_steps, row, delta))
    return false;
  Q_EMIT edited();
  return true;
}

void StepsTableModel::set_errors(const std::vector<FieldError> &errors) {
  static const QRegularExpression path(
      QStringLiteral(R"(^variants\[(\d+)\]\.steps\[(\d+)\](?:\.(\w+))?)"));
  m_errors.clear();
  for (const FieldError &e : errors) {
    const auto match = path.match(QString::fromStdString(e.path));
    if (!match.hasMatch() || match.captured(1).toInt() != m_variant)
      continue;
    const QString field = match.captured(3);
    const int column = field == QLatin1String("kind") || field == QLatin1String("repeat") ||
                               field == QLatin1String("steps")
                           ? KindColumn
                       : field == QLatin1String("distribution") ? DistributionColumn
                       : field == QLatin1String("distribution") ? DistributionColumn
                       : field == QLatin1String("min_ms")       ? MinColumn
                       : field == QLatin1String("max_ms")       ? MaxColumn
                                                                : MsColumn;
    m_errors.push_back({{match.captured(2).toInt(), column}, field_error_text(e)});
  }
  if (rowCount() > 0)
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                       {Qt::BackgroundRole, Qt::ToolTipRole, ErrorRole});
}

QString StepsTableModel::error_at(int row, int column) const {
  QStringList out;
  for (const auto &[where, message] : m_errors)
    if (where.first == row && where.second == column)
      out << message;
  return out.join(QLatin1Char('\n'));
}

bool StepsTableModel::applies(const Step &s, int column) const {
  if (s.is_repeat()) // shown, not edited here: its body is a list of its own
    return false;
  const bool uniform = s.duration.distribution == DistributionKind::uniform;
  if (column == MsColumn)
    return !uniform;
  if (column == MinColumn || column == MaxColumn)
    return uniform;
  return true;
}

int StepsTableModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_steps.size());
}

int StepsTableModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant StepsTableModel::data(const QModelIndex &index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid))
    return {};
  const Step &s = m_steps[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  const QString error = error_at(index.row(), column);
  if (s.is_repeat() && role == Qt::DisplayRole && column <= DistributionColumn)
    return column == KindColumn
               ? tr("repeat × %1").arg(QLocale().toString(static_cast<qlonglong>(*s.repeat)))
               : describe_steps(s.steps);
  if (s.is_repeat() && role == Qt::ToolTipRole && error.isEmpty())
    return tr("A repeat group: these steps done %1 times over, in order. Each task runs %2 "
              "steps in all. Change a repeat group in the experiment's file.")
        .arg(QLocale().toString(static_cast<qlonglong>(*s.repeat)),
             QLocale().toString(static_cast<qlonglong>(steps_per_task(m_steps))));
  switch (role) {
  case Qt::DisplayRole:
  case Qt::EditRole:
    if (!applies(s, column))
      return role == Qt::DisplayRole ? QVariant(QStringLiteral("—")) : QVariant();
    switch (column) {
    case KindColumn:
      return QString::fromLatin1(to_string(s.kind));
    case DistributionColumn:
      return QString::fromLatin1(to_string(s.duration.distribution));
    case MsColumn:
      return s.duration.ms;
    case MinColumn:
      return s.duration.min_ms;
    case MaxColumn:
      return s.duration.max_ms;
    }
    return {};
  case Qt::BackgroundRole:
    return error.isEmpty() ? QVariant() : QVariant(QColor(0xff, 0xdd, 0xdd));
  case ErrorRole:
    return error;
  case Qt::ToolTipRole:
    return error.isEmpty() ? headerData(column, Qt::Horizontal, Qt::ToolTipRole) : error;
  case ChoicesRole:
    return column == KindColumn ? kinds : column == DistributionColumn ? distributions : QVariant();
  case ChoiceTipsRole:
    if (column == KindColumn)
      return QStringList{tr("io: wait without using the CPU (an event loop awaits a timer; a "
                            "thread has no choice but to block)"),
                         tr("blocking_io: a blocking call on whatever thread runs the task — "
                            "inside a coroutine it freezes the loop"),
                         tr("cpu: real computation, calibrated so 1 ms ≈ 1 ms on one core")};
    return {};
  case MinimumRole:
    return 0.0;
  case MaximumRole:
    return kMaxMs;
  case DecimalsRole:
    return 2;
  }
  return {};
}

QVariant StepsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical)
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
  static const char *const titles[] = {QT_TR_NOOP("Step"), QT_TR_NOOP("Duration"),
                                       QT_TR_NOOP("ms (or mean)"), QT_TR_NOOP("min ms"),
                                       QT_TR_NOOP("max ms")};
  static const char *const tips[] = {
      QT_TR_NOOP("io waits without a thread; blocking_io blocks the thread that runs it; cpu "
                 "computes."),
      QT_TR_NOOP("fixed: every task the same; uniform: drawn between min and max; exponential: "
                 "drawn with the given mean (seeded)."),
      QT_TR_NOOP("Milliseconds at time scale 1: the fixed value, or the exponential's mean."),
      QT_TR_NOOP("Uniform only: the shortest duration, ms."),
      QT_TR_NOOP("Uniform only: the longest duration, ms.")};
  return column_header(section, role, titles, tips);
}

Qt::ItemFlags StepsTableModel::flags(const QModelIndex &index) const {
  if (!index.isValid())
    return Qt::NoItemFlags;
  const Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
  return applies(m_steps[static_cast<std::size_t>(index.row())], index.column())
             ? f | Qt::ItemIsEditable
             : f;
}

bool StepsTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole)
    return false;
  Step &s = m_steps[static_cast<std::size_t>(index.row())];
  bool ok = true;
  switch (index.column()) {
  case KindColumn: {
    const auto i = kinds.indexOf(value.toString());
    if (i < 0)
      return false;
    s.kind = static_cast<StepKind>(i);
    break;
  }
  case DistributionColumn: {
    const auto i = distributions.indexOf(value.toString());
    if (i < 0)
      return false;
    s.duration.distribution = static_cast<DistributionKind>(i);
    if (s.duration.distribution == DistributionKind::uniform && s.duration.max_ms <= 0)
      s.duration.min_ms = s.duration.ms / 2, s.duration.max_ms = s.duration.ms * 1.5;
    break;
  }
  default: {
    const double ms = value.toDouble(&ok);
    if (!ok || ms < 0 || ms > kMaxMs)
      return false;
    (index.column() == MsColumn    ? s.duration.ms
     : index.column() == MinColumn ? s.duration.min_ms
                                   : s.duration.max_ms) = ms;
  }
  }
  Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
  Q_EMIT edited();
  return true;
}

} // namespace conlab::ui
