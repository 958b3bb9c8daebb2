// The editor's sweep section: a sweep set up through its widgets is the expected
// Experiment::sweep, the sweep presets load into the widgets, and bad values are shown at the
// field they concern and stop the run.
#include "tests/ui/ui_fixtures.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/sweep/sweep_axis_editor.h"
#include "ui/sweep/sweep_editor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QtTest>

using namespace conlab;
using namespace conlab::ui;

namespace {

void choose(QComboBox *box, const QString &data) {
  const int index = box->findData(data);
  QVERIFY2(index >= 0, qPrintable(data));
  box->setCurrentIndex(index);
}

void type(QLineEdit *edit, const QString &text) {
  edit->selectAll();
  QTest::keyClick(edit, Qt::Key_Delete);
  QTest::keyClicks(edit, text);
}

// For failure messages: QVERIFY2 evaluates its message even when the check passes.
std::string first_error(const ExperimentEditor &editor) {
  return editor.errors().empty() ? std::string() : editor.errors().front().to_string();
}

bool marked(const QWidget *w) { return w->styleSheet().contains(QStringLiteral("#c00")); }

} // namespace

class TestSweepEditor : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void widgets_make_the_expected_sweep() {
    ExperimentEditor editor(2);
    editor.set_experiment(test::tiny_article());
    SweepEditor *sweep = editor.sweep_editor();
    QVERIFY(!editor.experiment().sweep);
    QSignalSpy changed(&editor, &ExperimentEditor::changed);

    sweep->mode_box()->setCurrentIndex(2);
    SweepAxisEditor *first = sweep->axis_editor(0);
    SweepAxisEditor *second = sweep->axis_editor(1);
    QVERIFY(first->isVisibleTo(sweep) && second->isVisibleTo(sweep));
    choose(first->parameter_box(), QStringLiteral("pool_size"));
    choose(first->kind_box(), QStringLiteral("list"));
    type(first->list_edit(), QStringLiteral("1, 2,4  8"));
    choose(second->parameter_box(), QStringLiteral("step_ms"));
    QVERIFY(second->step_box()->isVisibleTo(second));
    second->step_box()->setValue(1);
    choose(second->kind_box(), QStringLiteral("range"));
    second->from_box()->setValue(10);
    second->to_box()->setValue(1000);
    second->step_size_box()->setValue(10);
    choose(second->scale_box(), QStringLiteral("log"));
    sweep->order_box()->setCurrentIndex(1);
    QVERIFY(changed.count() > 5);
    QVERIFY(editor.modified());

    const std::optional<Sweep> made = editor.experiment().sweep;
    QVERIFY(made);
    QVERIFY(!made->shuffle);
    QCOMPARE(made->axes.size(), std::size_t(2));
    QCOMPARE(made->axes[0].parameter, SweepParameter::pool_size);
    QCOMPARE(made->axes[0].values, (std::vector<double>{1, 2, 4, 8}));
    QVERIFY(!made->axes[0].range);
    QCOMPARE(made->axes[1].parameter, SweepParameter::step_ms);
    QCOMPARE(made->axes[1].step_index, std::size_t(0));
    QVERIFY(made->axes[1].range);
    QCOMPARE(made->axes[1].range->from, 10.0);
    QCOMPARE(made->axes[1].range->to, 1000.0);
    QCOMPARE(made->axes[1].range->step, 10.0);
    QCOMPARE(made->axes[1].range->scale, SweepScale::log);
    QVERIFY2(editor.errors().empty(), first_error(editor).c_str());

