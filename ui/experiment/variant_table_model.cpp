#include "ui/experiment/variant_table_model.h"

#include "core/engine/model_registry.h"
#include "core/util/format.h"
#include "ui/experiment/item_roles.h"
#include "ui/i18n/core_text.h"

#include <QColor>
#include <QLocale>
#include <QRegularExpression>

namespace conlab::ui {
namespace {

const QStringList &named_pools() {
  static const QStringList names = {QStringLiteral("python_default_executor"),
                                    QStringLiteral("anyio_default"), QStringLiteral("cores")};
  return names;
}

QString model_tip(const ModelInfo &m) {
  return QStringLiteral("<b>%1</b><br>%2<br><i>Python: %3</i>")
      .arg(QString::fromUtf8(m.name.data(), static_cast<qsizetype>(m.name.size())),
           model_summary(m).toHtmlEscaped(), model_python_analogue(m).toHtmlEscaped());
}

// An edited cell's whole number, when it is one within [lo, hi].
std::optional<int> whole_number_in(const QVariant &value, int lo, int hi) {
  bool ok = false;
  const int n = value.toInt(&ok);
  if (!ok || n < lo || n > hi)
    return std::nullopt;
  return n;
}

bool is_checkbox(int column) {
  return column == VariantTableModel::OffloadColumn ||
         column == VariantTableModel::ProcessesColumn || column == VariantTableModel::GilColumn;
}

int column_of(const QString &field) {
  if (field == QLatin1String("label"))
    return VariantTableModel::LabelColumn;
  if (field == QLatin1String("model"))
    return VariantTableModel::ModelColumn;
  if (field == QLatin1String("pool_size"))
    return VariantTableModel::PoolColumn;
  if (field == QLatin1String("loops"))
    return VariantTableModel::LoopsColumn;
  if (field == QLatin1String("offload"))
    return VariantTableModel::OffloadColumn;
  if (field == QLatin1String("processes"))
    return VariantTableModel::ProcessesColumn;
  if (field == QLatin1String("gil"))
    return VariantTableModel::GilColumn;
  if (field == QLatin1String("switch_interval_ms"))
    return VariantTableModel::SwitchIntervalColumn;
  if (field == QLatin1String("background_cpu_threads"))
    return VariantTableModel::BackgroundColumn;
  return VariantTableModel::StepsColumn;
}

} // namespace

QString describe_steps(const std::vector<Step> &steps) {
  QStringList parts;
  for (const Step &s : steps) {
    if (s.is_repeat()) {
      parts << VariantTableModel::tr("%1 × (%2)")
                   .arg(QLocale().toString(static_cast<qlonglong>(*s.repeat)),
                        describe_steps(s.steps));
      continue;
    }
    QString d = QString::fromStdString(human_duration(s.duration.mean_ms() / 1000));
    if (s.duration.distribution != DistributionKind::fixed)
      d = QStringLiteral("~") + d;
    parts << QStringLiteral("%1 %2").arg(QString::fromLatin1(to_string(s.kind)), d);
  }
  return parts.isEmpty() ? VariantTableModel::tr("(no steps)") : parts.join(QStringLiteral(" + "));
}

VariantTableModel::VariantTableModel(int cores, QObject *parent)
    : VectorTableModel(parent), m_cores(cores) {}

void VariantTableModel::set_variants(std::vector<Variant> variants) {
  beginResetModel();
  m_variants = std::move(variants);
  m_errors.clear();
  endResetModel();
}

void VariantTableModel::set_steps(int row, std::vector<Step> steps) {
  if (row < 0 || row >= rowCount())
    return;
  m_variants[static_cast<std::size_t>(row)].steps = std::move(steps);
  Q_EMIT dataChanged(index(row, StepsColumn), index(row, StepsColumn));
  Q_EMIT edited();
}

int VariantTableModel::add_variant() {
  Variant v;
  v.label = QStringLiteral("/v%1").arg(m_variants.size() + 1).toStdString();
  v.model = "thread_pool";
  v.pool_size = PoolSize{"", 4};
  v.steps = {Step{StepKind::blocking_io, Duration{DistributionKind::fixed, 100, 0, 0}}};
  const int row = rowCount();
  beginInsertRows({}, row, row);
  m_variants.push_back(std::move(v));
  endInsertRows();
  Q_EMIT edited();
  return row;
}

int VariantTableModel::duplicate_variant(int row) {
  if (row < 0 || row >= rowCount())
    return -1;
  Variant copy = m_variants[static_cast<std::size_t>(row)];
  copy.label += " (copy)";
  beginInsertRows({}, row + 1, row + 1);
  m_variants.insert(m_variants.begin() + row + 1, std::move(copy));
  endInsertRows();
  Q_EMIT edited();
  return row + 1;
}

void VariantTableModel::remove_variant(int row) {
  if (erase_row(m_variants, row))
    Q_EMIT edited();
}

bool VariantTableModel::move_variant(int row, int delta) {
  if (!shift_row(m_variants, row, delta))
    return false;
  Q_EMIT edited();
  return true;
}

void VariantTableModel::set_errors(const std::vector<FieldError> &errors) {
  static const QRegularExpression path(QStringLiteral(R"(^variants\[(\d+)\](?:\.(\w+))?)"));
  m_errors.clear();
  for (const FieldError &e : errors) {
    const auto match = path.match(QString::fromStdString(e.path));
    if (!match.hasMatch())
      continue;
    const int row = match.captured(1).toInt();
    const QString field = match.captured(2);
    m_errors.push_back(
        {{row, field.isEmpty() ? LabelColumn : column_of(field)}, field_error_text(e)});
  }
  if (rowCount() > 0)
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                       {Qt::BackgroundRole, Qt::ToolTipRole, ErrorRole});
}

