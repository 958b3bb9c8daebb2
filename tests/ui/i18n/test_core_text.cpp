// The core's English texts as the desktop lab shows them: without a translation, word for word
// what the CLI prints; in Simplified Chinese, with no English sentence left — every cause of an
// explanation, every kind of prediction formula, every model and preset.
#include "core/analysis/explanation.h"
#include "core/analysis/prediction.h"
#include "core/analysis/simulator.h"
#include "core/engine/model_registry.h"
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"
#include "core/results/results_json.h"
#include "core/sweep/sweep_analysis.h"
#include "ui/i18n/core_text.h"
#include "ui/i18n/language.h"
#include "ui/run/explanation_text.h"
#include "ui/sweep/sweep_findings_text.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include <cmath>
#include <random>

using namespace conlab;
using namespace conlab::ui;

namespace {

// Words that stay as they are in every language: identifiers (models, pools, fields, the test's
// own bad names), Python and Qt names, units.
const QSet<QString> &kept_words() {
  static const QSet<QString> words = [] {
    const QStringList list =
        QStringLiteral(
            "min max Python AnyIO CPU async def await uvicorn asyncio workers FastAPI "
            "QCoro QtConcurrent Qt loop.run_in_executor None time.sleep "
            "threading.Thread OS thread_per_task max_ms python_default_executor "
            "anyio_default cores bogus thread_pol thread_pool event_loop "
            "event_loop_offload multi_loop qt_event_loop variants GB MB JSON null true false "
            "schema min_ms mean_ms rate_per_s step_ms step_index clients from step embedded url "
            "http HTTP host port path cpu conlab USL GIL CPython cpython gil switch_interval_ms "
            "background_cpu_threads process_pool processes ProcessPoolExecutor fork "
            "memory_per_task "
            "cpu_per_wait switches_per_task Ctrl watch PID")
            .split(QLatin1Char(' '));
    return QSet<QString>(list.begin(), list.end());
  }();
  return words;
}

// English words of three letters or more that are not kept as they are.
QStringList english_words(const QString &text) {
  static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z_.]*[A-Za-z]"));
  QStringList out;
  for (auto it = word.globalMatch(text); it.hasNext();) {
    const QString w = it.next().captured();
    if (w.size() >= 3 && !kept_words().contains(w))
      out << w;
  }
  return out;
}

// Facts for every cause, pool, prediction verdict and claim the explanation knows.
QList<ExplanationFacts> every_kind_of_facts() {
  QList<ExplanationFacts> out;
  ExplanationFacts nothing;
  nothing.nothing_finished = true;
  out << nothing;
  for (int c = 0; c <= static_cast<int>(ExplanationCause::waits_overlapped); ++c)
    for (int pool = 0; pool <= static_cast<int>(PoolKind::plain); ++pool)
      for (int ending = 0; ending < 7; ++ending) {
        ExplanationFacts f;
        f.cause = static_cast<ExplanationCause>(c);
        f.pool = static_cast<PoolKind>(pool);
        f.pool_threads = 6;
        f.share = 0.83;
        f.lag_measured = pool % 2 == 0;
        f.worst_lag_s = 0.98;
        f.overlap = 6.2;
        f.cores = 2;
        f.waves = ending % 2 ? 17 : 1;
        f.tasks = 100;
        f.completed = ending == 6 ? 40 : 100;
        f.gil_threads = 2;
        f.forced_switches = 41;
        f.gil_waits_only = ending % 2 == 0;
        f.gil_wait_per_wake_s = 0.0052;
        f.switch_interval_s = 0.005;
        f.own_thread = pool == 0 && ending % 3 == 0;
        if (ending < 3)
          f.prediction =
              PredictionCheck{1.7, 1.5, 0.133, static_cast<PredictionCheck::Verdict>(ending)};
        if (ending >= 3 && ending < 6)
          f.claim = ClaimCheck{1, 17, ending == 3, ending == 4, 6, 17};
        out << f;
      }
  return out;
}

