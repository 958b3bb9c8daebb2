#include "ui/i18n/core_text.h"

#include "ui/i18n/phrase_table.h"

#include <QCoreApplication>

#include <array>

namespace conlab::ui {
namespace {

QString from(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The presets' descriptions live in resources/presets/*.json, which lupdate cannot read: they are
// repeated here for it. tests/ui/i18n checks that every preset's description has a translation, so
// an edited description cannot go untranslated unnoticed.
[[maybe_unused]] constexpr std::array kPresetDescriptions = {
    // cpu-share-sweep
    QT_TRANSLATE_NOOP(
        "conlab::presets",
        "What happens when part of the work is CPU? Each of 32 tasks takes 50 ms, a share of it "
        "computing and the rest in a blocking call; the share goes from 0 to 80% and the pool "
        "from 1 to 16 threads. Waiting overlaps across threads, computing only across cores, so "
        "the more of the work is CPU, the less a big pool helps. The event loop runs everything "
        "on one thread whatever the share."),
    // gil-convoy
    QT_TRANSLATE_NOOP(
        "conlab::presets",
        "The convoy effect of CPython's GIL. One thread makes 200 blocking waits of 1 ms, one "
        "after another: alone, about 0.2 s. Beside a thread that computes all the time in the "
        "same process, every wake-up of the waiting thread, when it picks up its next task and "
        "when its wait ends, is a wait for the GIL: the computing thread holds it and drops it "
        "only when asked, after the switch interval of 5 ms, so every 1 ms task takes about 11 "
        "ms. Without a GIL (C++, or free-threaded Python 3.13t) the computing thread only takes a "
        "core and the waits keep their time. Compare the response time p50 and the GIL wait of "
        "the three."),
    // concurrency-sweep
    QT_TRANSLATE_NOOP(
        "conlab::presets",
        "Where does a thread stop paying for itself? The same task, ten waits of 10 ms with a "
        "moment of computation between them, at 10, 100, 1,000, 10,000 and 100,000 tasks in "
        "flight at once. On one event loop a wait costs less and less CPU as the tasks grow, "
        "since the loop's own fixed costs are shared out, down to a µs or so, and a task a few "
        "hundred bytes. A thread's wait is a trip through the kernel at every size, a context "
        "switch each and tens of µs of CPU, and starting the threads comes on top: at 10,000 a "
        "thread per task needs seconds for 100 ms of waiting. The sweep runs each thread model "
        "up to the machine's thread limit and says which limit stopped it. A pool of 1,000 "
        "threads keeps its cost per wait but queues the tasks beyond 1,000. Chart "
        "memory_per_task, cpu_per_wait or switches_per_task against N."),
    // coroutine-vs-thread
    QT_TRANSLATE_NOOP(
        "conlab::presets",
        "Coroutine vs thread at the scale where it matters. 10,000 tasks at once, each waiting "
        "1 ms and computing 10 µs, 100 times over: a million waits in all, and 10 s of "
        "computation. So every design is bound by the CPU, and what sets them apart is what "
        "each wait costs besides the task's own 10 µs. Coroutines on one event loop switch "
        "without the kernel: a fraction of a µs a wait, a few hundred bytes a task, and the "
        "loop computes everything on one core (10 s); a loop per core halves that. A thread per "
        "task, or a pool of 1,000, blocks and wakes a thread in the kernel at every wait: about "
        "100 context switches a task, ten µs of CPU a wait beyond the computation, and a thread "
        "start each, so on 2 cores it takes about twice the time the computation needs. A pool "
        "of as many threads as cores runs only that many tasks at once, each 100 × 1 ms: about "
        "10,000 / cores × 0.1 s (more than 8 minutes on 2 cores). It runs last, and Ctrl-C or "
        "Cancel keeps what the others measured. Read the cost per task table and chart, and the "
        "ratios in the explanations."),
    // python-cpu-bound
    QT_TRANSLATE_NOOP(
        "conlab::presets",
        "The article's advice for CPU-bound work, put to the test under CPython. 8 tasks of 100 "
        "ms of pure-Python computation each. The event loop computes them one after another: 0.8 "
        "s. A thread pool of as many threads as cores, as the article advises, is no faster under "
        "the GIL: one thread runs Python code at a time, so it takes 0.8 s too, its threads "
        "waiting for the lock. Without a GIL (C++, or free-threaded Python 3.13t) the same pool "
        "uses every core: 0.4 s on 2 cores. A process pool of as many processes as cores has an "
        "interpreter in each process and gets that speed-up under the GIL, for the measured cost "
        "of starting its workers and sending each task over. Compare the makespans, the GIL wait "
        "and the workers' start."),
    // fastapi-article
    QT_TRANSLATE_NOOP(
        "conlab::presets",
        "The FastAPI article: four endpoints that each wait 1 s in a different style, hit by 100 "
        "concurrent requests. The article reported /a 100 s, /b 1 s, /c 1 s, /d 3 s."),
    // io-vs-cpu
    QT_TRANSLATE_NOOP(
        "conlab::presets",
        "Why async helps with waiting but not with computing. 40 tasks arrive at once. One event "
        "loop finishes 40 waits of 100 ms in about 100 ms, because waiting costs no thread; the "
        "same loop needs 40 × 20 ms = 0.8 s of computation, because it computes on one core. Only"
        " the designs that run the computation on several threads (a pool, a thread per task, a "
        "loop that offloads, one loop per core) use more than one core, and even they are at best"
        " as many times faster as there are cores."),
    // pool-size-sweep
    QT_TRANSLATE_NOOP(
        "conlab::presets",
        "How many threads? 64 tasks over a pool of P threads, P from 1 to 64. Blocking waits "
        "overlap as far as the pool lets them, so their throughput doubles with P until P reaches"
        " 64. Work that computes for 20 ms of every 100 ms stops paying once the cores are busy: "
        "the knee is near P = 5 × cores. The event loop that offloads to an executor of P threads"
        " follows the pool."),
    // pool-size
    QT_TRANSLATE_NOOP(
        "conlab::presets",
        "How the size of a thread pool limits blocking work. 64 tasks each make a blocking call "
        "of 100 ms. A pool of P threads runs them in ⌈64/P⌉ waves, so doubling P halves the time "
        "until P reaches 64. The last variant spends 10 ms of each task computing: the waits "
        "still overlap, the computation only as far as the cores allow."),
};

// The words of prediction.cpp's formulas, longest first; the math between them stays.
constexpr std::array<const char *, 17> kFormulaPhrases = {
    QT_TRANSLATE_NOOP("conlab::formulas",
                      " (S includes (w+1)·I = %1: the task's start and each wait's end take up to "
                      "one switch interval for the GIL)"),
    QT_TRANSLATE_NOOP("conlab::formulas", " + the workers' start, measured: "),
    QT_TRANSLATE_NOOP("conlab::formulas",
                      "no closed form: several threads wait for a GIL held by a CPU-bound thread"),
    QT_TRANSLATE_NOOP("conlab::formulas",
                      " (the simulator does not model the GIL or background threads)"),
    QT_TRANSLATE_NOOP("conlab::formulas", "k = M·k/(k+K) cores, K = %1 background threads"),
    QT_TRANSLATE_NOOP("conlab::formulas", "k = the GIL, shared with K = %1 background threads"),
    QT_TRANSLATE_NOOP("conlab::formulas", "no closed form: unknown model or empty workload"),
    QT_TRANSLATE_NOOP("conlab::formulas", "no closed form: steps run under different limits"),
    QT_TRANSLATE_NOOP("conlab::formulas", "no closed form: drawn durations"),
    QT_TRANSLATE_NOOP("conlab::formulas", " (Poisson arrivals: expected value)"),
    QT_TRANSLATE_NOOP("conlab::formulas", "S: all %1 tasks wait at once = "),
    QT_TRANSLATE_NOOP("conlab::formulas", ", capacity k/S = "),
    QT_TRANSLATE_NOOP("conlab::formulas", " with λ = "),
    QT_TRANSLATE_NOOP("conlab::formulas", "k = thread cap"),
    QT_TRANSLATE_NOOP("conlab::formulas", "k = 1 thread"),
    QT_TRANSLATE_NOOP("conlab::formulas", "k = M cores"),
    QT_TRANSLATE_NOOP("conlab::formulas", "k = 1 GIL"),
};
// runner.cpp wraps the formula of a simulated prediction.
constexpr std::array<const char *, 1> kSimulated = {
    QT_TRANSLATE_NOOP("conlab::formulas", "simulated (%1)")};

} // namespace

QString model_summary(const ModelInfo &model) {
  return QCoreApplication::translate("conlab::models", std::string(model.summary).c_str());
}

QString model_python_analogue(const ModelInfo &model) {
  return QCoreApplication::translate("conlab::models", std::string(model.python_analogue).c_str());
}

QString preset_description(const Preset &preset) {
  return QCoreApplication::translate("conlab::presets", preset.description.c_str());
}

QString field_error_text(const FieldError &error) {
  QString message = from(error.message);
  if (!error.format.empty()) {
    // The core's template in the lab's language, filled with the same values.
    const QString format = QCoreApplication::translate("conlab::errors", error.format.c_str());
    message = from(fill_placeholders(format.toStdString(), error.args));
  }
  if (error.path.empty())
    return message;
  return QCoreApplication::translate("conlab::errors", "%1: %2").arg(from(error.path), message);
}

QString formula_text(const std::string &formula) {
  const QString words = PhraseTable{"conlab::formulas", kFormulaPhrases}.translate(from(formula));
  return PhraseTable{"conlab::formulas", kSimulated, true}.translate(words);
}

} // namespace conlab::ui
