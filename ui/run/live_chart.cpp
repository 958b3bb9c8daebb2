#include "ui/run/live_chart.h"

#include "ui/charts/chart_style.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace conlab::ui {

LiveChart::LiveChart(QWidget *parent)
    : QWidget(parent), m_completions(new QChart), m_in_flight(new QChart) {
  style_chart(m_completions, tr("Completions over time (live)"));
  style_chart(m_in_flight, tr("Tasks in flight (live)"));
  m_x_completions = value_axis(tr("time since the run started (s)"), 0, 1);
  m_y_completions = value_axis(tr("tasks finished"), 0, 1);
  m_x_in_flight = value_axis(tr("time since the run started (s)"), 0, 1);
  m_y_in_flight = value_axis(tr("tasks in flight"), 0, 1);
  m_completions->addAxis(m_x_completions, Qt::AlignBottom);
  m_completions->addAxis(m_y_completions, Qt::AlignLeft);
  m_in_flight->addAxis(m_x_in_flight, Qt::AlignBottom);
  m_in_flight->addAxis(m_y_in_flight, Qt::AlignLeft);
  auto *layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  for (QChart *chart : {m_completions, m_in_flight}) {
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    layout->addWidget(view);
  }
  m_in_flight->setToolTip(tr("Tasks submitted and not yet finished, read from the run's "
                             "counters about ten times a second."));
}

void LiveChart::reset(const Experiment &experiment) {
  m_completions->removeAllSeries();
  m_in_flight->removeAllSeries();
  m_done_lines.clear();
  m_flight_lines.clear();
  m_load = experiment.load;
  m_max_x = 1;
  const double tasks = static_cast<double>(experiment.load.tasks) * experiment.repeats;
  m_y_completions->setRange(0, std::max(1.0, tasks));
  const double flight =
      experiment.load.kind == LoadKind::closed
          ? static_cast<double>(std::min(experiment.load.clients, experiment.load.tasks))
          : static_cast<double>(experiment.load.tasks);
  m_y_in_flight->setRange(0, std::max(1.0, flight * 1.05));
  m_y_in_flight->applyNiceNumbers();
  m_y_completions->applyNiceNumbers();
  for (QValueAxis *x : {m_x_completions, m_x_in_flight})
    x->setRange(0, 1);
  for (std::size_t i = 0; i < experiment.variants.size(); ++i) {
    const QString label = QString::fromStdString(experiment.variants[i].label);
    auto *done = new QLineSeries;
    auto *flight_line = new QLineSeries;
    for (QLineSeries *s : {done, flight_line}) {
      s->setName(label);
      s->setPen(QPen(variant_colour(static_cast<int>(i)), 2));
    }
    attach(m_completions, done, m_x_completions, m_y_completions);
    attach(m_in_flight, flight_line, m_x_in_flight, m_y_in_flight);
    m_done_lines.push_back(done);
    m_flight_lines.push_back(flight_line);
  }
}

void LiveChart::add_progress(const RunProgress &p) {
  if (p.variant >= m_done_lines.size())
    return;
  const double finished = static_cast<double>(p.finished);
  const double total = static_cast<double>(std::max(p.total, p.finished)); // see RunController
  const double done = finished + total * p.repeat;
  m_done_lines[p.variant]->append(p.elapsed_s, done);
  m_flight_lines[p.variant]->append(p.elapsed_s, static_cast<double>(p.in_flight));
  if (p.elapsed_s > m_max_x) {
    m_max_x = p.elapsed_s * 1.25; // grow in steps so the axis does not jitter
    for (QValueAxis *x : {m_x_completions, m_x_in_flight}) {
      x->setRange(0, m_max_x);
      x->applyNiceNumbers();
    }
    m_max_x = m_x_completions->max();
  }
}

int LiveChart::points(int variant) const {
  return variant >= 0 && variant < static_cast<int>(m_done_lines.size())
             ? static_cast<int>(m_done_lines[static_cast<std::size_t>(variant)]->count())
             : 0;
}

} // namespace conlab::ui