ExplanationFacts random_facts(std::mt19937 &rng) {
  auto u = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  ExplanationFacts f;
  f.nothing_finished = pick(20) == 0;
  f.cause = static_cast<ExplanationCause>(pick(8));
  f.gil_threads = pick(40);
  f.forced_switches = u(0, 5000);
  f.gil_waits_only = pick(2);
  f.gil_wait_per_wake_s = u(0, 0.05);
  f.switch_interval_s = u(0.0001, 1);
  f.share = u(0, 1.2);
  f.lag_measured = pick(2);
  f.worst_lag_s = u(0, 3);
  f.overlap = u(0, 200);
  f.cores = 1 + pick(64);
  f.pool = static_cast<PoolKind>(pick(4));
  f.pool_threads = 1 + pick(100);
  f.waves = pick(30);
  f.tasks = static_cast<std::uint32_t>(1 + pick(10'000));
  f.completed = pick(5) ? f.tasks : static_cast<std::uint32_t>(pick(static_cast<int>(f.tasks)));
  if (pick(2))
    f.prediction = PredictionCheck{u(0.001, 200), u(0.001, 200), u(-1, 3),
                                   static_cast<PredictionCheck::Verdict>(pick(3))};
  if (pick(2))
    f.claim = ClaimCheck{u(0.001, 100),
                         u(0.001, 100),
                         pick(2) == 0,
                         pick(2) == 0,
                         static_cast<double>(1 + pick(40)),
                         static_cast<double>(pick(30))};
  return f;
}

// Formulas of every kind the prediction writes, and the runner's wrapping of a simulated one.
std::vector<std::string> every_kind_of_formula() {
  const Step io{StepKind::io, Duration{DistributionKind::fixed, 100, 0, 0}};
  const Step blocking{StepKind::blocking_io, Duration{DistributionKind::fixed, 100, 0, 0}};
  const Step cpu{StepKind::cpu, Duration{DistributionKind::fixed, 10, 0, 0}};
  const Step drawn{StepKind::io, Duration{DistributionKind::exponential, 100, 0, 0}};
  Load closed{.kind = LoadKind::closed, .tasks = 100, .clients = 100};
  Load few_clients = closed;
  few_clients.clients = 5;
  Load open{.kind = LoadKind::open, .tasks = 100, .rate_per_s = 50};
  Load poisson = open;
  poisson.arrivals = ArrivalKind::poisson;
  std::vector<std::string> out;
  auto add = [&](const std::string &model, std::vector<Step> steps, const Load &load) {
    Variant v;
    v.label = "v";
    v.model = model;
    v.steps = std::move(steps);
    out.push_back(predict(v, load, 1, 2).formula);
  };
  for (const ModelInfo *m : model_registry())
    for (const auto &steps : {std::vector{io}, std::vector{blocking}, std::vector{cpu},
                              std::vector{io, cpu}, std::vector{drawn}, std::vector<Step>{}})
      for (const Load &load : {closed, few_clients, open, poisson})
        add(std::string(m->name), steps, load);
  add("no_such_model", {io}, closed);
  // Under a GIL, beside background threads, and both.
  for (const ModelInfo *m : model_registry())
    for (const auto &steps : {std::vector{cpu}, std::vector{blocking}, std::vector{io, cpu}})
      for (int background : {0, 1})
        for (bool gil : {false, true}) {
          Variant v;
          v.label = "v";
          v.model = std::string(m->name);
          v.steps = steps;
          if (gil)
            v.gil = GilKind::cpython;
          if (background)
            v.background_cpu_threads = background;
          out.push_back(predict(v, few_clients, 1, 2).formula);
          Load one = closed;
          one.clients = 1;
          out.push_back(predict(v, one, 1, 2).formula);
          if (!simulator_models(v) && !out.back().empty() && out.back().starts_with("no closed"))
            out.push_back(out.back() +
                          " (the simulator does not model the GIL or background threads)");
        }
  out.push_back("simulated (no closed form: drawn durations)");
  return out;
}

// Experiments with every mistake validate_experiment names, one error or more each.
std::vector<FieldError> every_kind_of_error() {
  auto variant = [](std::string model) {
    Variant v;
    v.label = "/v";
    v.model = std::move(model);
    v.steps = {Step{StepKind::io, Duration{DistributionKind::fixed, 100, 0, 0}}};
    return v;
  };
  Experiment bad;
  bad.name = "";
  bad.time_scale = 0;
  bad.repeats = 0;
  bad.load.tasks = 60'000'000;
  bad.load.clients = 0;
  Variant unknown = variant("thread_pol"), nameless = variant(""), unused = variant("event_loop");
  unused.label = "/u";
  unused.pool_size = PoolSize{"", 4};
  Variant pool = variant("thread_pool"), named = variant("event_loop_offload");
  pool.label = "/p";
  pool.pool_size = PoolSize{"", 5000};
  pool.offload = true;
  pool.claimed_makespan_s = -1;
  named.label = "/n";
  named.pool_size = PoolSize{"bogus", 0};
  Variant loops = variant("multi_loop"), steps = variant("thread_pool");
  loops.label = "/l";
  loops.loops = 0;
  steps.label = "/s";
  steps.steps = {Step{StepKind::io, Duration{DistributionKind::uniform, 0, 50, 10}},
                 Step{StepKind::io, Duration{DistributionKind::fixed, 4e6, 0, 0}},
                 Step{StepKind::io, Duration{DistributionKind::fixed, NAN, 0, 0}},
                 Step{StepKind::io, Duration{DistributionKind::exponential, 0, 0, 0}}};
  Variant empty = variant("thread_pool");
  empty.label = "/s"; // a duplicate too
  empty.steps.clear();
  Variant gil = variant("thread_pool"), http = variant("thread_pool"), lone = variant("event_loop");
  gil.label = "/g";
  gil.gil = GilKind::cpython;
  gil.switch_interval_ms = 0;
  gil.background_cpu_threads = 65;
  http.label = "/h";
  http.gil = GilKind::cpython;
  http.background_cpu_threads = 1;
  http.target = HttpTarget{.embedded = true};
  lone.label = "/i";
  lone.switch_interval_ms = 5; // without a GIL
  bad.variants = {unknown, nameless, unused, pool, named, loops, steps, empty, gil, http, lone};
  std::vector<FieldError> out = validate_experiment(bad, 2);
  Experiment memory = bad; // valid but for its samples' memory
  memory.name = "m";
  memory.time_scale = 1;
  memory.repeats = 1000;
  memory.load = {.kind = LoadKind::open, .tasks = 40'000'000, .rate_per_s = 0};
  memory.variants = {variant("thread_per_task")};
  for (FieldError &e : validate_experiment(memory, 2))
    out.push_back(std::move(e));
  Experiment threads = memory;
  threads.load = {.kind = LoadKind::closed, .tasks = 5000, .clients = 5000};
  threads.variants.push_back(variant("event_loop"));
  threads.variants.back().label = "/e";
  threads.variants.back().pool_size = PoolSize{"", 2};
  for (FieldError &e : validate_experiment(threads, 2))
    out.push_back(std::move(e));
  Experiment none = threads;
  none.variants.clear();
  for (FieldError &e : validate_experiment(none, 2))
    out.push_back(std::move(e));
  return out;
}

// Experiment and results files with every kind of mistake the readers name.
std::vector<FieldError> every_kind_of_file_error() {
  const char *const experiments[] = {
      "",
      "{\"name\": \"cut",
      "[]",
      R"({"schema": "conlab.results/1"})",
      R"({"schema": "x", "name": 5, "seeed": 1, "repeats": true, "variants": {},
          "load": {"kind": "closed", "tasks": "a", "clients": 1.5, "rate_per_s": 3}})",
      R"({"name": "e", "load": {"kind": "half", "tasks": 1},
          "variants": [{"label": "a", "model": "thread_pool", "pool_size": true, "target": 5,
                        "steps": [{"kind": "io", "distribution": "uniform", "ms": 1,
                                   "mean_ms": 2, "min_ms": 1, "max_ms": 2}]},
                       {"label": "b", "model": "event_loop",
                        "steps": [{"kind": "io", "distribution": "exponential", "ms": 1,
                                   "min_ms": 1, "mean_ms": 2}]}]})",
      R"({"name": "e", "load": {"kind": "open", "tasks": 4, "rate_per_s": 1, "clients": 2},
          "variants": [{"label": "a", "model": "event_loop", "steps": [{"kind": "io", "ms": 1}]}],
          "sweep": {"parameters": [{"parameter": "bogus", "values": [1]},
                                   {"parameter": "step_ms", "step_index": -1, "values": [1],
                                    "range": {"from": 1, "to": 2, "step": 1}},
                                   {"parameter": "pool_size", "values": ["a"]}]}})",
      R"({"name": "e", "load": {"kind": "open", "tasks": 4, "rate_per_s": 1},
          "variants": [{"label": "a", "model": "event_loop", "steps": [{"kind": "io", "ms": 1}]}],
          "sweep": {"parameters": [{"parameter": "loops", "values": [0, 0]},
                                   {"parameter": "clients", "range": {"from": 5, "to": 1,
                                                                      "step": 1}}]}})",
      R"({"name": "e", "load": {"kind": "closed", "tasks": 4, "clients": 4},
          "variants": [{"label": "a", "model": "thread_pool", "steps": [{"kind": "io", "ms": 1}]}],
          "sweep": {"parameters": [{"parameter": "rate_per_s", "values": [0]},
                                   {"parameter": "pool_size", "range": {"from": 1, "to": 9,
                                                                        "step": 1,
                                                                        "scale": "log"}}]}})",
      R"({"name": "e", "load": {"kind": "closed", "tasks": 4, "clients": 4},
          "variants": [{"label": "a", "model": "thread_pool", "steps": [{"kind": "io", "ms": 1}]}],
          "sweep": {"parameters": [{"parameter": "cpu_share", "values": [2]},
                                   {"parameter": "step_ms", "step_index": 3, "range":
                                    {"from": 0, "to": 9, "step": 2, "scale": "log"}}]}})",
      R"({"name": "e", "load": {"kind": "closed", "tasks": 4, "clients": 4},
          "variants": [{"label": "a", "model": "thread_pool", "steps": [{"kind": "io", "ms": 1}]}],
          "sweep": {"parameters": [{"parameter": "pool_size", "values": [1]},
                                   {"parameter": "pool_size", "values": [2]},
                                   {"parameter": "tasks", "range": {"from": 1, "to": 1e9,
                                                                    "step": 0}}]}})",
      R"({"name": "e", "load": {"kind": "closed", "tasks": 4, "clients": 4},
          "variants": [{"label": "a", "model": "thread_pool", "steps": [{"kind": "io", "ms": 1}]}],
          "sweep": {"parameters": [{"parameter": "tasks", "range": {"from": 1, "to": 5000,
                                                                    "step": 1}}]}})",
      R"({"name": "e", "load": {"kind": "closed", "tasks": 4, "clients": 4},
          "variants": [{"label": "a", "model": "thread_pool", "steps": [{"kind": "io", "ms": 1}]}],
          "sweep": {"parameters": [{"parameter": "pool_size", "values": [1, 3000]}]}})",
  };
  std::vector<FieldError> out;
  for (const char *text : experiments)
    try {
      parse_experiment_text(text, 2);
    } catch (const SpecError &e) {
      out.insert(out.end(), e.errors().begin(), e.errors().end());
    }
  const char *const results[] = {R"([])",
                                 R"({"status": "completed"})",
                                 R"({"schema": "conlab.results/9"})",
                                 R"({"schema": "conlab.results/x"})",
                                 R"({"schema": "conlab.experiment/1"})",
                                 R"({"schema": "x"})"};
  for (const char *text : results)
    try {
      results_from_text(text, "r.json");
    } catch (const SpecError &e) {
      out.insert(out.end(), e.errors().begin(), e.errors().end());
    }
  return out;
}