QString VariantTableModel::error_at(int row, int column) const {
  QStringList out;
  for (const auto &[where, message] : m_errors)
    if (where.first == row && where.second == column)
      out << message;
  return out.join(QLatin1Char('\n'));
}

bool VariantTableModel::applies(const Variant &v, int column) const {
  const ModelInfo *m = find_model(v.model);
  switch (column) {
  case PoolColumn:
    return m && m->uses_pool_size;
  case LoopsColumn:
    return m && m->uses_loops;
  case OffloadColumn:
    return m && m->uses_offload;
  case ProcessesColumn:
    return m && m->uses_processes;
  case SwitchIntervalColumn:
    return v.has_gil();
  default:
    return true;
  }
}

int VariantTableModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_variants.size());
}

int VariantTableModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariantTableModel::display(const Variant &v, int column) const {
  if (!applies(v, column))
    return QStringLiteral("—");
  switch (column) {
  case LabelColumn:
    return QString::fromStdString(v.label);
  case ModelColumn:
    return QString::fromStdString(v.model);
  case PoolColumn: {
    const ModelInfo *m = find_model(v.model);
    const PoolSize p = v.pool_size ? *v.pool_size : PoolSize{std::string(m->default_pool), 0};
    return QString::fromStdString(p.describe(m_cores));
  }
  case LoopsColumn:
    return v.loops.value_or(m_cores);
  case SwitchIntervalColumn:
    return v.switch_interval();
  case BackgroundColumn:
    return v.background_cpu_threads.value_or(0);
  case StepsColumn:
    return describe_steps(v.steps);
  }
  return {};
}

QVariant VariantTableModel::data(const QModelIndex &index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid))
    return {};
  const Variant &v = m_variants[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  const QString error = error_at(index.row(), column);
  switch (role) {
  case Qt::DisplayRole:
    return is_checkbox(column) && applies(v, column) ? QVariant() : display(v, column);
  case Qt::EditRole:
    if (column == PoolColumn)
      return v.pool_size ? (v.pool_size->named.empty() ? QString::number(v.pool_size->value)
                                                       : QString::fromStdString(v.pool_size->named))
                         : QString();
    if (column == LoopsColumn)
      return v.loops.value_or(m_cores);
    return display(v, column);
  case Qt::CheckStateRole:
    if (column == OffloadColumn && applies(v, column))
      return v.offload.value_or(false) ? Qt::Checked : Qt::Unchecked;
    if (column == ProcessesColumn && applies(v, column))
      return v.processes.value_or(false) ? Qt::Checked : Qt::Unchecked;
    if (column == GilColumn)
      return v.has_gil() ? Qt::Checked : Qt::Unchecked;
    return {};
  case Qt::BackgroundRole:
    return error.isEmpty() ? QVariant() : QVariant(QColor(0xff, 0xdd, 0xdd));
  case ErrorRole:
    return error;
  case Qt::ToolTipRole: {
    if (!error.isEmpty())
      return error;
    if (column == ModelColumn)
      if (const ModelInfo *m = find_model(v.model))
        return model_tip(*m);
    return headerData(column, Qt::Horizontal, Qt::ToolTipRole);
  }
  case ChoicesRole:
    if (column == ModelColumn) {
      QStringList names;
      for (const ModelInfo *m : model_registry())
        names << QString::fromUtf8(m->name.data(), static_cast<qsizetype>(m->name.size()));
      return names;
    }
    if (column == PoolColumn)
      return named_pools();
    return {};
  case ChoiceTipsRole:
    if (column == ModelColumn) {
      QStringList tips;
      for (const ModelInfo *m : model_registry())
        tips << model_tip(*m);
      return tips;
    }
    return {};
  case EditableChoicesRole:
    return column == PoolColumn;
  case MinimumRole:
    if (column == SwitchIntervalColumn)
      return 0.001;
    return column == BackgroundColumn ? 0 : 1;
  case MaximumRole:
    if (column == SwitchIntervalColumn)
      return kMaxSwitchIntervalMs;
    if (column == BackgroundColumn)
      return kMaxBackgroundCpuThreads;
    return column == LoopsColumn ? kMaxLoops : kMaxThreads;
  case DecimalsRole:
    return column == SwitchIntervalColumn ? 3 : 0;
  }
  return {};
}