    sweep->mode_box()->setCurrentIndex(1);
    QCOMPARE(editor.experiment().sweep->axes.size(), std::size_t(1));
    QVERIFY(!second->isVisibleTo(sweep));
    sweep->mode_box()->setCurrentIndex(0);
    QVERIFY(!editor.experiment().sweep);
  }

  void presets_load_into_the_widgets() {
    ExperimentEditor editor(2);
    editor.set_experiment(
        parse_experiment_text(find_preset("pool-size-sweep")->json, available_cores()));
    SweepEditor *sweep = editor.sweep_editor();
    QCOMPARE(sweep->mode_box()->currentIndex(), 1);
    QCOMPARE(sweep->order_box()->currentIndex(), 0);
    SweepAxisEditor *axis = sweep->axis_editor(0);
    QCOMPARE(axis->parameter_box()->currentData().toString(), QStringLiteral("pool_size"));
    QCOMPARE(axis->kind_box()->currentData().toString(), QStringLiteral("range"));
    QCOMPARE(axis->from_box()->value(), 1.0);
    QCOMPARE(axis->to_box()->value(), 64.0);
    QCOMPARE(axis->step_size_box()->value(), 2.0);
    QCOMPARE(axis->scale_box()->currentData().toString(), QStringLiteral("log"));

    editor.set_experiment(
        parse_experiment_text(find_preset("cpu-share-sweep")->json, available_cores()));
    QCOMPARE(sweep->mode_box()->currentIndex(), 2);
    QCOMPARE(sweep->axis_editor(0)->parameter_box()->currentData().toString(),
             QStringLiteral("cpu_share"));
    QCOMPARE(sweep->axis_editor(0)->list_edit()->text(), QStringLiteral("0, 0.2, 0.4, 0.6, 0.8"));
    QCOMPARE(sweep->axis_editor(1)->list_edit()->text(), QStringLiteral("1, 2, 4, 8, 16"));
    QVERIFY(!editor.modified());

    // Loading an experiment without a sweep turns the section off.
    editor.set_experiment(test::tiny_article());
    QCOMPARE(sweep->mode_box()->currentIndex(), 0);
    QVERIFY(!sweep->axis_editor(0)->isVisibleTo(sweep));
  }

  void bad_values_are_shown_at_their_field() {
    ExperimentEditor editor(2);
    editor.set_experiment(test::tiny_article());
    SweepAxisEditor *axis = editor.sweep_editor()->axis_editor(0);
    editor.sweep_editor()->mode_box()->setCurrentIndex(1);
    choose(axis->parameter_box(), QStringLiteral("pool_size"));
    choose(axis->kind_box(), QStringLiteral("list"));
    type(axis->list_edit(), QStringLiteral("1, two, 4"));
    QCOMPARE(editor.errors().size(), std::size_t(1));
    QCOMPARE(editor.errors().front().path, std::string("sweep.parameters[0].values"));
    QVERIFY(editor.errors().front().message.find("'two'") != std::string::npos);
    QVERIFY(marked(axis->list_edit()));
    QVERIFY(axis->list_edit()->toolTip().contains(QStringLiteral("'two' is not a number")));

    // The core's own rules: a pool of 0.5 threads, a CPU share where no variant computes.
    type(axis->list_edit(), QStringLiteral("0.5, 4"));
    QVERIFY(marked(axis->list_edit()));
    QVERIFY(!marked(axis->parameter_box()));
    choose(axis->parameter_box(), QStringLiteral("cpu_share"));
    type(axis->list_edit(), QStringLiteral("0.1, 0.5"));
    QVERIFY(marked(axis->parameter_box()));
    QVERIFY(!marked(axis->list_edit()));
    QVERIFY(!editor.errors().empty());

    // A range that goes backwards is shown on its ends.
    choose(axis->parameter_box(), QStringLiteral("pool_size"));
    choose(axis->kind_box(), QStringLiteral("range"));
    axis->from_box()->setValue(16);
    axis->to_box()->setValue(2);
    QVERIFY(marked(axis->from_box()) && marked(axis->to_box()));
    axis->to_box()->setValue(64);
    QVERIFY(!marked(axis->from_box()) && !marked(axis->to_box()));
    QVERIFY2(editor.errors().empty(), first_error(editor).c_str());
  }

  void value_lists_parse_and_print() {
    QStringList bad;
    QCOMPARE(parse_value_list(QStringLiteral(" 1,2 ;3.5  1e3 x"), &bad),
             (std::vector<double>{1, 2, 3.5, 1000}));
    QCOMPARE(bad, QStringList{QStringLiteral("x")});
    QCOMPARE(value_list_text({0.1, 16, 250}), QStringLiteral("0.1, 16, 250"));
  }
};

QTEST_MAIN(TestSweepEditor)
#include "test_sweep_editor.moc"