// The Chinese of an error, less its path (an identifier) and the Boost.JSON syntax message.
QString chinese_part(const FieldError &e) {
  QString text = field_error_text(e);
  if (!e.path.empty()) {
    if (!text.startsWith(QString::fromStdString(e.path)))
      return QStringLiteral("path moved: ") + text;
    text = text.mid(static_cast<qsizetype>(e.path.size()));
  }
  for (const std::string &arg : e.args) // values are data: names, numbers, the JSON parser's words
    text.remove(QString::fromStdString(arg));
  return text;
}

// A sweep of one thread_pool variant measured by hand: throughput 64 / makespan at each point.
struct HandSweep {
  Experiment experiment;
  SweepResults results;
};

HandSweep hand_sweep(std::vector<SweepAxis> axes, const std::vector<std::vector<double>> &points,
                     const std::vector<double> &measured, const std::vector<double> &simulated) {
  HandSweep out;
  Variant v;
  v.label = "/p";
  v.model = "thread_pool";
  v.steps = {Step{StepKind::blocking_io, Duration{DistributionKind::fixed, 60, 0, 0}},
             Step{StepKind::cpu, Duration{DistributionKind::fixed, 40, 0, 0}}};
  out.experiment.name = "s";
  out.experiment.load = {.kind = LoadKind::closed, .tasks = 64, .clients = 64};
  out.experiment.variants = {v};
  out.experiment.sweep = Sweep{.axes = std::move(axes)};
  for (std::size_t i = 0; i < points.size(); ++i) {
    SweepVariantPoint vp;
    vp.measurements.push_back(
        {.repeat = 0,
         .order = i,
         .complete = true,
         .metrics = SweepMetrics{.makespan_s = measured[i], .throughput_per_s = 64 / measured[i]}});
    vp.simulated = SweepMetrics{.makespan_s = simulated[i], .throughput_per_s = 64 / simulated[i]};
    out.results.points.push_back({points[i], {vp}});
  }
  return out;
}