QVariant VariantTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical)
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
  static const char *const titles[] = {QT_TR_NOOP("Label"),    QT_TR_NOOP("Model"),
                                       QT_TR_NOOP("P (pool)"), QT_TR_NOOP("L (loops)"),
                                       QT_TR_NOOP("Offload"),  QT_TR_NOOP("Processes"),
                                       QT_TR_NOOP("GIL"),      QT_TR_NOOP("Switch ms"),
                                       QT_TR_NOOP("Bg CPU"),   QT_TR_NOOP("Workload (steps)")};
  static const char *const tips[] = {
      QT_TR_NOOP("The variant's name in charts and tables, e.g. /a."),
      QT_TR_NOOP("How tasks are scheduled onto threads. Hover a model in the list for its Python "
                 "analogue."),
      QT_TR_NOOP("P: threads in the pool or executor that runs blocking work (worker processes "
                 "for process_pool). A number, or a real-world default resolved on this machine: "
                 "python_default_executor = min(32, cores + 4), anyio_default = 40, cores."),
      QT_TR_NOOP("L: how many event loops, one per thread (multi_loop, like uvicorn --workers L)."),
      QT_TR_NOOP("qt_event_loop only: run blocking steps on a thread pool instead of the loop."),
      QT_TR_NOOP("multi_loop only: run the L loops as L worker processes, each with its own "
                 "interpreter and GIL (uvicorn --workers L). Unchecked: L loop threads in one "
                 "process, sharing one GIL."),
      QT_TR_NOOP("CPython's global interpreter lock: the variant's threads compute one at a time "
                 "and give the lock up around waits. Unchecked: C++, or free-threaded Python "
                 "3.13t."),
      QT_TR_NOOP("With a GIL: how long a waiting thread waits before it asks the holder to drop "
                 "the lock (sys.getswitchinterval(), 5 ms by default)."),
      QT_TR_NOOP("Threads in the same process that compute all the time beside the tasks, sharing "
                 "the GIL when there is one: the convoy effect, or a noisy neighbour."),
      QT_TR_NOOP("What each task does, step by step. Select the row to edit its steps below.")};
  return column_header(section, role, titles, tips);
}

Qt::ItemFlags VariantTableModel::flags(const QModelIndex &index) const {
  if (!index.isValid())
    return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
  const Variant &v = m_variants[static_cast<std::size_t>(index.row())];
  if (!applies(v, index.column()) || index.column() == StepsColumn)
    return f;
  return is_checkbox(index.column()) ? f | Qt::ItemIsUserCheckable : f | Qt::ItemIsEditable;
}

bool VariantTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid))
    return false;
  Variant &v = m_variants[static_cast<std::size_t>(index.row())];
  switch (index.column()) {
  case LabelColumn:
    v.label = value.toString().trimmed().toStdString();
    break;
  case ModelColumn:
    if (!find_model(value.toString().toStdString()))
      return false;
    v.model = value.toString().toStdString();
    break;
  case PoolColumn: {
    const QString text = value.toString().trimmed();
    bool ok = false;
    const int n = text.toInt(&ok);
    if (text.isEmpty())
      v.pool_size.reset();
    else if (ok && n >= 1 && n <= kMaxThreads)
      v.pool_size = PoolSize{"", n};
    else if (named_pools().contains(text))
      v.pool_size = PoolSize{text.toStdString(), 0};
    else
      return false;
    break;
  }
  case LoopsColumn: {
    const std::optional<int> n = whole_number_in(value, 1, kMaxLoops);
    if (!n)
      return false;
    v.loops = *n;
    break;
  }
  case OffloadColumn:
    if (role != Qt::CheckStateRole)
      return false;
    v.offload = value.value<Qt::CheckState>() == Qt::Checked;
    break;
  case ProcessesColumn:
    if (role != Qt::CheckStateRole)
      return false;
    if (value.value<Qt::CheckState>() == Qt::Checked)
      v.processes = true;
    else
      v.processes.reset(); // threads are multi_loop's default
    break;
  case GilColumn:
    if (role != Qt::CheckStateRole)
      return false;
    if (value.value<Qt::CheckState>() == Qt::Checked) {
      v.gil = GilKind::cpython;
    } else {
      v.gil.reset();
      v.switch_interval_ms.reset(); // it means nothing without the lock
    }
    break;
  case SwitchIntervalColumn: {
    bool ok = false;
    const double ms = value.toDouble(&ok);
    if (!ok || ms <= 0 || ms > kMaxSwitchIntervalMs)
      return false;
    v.switch_interval_ms = ms;
    break;
  }
  case BackgroundColumn: {
    const std::optional<int> n = whole_number_in(value, 0, kMaxBackgroundCpuThreads);
    if (!n)
      return false;
    if (*n == 0)
      v.background_cpu_threads.reset();
    else
      v.background_cpu_threads = n;
    break;
  }
  default:
    return false;
  }
  Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
  Q_EMIT edited();
  return true;
}

} // namespace conlab::ui
