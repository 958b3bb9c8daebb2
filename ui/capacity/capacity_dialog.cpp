#include "ui/capacity/capacity_dialog.h"

#include "core/analysis/simulator.h"
#include "core/capacity/capacity_probes.h"
#include "core/http/url.h"
#include "core/results/environment.h"
#include "core/util/format.h"
#include "ui/capacity/capacity_report.h"
#include "ui/charts/chart_data.h"
#include "ui/charts/chart_factory.h"
#include "ui/export/chart_export.h"

#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace conlab::ui {
namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }

bool at_a_server(const Variant &v) { return v.target && !v.target->embedded; }

} // namespace

CapacityDialog::CapacityDialog(Experiment experiment, std::size_t variant, int cores,
                               QWidget *parent)
    : QDialog(parent), m_experiment(std::move(experiment)), m_variant(variant), m_cores(cores) {
  const Variant &v = m_experiment.variants.at(m_variant);
  setWindowTitle(tr("Capacity of %1").arg(text(v.label)));
  resize(1000, 760);
  auto *layout = new QVBoxLayout(this);
  auto *intro = new QLabel(
      at_a_server(v)
          ? tr("The highest arrival rate at which %1 still meets the SLO. Requests arrive at "
               "a rate that doubles until the SLO breaks; then the search bisects, with several "
               "runs at each rate near the boundary.")
                .arg(text(v.target->url))
          : tr("The highest arrival rate at which the variant %1 (%2) still meets the SLO, run "
               "by the lab, with the simulator's answer beside it. Requests arrive at a rate that "
               "doubles until the SLO breaks; then the search bisects, with several runs at each "
               "rate near the boundary.")
                .arg(text(v.label), text(v.model)),
      this);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  auto *form = new QFormLayout;
  m_slo = new QLineEdit(QStringLiteral("p99<200ms"), this);
  m_slo->setObjectName(QStringLiteral("slo"));
  m_slo->setToolTip(tr("A percentile (p50, p99, p99.9) or the mean, '<', and a limit in us, ms "
                       "or s: p99<200ms."));
  m_minutes = new QSpinBox(this);
  m_minutes->setRange(1, 240);
  m_minutes->setValue(15);
  m_minutes->setSuffix(tr(" min"));
  m_minutes->setToolTip(tr("The search stops after about this long with the best answer so far."));
  m_runs_per_step = new QSpinBox(this);
  m_runs_per_step->setRange(1, 15);
  m_runs_per_step->setValue(3);
  m_runs_per_step->setToolTip(tr("Runs at each rate near the boundary; the majority decides."));
  form->addRow(tr("SLO"), m_slo);
  auto *limits = new QHBoxLayout;
  limits->addWidget(new QLabel(tr("At most"), this));
  limits->addWidget(m_minutes);
  limits->addWidget(new QLabel(tr("Runs per rate"), this));
  limits->addWidget(m_runs_per_step);
  limits->addStretch();
  form->addRow(limits);
  layout->addLayout(form);

  m_answer = new QLabel(this);
  m_answer->setObjectName(QStringLiteral("answer"));
  m_answer->setWordWrap(true);
  m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QFont bold = m_answer->font();
  bold.setBold(true);
  m_answer->setFont(bold);
  layout->addWidget(m_answer);
  m_chart = new QChartView(this);
  m_chart->setRenderHint(QPainter::Antialiasing);
  m_chart->setMinimumHeight(380);
  layout->addWidget(m_chart, 3);
  m_log = new QPlainTextEdit(this);
  m_log->setReadOnly(true);
  m_log->setMaximumBlockCount(1000);
  layout->addWidget(m_log, 1);

  auto *buttons = new QHBoxLayout;
  m_start = new QPushButton(tr("Start"), this);
  m_start->setObjectName(QStringLiteral("start"));
  m_save = new QPushButton(tr("Save results…"), this);
  m_export = new QPushButton(tr("Export chart…"), this);
  auto *close = new QPushButton(tr("Close"), this);
  for (QPushButton *b : {m_save, m_export})
    b->setEnabled(false);
  buttons->addWidget(m_start);
  buttons->addStretch();
  buttons->addWidget(m_save);
  buttons->addWidget(m_export);
  buttons->addWidget(close);
  layout->addLayout(buttons);
  connect(m_start, &QPushButton::clicked, this, &CapacityDialog::start);
  connect(m_save, &QPushButton::clicked, this, &CapacityDialog::save);
  connect(m_export, &QPushButton::clicked, this, &CapacityDialog::export_chart_file);
  connect(close, &QPushButton::clicked, this, &QDialog::reject);
}

CapacityDialog::~CapacityDialog() {
  m_stop.request_stop();
  if (m_worker.joinable())
    m_worker.join();
}

void CapacityDialog::set_slo_text(const QString &slo) { m_slo->setText(slo); }

QString CapacityDialog::answer_text() const { return m_answer->text(); }