// Sweeps whose analysis names every kind of finding: a knee inside with a USL fit, a flat curve,
// one still growing, disagreements with the simulation, and a two-axis grid of step and CPU share.
std::vector<HandSweep> every_kind_of_sweep() {
  const SweepAxis pools{.parameter = SweepParameter::pool_size};
  const std::vector<std::vector<double>> p5 = {{1}, {2}, {4}, {8}, {16}};
  std::vector<HandSweep> out;
  out.push_back(
      hand_sweep({pools}, p5, {6.4, 3.2, 1.6, 64 / 42.0, 64 / 42.0}, {6.4, 3.2, 1.6, 0.8, 0.4}));
  out.push_back(hand_sweep({pools}, p5, {6.4, 6.3, 6.4, 6.35, 6.4}, {6.4, 6.4, 6.4, 6.4, 6.4}));
  out.push_back(hand_sweep({pools}, p5, {6.4, 3.2, 1.6, 0.8, 0.4}, {6.4, 3.2, 1.6, 0.8, 0.4}));
  out.push_back(
      hand_sweep({pools}, {{1}, {2}, {4}, {8}}, {6.5, 3.3, 1.9, 1.2}, {6.4, 3.2, 1.6, 0.8}));
  const SweepAxis step{.parameter = SweepParameter::step_ms, .step_index = 0};
  const SweepAxis share{.parameter = SweepParameter::cpu_share};
  out.push_back(hand_sweep({step, share}, {{10, 0.2}, {10, 0.8}, {50, 0.2}, {50, 0.8}},
                           {1, 2, 3, 9}, {1, 2, 3, 4}));
  return out;
}

} // namespace