void CapacityDialog::start() {
  if (running()) { // the button reads Stop
    m_stop.request_stop();
    m_start->setEnabled(false);
    m_log->appendPlainText(tr("stopping… (the runs so far are kept)"));
    return;
  }
  std::string error;
  const std::optional<Slo> slo = parse_slo(m_slo->text().toStdString(), error);
  if (!slo) {
    m_answer->setText(tr("SLO: %1").arg(text(error)));
    return;
  }
  if (m_worker.joinable())
    m_worker.join();
  m_finished = false;
  m_stop = std::stop_source();
  m_results.reset();
  CapacityLimits limits = m_limits;
  limits.max_total_s = m_minutes->value() * 60.0;
  limits.runs_per_step = m_runs_per_step->value();
  if (const std::vector<std::string> problems = check_limits(limits); !problems.empty()) {
    m_answer->setText(text(problems.front()));
    return;
  }

  const Variant &v = m_experiment.variants.at(m_variant);
  m_partial = CapacityResults{};
  m_partial.target = at_a_server(v) ? v.target->url : m_experiment.name + " --variant " + v.label;
  m_partial.arrivals = "poisson";
  if (!at_a_server(v)) {
    m_partial.variant_label = v.label;
    m_partial.model = v.model;
    m_partial.time_scale = m_experiment.time_scale;
  }
  m_partial.measured.slo = *slo;
  m_partial.measured.limits = limits;
  m_log->clear();
  m_answer->setText(tr("Searching for the highest rate that keeps %1…").arg(text(slo->text)));
  m_start->setText(tr("Stop"));
  m_save->setEnabled(false);
  m_export->setEnabled(false);
  redraw(m_partial);

  // Everything the worker needs is copied in; it talks back only through queued calls, which
  // Qt drops if the dialog has gone (the destructor joins the worker first anyway).
  m_worker = std::thread([this, e = m_experiment, index = m_variant, cores = m_cores, slo = *slo,
                          limits, partial = m_partial, stop = m_stop.get_token()] {
    CapacityResults r = partial;
    CapacityLimits measured_limits = limits;
    CapacityProbe probe;
    const Variant &variant = e.variants[index];
    if (at_a_server(variant)) {
      http::GeneratorOptions g;
      std::string url_error;
      g.request.url = *http::parse_url(variant.target->url, url_error);
      g.timeout_s = std::clamp(10 * slo.limit_s, 1.0, 60.0);
      g.stop = stop;
      probe = http_probe(g, ArrivalKind::poisson, slo, cores);
    } else {
      if (simulator_models(variant)) {
        r.predicted = predict_capacity(e, index, slo, limits, cores, true, stop);
        if (r.predicted->capacity_per_s)
          measured_limits.start_rate_per_s = *r.predicted->capacity_per_s / 8;
        QMetaObject::invokeMethod(
            this, [this, predicted = *r.predicted] { m_partial.predicted = predicted; },
            Qt::QueuedConnection);
      }
      probe = in_process_probe(e, index, slo, cores, stop);
    }
    r.measured = search_capacity(slo, measured_limits, probe, stop, [this](const CapacityRun &run) {
      QMetaObject::invokeMethod(
          this, [this, run] { run_done(run); }, Qt::QueuedConnection);
    });
    r.environment = current_environment();
    QMetaObject::invokeMethod(
        this, [this, r] { search_done(r); }, Qt::QueuedConnection);
  });
}

QString CapacityDialog::run_line(const Slo &slo, const CapacityRun &run) {
  return tr("%1/s: %2 %3, %4 (%5 requests)")
      .arg(text(human_rate(run.rate_per_s)), text(slo.metric()), capacity_value_text(run.value_s),
           capacity_verdict_text(run.met, run.queue_growing))
      .arg(run.requests);
}

void CapacityDialog::run_done(const CapacityRun &run) {
  m_partial.measured.runs.push_back(run);
  m_log->appendPlainText(run_line(m_partial.measured.slo, run));
  redraw(m_partial);
}

void CapacityDialog::search_done(const CapacityResults &results) {
  m_finished = true;
  m_results = results;
  m_answer->setText(text(describe_capacity(results.measured)));
  if (results.predicted)
    m_log->appendPlainText(tr("predicted (simulator, ideal machine): %1")
                               .arg(text(describe_capacity(*results.predicted))));
  redraw(results);
  m_start->setText(tr("Start"));
  m_start->setEnabled(true);
  m_save->setEnabled(true);
  m_export->setEnabled(true);
  Q_EMIT finished_search();
}

void CapacityDialog::redraw(const CapacityResults &results) {
  QChart *old = m_chart->chart();
  m_chart->setChart(make_chart(ChartKind::capacity, build_chart_data(results)));
  delete old; // QChartView gives the old chart back to its caller
}

void CapacityDialog::save() {
  if (!m_results)
    return;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save the capacity search"), QStringLiteral("capacity.json"), tr("JSON (*.json)"));
  if (path.isEmpty())
    return;
  try {
    save_capacity(*m_results, path.toStdString());
  } catch (const std::exception &e) {
    QMessageBox::warning(this, tr("Could not save"), text(e.what()));
  }
}

void CapacityDialog::export_chart_file() {
  if (!m_results)
    return;
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export the chart"), QStringLiteral("capacity.png"),
                                   tr("Charts (*.png *.svg *.pdf)"));
  if (path.isEmpty())
    return;
  ExportOptions options;
  options.format = format_from_name(QFileInfo(path).suffix().toLower()).value_or(ExportFormat::png);
  if (const QString error =
          export_chart(ChartKind::capacity, build_chart_data(*m_results), path, options);
      !error.isEmpty())
    QMessageBox::warning(this, tr("Could not export"), error);
}

} // namespace conlab::ui