class TestCoreText : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void init() { install_translations(QLocale(QStringLiteral("en"))); }
  void cleanupTestCase() { install_translations(QLocale(QStringLiteral("en"))); }

  void english_explanations_are_the_cores() {
    for (const ExplanationFacts &f : every_kind_of_facts())
      QCOMPARE(ExplanationText::words(f), QString::fromStdString(explain(f)));
    std::mt19937 rng(7);
    for (int i = 0; i < 20'000; ++i) {
      const ExplanationFacts f = random_facts(rng);
      QCOMPARE(ExplanationText::words(f), QString::fromStdString(explain(f)));
    }
  }

  void english_core_texts_are_unchanged() {
    for (const ModelInfo *m : model_registry()) {
      QCOMPARE(model_summary(*m).toStdString(), std::string(m->summary));
      QCOMPARE(model_python_analogue(*m).toStdString(), std::string(m->python_analogue));
    }
    for (const Preset &p : presets())
      QCOMPARE(preset_description(p).toStdString(), p.description);
    for (const std::string &formula : every_kind_of_formula())
      QCOMPARE(formula_text(formula).toStdString(), formula);
    for (const FieldError &e : every_kind_of_error())
      QCOMPARE(field_error_text(e).toStdString(), e.to_string());
    for (const FieldError &e : every_kind_of_file_error())
      QCOMPARE(field_error_text(e).toStdString(), e.to_string());
  }

  // Every message the readers and the checks write comes from a template the lab translates.
  void every_error_message_has_a_template() {
    std::vector<FieldError> errors = every_kind_of_error();
    const std::vector<FieldError> file_errors = every_kind_of_file_error();
    errors.insert(errors.end(), file_errors.begin(), file_errors.end());
    QVERIFY(file_errors.size() >= 45);
    QSet<QString> formats;
    for (const FieldError &e : errors) {
      QVERIFY2(!e.format.empty(), e.to_string().c_str());
      QCOMPARE(fill_placeholders(e.format, e.args), e.message);
      formats.insert(QString::fromStdString(e.format));
    }
    QVERIFY2(formats.size() >= 60, qPrintable(QString::number(formats.size())));
  }

  void english_sweep_findings_are_the_cores() {
    int findings = 0;
    for (const HandSweep &h : every_kind_of_sweep()) {
      const SweepAnalysis a = analyze_sweep(h.experiment, h.results);
      QCOMPARE(a.variants.size(), std::size_t(1));
      QStringList core;
      for (const std::string &f : a.variants[0].findings)
        core << QString::fromStdString(f);
      QCOMPARE(SweepText::findings(*h.experiment.sweep, h.results, a.variants[0]), core);
      findings += static_cast<int>(core.size());
    }
    QVERIFY(findings >= 8);
  }

  void chinese_sweep_findings_have_no_english_left() {
    QVERIFY(install_translations(QLocale(QStringLiteral("zh_CN"))));
    QStringList problems;
    for (const HandSweep &h : every_kind_of_sweep()) {
      const SweepAnalysis a = analyze_sweep(h.experiment, h.results);
      for (const QString &f : SweepText::findings(*h.experiment.sweep, h.results, a.variants[0]))
        if (const QStringList left = english_words(f); !left.isEmpty())
          problems << f + QStringLiteral(" ← ") + left.join(' ');
      for (const SweepAxis &axis : h.experiment.sweep->axes)
        for (const QString &text : {SweepText::parameter_title(axis.parameter),
                                    SweepText::axis_label(axis), SweepText::value(axis, 0.5)})
          if (const QStringList left = english_words(text); !left.isEmpty())
            problems << text + QStringLiteral(" ← ") + left.join(' ');
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
  }

  void chinese_explanations_have_no_english_left() {
    QVERIFY(install_translations(QLocale(QStringLiteral("zh_CN"))));
    for (const ExplanationFacts &f : every_kind_of_facts()) {
      const QString words = ExplanationText::words(f);
      QVERIFY2(english_words(words).isEmpty(),
               qPrintable(words + QStringLiteral(" ← ") + english_words(words).join(' ')));
      static const QRegularExpression placeholder(QStringLiteral("%\\d"));
      QVERIFY2(!words.contains(placeholder), qPrintable(words)); // every placeholder filled
    }
  }

  void chinese_core_texts_have_no_english_left() {
    QVERIFY(install_translations(QLocale(QStringLiteral("zh_CN"))));
    QStringList texts;
    for (const ModelInfo *m : model_registry())
      texts << model_summary(*m) << model_python_analogue(*m);
    for (const Preset &p : presets())
      texts << preset_description(p);
    for (const std::string &formula : every_kind_of_formula())
      texts << formula_text(formula);
    for (const QString &text : texts)
      QVERIFY2(english_words(text).isEmpty(),
               qPrintable(text + QStringLiteral(" ← ") + english_words(text).join(' ')));
  }

  void chinese_validation_errors_have_no_english_left() {
    QVERIFY(install_translations(QLocale(QStringLiteral("zh_CN"))));
    std::vector<FieldError> errors = every_kind_of_error();
    QVERIFY(errors.size() >= 22);
    const std::vector<FieldError> file_errors = every_kind_of_file_error();
    for (const FieldError &e : file_errors)
      errors.push_back(e);
    QStringList problems;
    for (const FieldError &e : errors)
      if (const QStringList left = english_words(chinese_part(e)); !left.isEmpty())
        problems << field_error_text(e) + QStringLiteral(" ← ") + left.join(' ');
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
  }

  void the_math_of_a_formula_survives_translation() {
    QVERIFY(install_translations(QLocale(QStringLiteral("zh_CN"))));
    QCOMPARE(formula_text("⌈N/k⌉·S, k = P = 6 → ⌈100/6⌉ × 1.00 s = 17.0 s"),
             QStringLiteral("⌈N/k⌉·S, k = P = 6 → ⌈100/6⌉ × 1.00 s = 17.0 s"));
    QCOMPARE(formula_text("S: all 100 tasks wait at once = 1.00 s"),
             QStringLiteral("S：全部 100 个任务同时等待 = 1.00 s"));
    QCOMPARE(formula_text("simulated (no closed form: drawn durations)"),
             QStringLiteral("模拟得出（无闭式解：时长为随机抽取）"));
  }

  void english_needs_no_translation_and_chinese_is_found() {
    QVERIFY(!install_translations(QLocale(QStringLiteral("en_US"))));
    QVERIFY(install_translations(QLocale(QStringLiteral("zh_CN"))));
    QCOMPARE(ExplanationText::tr("No task finished, so there is nothing to explain yet."),
             QStringLiteral("没有任务完成，暂时没有可解释的内容。"));
    QVERIFY(!install_translations(QLocale(QStringLiteral("en"))));
    QCOMPARE(ExplanationText::tr("No task finished, so there is nothing to explain yet."),
             QStringLiteral("No task finished, so there is nothing to explain yet."));
  }

  void the_choices_offer_the_system_english_and_chinese() {
    QStringList codes;
    for (const LanguageChoice &c : language_choices())
      codes << c.code;
    QCOMPARE(codes, (QStringList{QString(), QStringLiteral("en"), QStringLiteral("zh_CN")}));
    QCOMPARE(ui_locale(QStringLiteral("zh_CN")).language(), QLocale::Chinese);
    QCOMPARE(ui_locale(QString()), QLocale::system());
  }
};

QTEST_GUILESS_MAIN(TestCoreText)
#include "test_core_text.moc"
