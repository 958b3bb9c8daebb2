// The experiment editor: file ↔ editor round trips, editing operations under
// QAbstractItemModelTester, and invalid values shown next to their field.
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/experiment/item_roles.h"
#include "ui/experiment/steps_table_model.h"
#include "ui/experiment/variant_table_model.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <fstream>

using namespace conlab;
using namespace conlab::ui;

class TestEditor : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void round_trip_data() {
    QTest::addColumn<QString>("preset");
    for (const Preset &p : presets())
      QTest::newRow(p.name.c_str()) << QString::fromStdString(p.name);
  }

  // preset file → editor → file gives the same JSON, and the file parses back to it.
  void round_trip() {
    QFETCH(QString, preset);
    const int cores = available_cores();
    const Experiment original =
        parse_experiment_text(find_preset(preset.toStdString())->json, cores);
    ExperimentEditor editor(cores);
    editor.set_experiment(original);
    QVERIFY(!editor.modified());
    QVERIFY2(editor.errors().empty(),
             editor.errors().empty() ? "" : editor.errors().front().to_string().c_str());
    const std::string text = to_json_text(editor.experiment());
    QCOMPARE(QString::fromStdString(text), QString::fromStdString(to_json_text(original)));

    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("e.json")).toStdString();
    std::ofstream(path) << text;
    ExperimentEditor reopened(cores);
    reopened.set_experiment(load_experiment_file(path, cores));
    QCOMPARE(QString::fromStdString(to_json_text(reopened.experiment())),
             QString::fromStdString(text));
  }

  void variant_operations_keep_the_model_consistent() {
    ExperimentEditor editor(2);
    editor.set_experiment(test::tiny_article());
    VariantTableModel *model = editor.variants_model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->add_variant(), 4);
    QCOMPARE(model->duplicate_variant(0), 1);
    QCOMPARE(QString::fromStdString(model->variants()[1].label), QStringLiteral("/a (copy)"));
    QVERIFY(model->move_variant(1, +1));
    QCOMPARE(QString::fromStdString(model->variants()[2].label), QStringLiteral("/a (copy)"));
    QVERIFY(model->move_variant(2, -1));
    QVERIFY(!model->move_variant(0, -1));
    model->remove_variant(1);
    QCOMPARE(model->rowCount(), 5);
    QVERIFY(editor.modified());
    QVERIFY(editor.errors().empty());
  }

  void cells_edit_with_validation() {
    ExperimentEditor editor(2);
    editor.set_experiment(test::tiny_article());
    VariantTableModel *model = editor.variants_model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex pool = model->index(3, VariantTableModel::PoolColumn);
    QVERIFY(model->setData(pool, QStringLiteral("12"), Qt::EditRole));
    QCOMPARE(model->variants()[3].pool_size->value, 12);
    QVERIFY(model->setData(pool, QStringLiteral("cores"), Qt::EditRole));
    QVERIFY(!model->setData(pool, QStringLiteral("lots"), Qt::EditRole)); // cannot be entered
    QVERIFY(!model->setData(pool, QStringLiteral("0"), Qt::EditRole));
    QVERIFY(!(model->flags(model->index(0, VariantTableModel::PoolColumn)) & Qt::ItemIsEditable));
    QVERIFY(model->data(model->index(0, VariantTableModel::ModelColumn), ChoicesRole)
                .toStringList()
                .contains(QStringLiteral("qt_event_loop")));
    QVERIFY(model->data(model->index(0, VariantTableModel::ModelColumn), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Python")));

    // A duplicate label is an error the editor shows on the label cell, with its field path.
    QVERIFY(model->setData(model->index(1, VariantTableModel::LabelColumn), QStringLiteral("/a"),
                           Qt::EditRole));
    QVERIFY(!editor.errors().empty());
    const QString error =
        model->data(model->index(1, VariantTableModel::LabelColumn), ErrorRole).toString();
    QVERIFY2(error.startsWith(QStringLiteral("variants[1].label")), qPrintable(error));
  }

  // The GIL checkbox, its switch interval (only with the lock) and the background threads.
  void gil_cells_edit_the_variant() {
    ExperimentEditor editor(2);
    editor.set_experiment(test::tiny_article());
    VariantTableModel *model = editor.variants_model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex gil = model->index(3, VariantTableModel::GilColumn);
    const QModelIndex interval = model->index(3, VariantTableModel::SwitchIntervalColumn);
    const QModelIndex background = model->index(3, VariantTableModel::BackgroundColumn);
    QVERIFY(model->flags(gil) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model->flags(interval) & Qt::ItemIsEditable)); // no lock, no interval
    QVERIFY(model->setData(gil, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model->variants()[3].has_gil());
    QVERIFY(model->flags(interval) & Qt::ItemIsEditable);
    QCOMPARE(model->data(interval, Qt::EditRole).toDouble(), 5.0);
    QVERIFY(model->setData(interval, 0.5, Qt::EditRole));
    QVERIFY(!model->setData(interval, 0, Qt::EditRole));
    QVERIFY(!model->setData(interval, 1001, Qt::EditRole));
    QCOMPARE(*model->variants()[3].switch_interval_ms, 0.5);
    QVERIFY(model->setData(background, 2, Qt::EditRole));
    QVERIFY(!model->setData(background, 65, Qt::EditRole));
    QCOMPARE(*model->variants()[3].background_cpu_threads, 2);
    QVERIFY(editor.errors().empty());
    const Variant edited = editor.experiment().variants[3];
    QCOMPARE(edited.gil, std::optional<GilKind>(GilKind::cpython));
    // Unchecked, the interval goes with the lock; the background threads stay.
    QVERIFY(model->setData(gil, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!model->variants()[3].has_gil());
    QVERIFY(!model->variants()[3].switch_interval_ms);
    QCOMPARE(*model->variants()[3].background_cpu_threads, 2);
    QVERIFY(model->setData(background, 0, Qt::EditRole));
    QVERIFY(!model->variants()[3].background_cpu_threads);
  }

  // The Processes checkbox applies to multi_loop only; process_pool is a model of its own.
  void processes_cell_edits_multi_loop() {
    ExperimentEditor editor(2);
    editor.set_experiment(test::tiny_article());
    VariantTableModel *model = editor.variants_model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex processes = model->index(0, VariantTableModel::ProcessesColumn);
    QVERIFY(model->setData(model->index(0, VariantTableModel::ModelColumn),
                           QStringLiteral("thread_pool"), Qt::EditRole));
    QVERIFY(!(model->flags(processes) & Qt::ItemIsUserCheckable));
    QCOMPARE(model->data(processes, Qt::DisplayRole).toString(), QStringLiteral("—"));
    QVERIFY(model->setData(model->index(0, VariantTableModel::ModelColumn),
                           QStringLiteral("multi_loop"), Qt::EditRole));
    QVERIFY(model->flags(processes) & Qt::ItemIsUserCheckable);
    QCOMPARE(model->data(processes, Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(model->setData(processes, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(editor.experiment().variants[0].processes, std::optional<bool>(true));
    QVERIFY(model->setData(processes, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!editor.experiment().variants[0].processes); // threads: the default, written as none
    QVERIFY(model->setData(model->index(0, VariantTableModel::ModelColumn),
                           QStringLiteral("process_pool"), Qt::EditRole));
    QVERIFY(editor.errors().empty());
    QVERIFY(model->data(model->index(0, VariantTableModel::ModelColumn), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("ProcessPoolExecutor")));
  }

  // The server field aims every variant at HOST:PORT/<label> at full scale, shows what is wrong
  // with a URL or a label, and comes back from a file whose variants are aimed that way.
  void server_field_aims_every_variant() {
    const int cores = available_cores();
    ExperimentEditor editor(cores);
    Experiment article = parse_experiment_text(find_preset("fastapi-article")->json, cores);
    article.time_scale = 0.05;
    editor.set_experiment(article);
    auto *server = editor.findChild<QLineEdit *>(QStringLiteral("target"));
    QVERIFY(server);
    QVERIFY(server->text().isEmpty());
    server->setText(QStringLiteral("http://127.0.0.1:8000"));
    QVERIFY2(editor.errors().empty(),
             editor.errors().empty() ? "" : editor.errors().front().to_string().c_str());
    const Experiment aimed = editor.experiment();
    QCOMPARE(aimed.time_scale, 1.0);
    for (const Variant &v : aimed.variants) {
      QVERIFY(v.target && !v.target->embedded);
      QCOMPARE(QString::fromStdString(v.target->url),
               QStringLiteral("http://127.0.0.1:8000") + QString::fromStdString(v.label));
    }

    ExperimentEditor reopened(cores);
    reopened.set_experiment(aimed);
    QCOMPARE(reopened.findChild<QLineEdit *>(QStringLiteral("target"))->text(),
             QStringLiteral("http://127.0.0.1:8000"));
    QCOMPARE(to_json_text(reopened.experiment()), to_json_text(aimed));

    server->setText(QStringLiteral("ftp://nowhere"));
    QVERIFY(!editor.errors().empty());
    QCOMPARE(QString::fromStdString(editor.errors().front().path), QStringLiteral("target"));
    QVERIFY(server->styleSheet().contains(QStringLiteral("#c00")));
    server->clear();
    QVERIFY(editor.errors().empty());
    QVERIFY(!editor.experiment().variants.front().target);
  }

  // The watch field gives every aimed variant the server's PID, is checked like any field (the
  // lab's own PID is refused, once, at the field), and comes back from a file.
  void watch_field_watches_the_server() {
    const int cores = available_cores();
    ExperimentEditor editor(cores);
    editor.set_experiment(parse_experiment_text(find_preset("fastapi-article")->json, cores));
    auto *server = editor.findChild<QLineEdit *>(QStringLiteral("target"));
    auto *watch = editor.findChild<QLineEdit *>(QStringLiteral("watch"));
    QVERIFY(server && watch);
    QVERIFY(!watch->isEnabled()); // in process: nothing to watch
    server->setText(QStringLiteral("http://127.0.0.1:8000"));
    QVERIFY(watch->isEnabled());
    watch->setText(QString::number(::getppid()));
    Q_EMIT watch->textEdited(watch->text());
    QVERIFY2(editor.errors().empty(),
             editor.errors().empty() ? "" : editor.errors().front().to_string().c_str());
    const Experiment aimed = editor.experiment();
    for (const Variant &v : aimed.variants)
      QCOMPARE(v.target->watch, std::optional<std::int64_t>(::getppid()));
    ExperimentEditor reopened(cores);
    reopened.set_experiment(aimed);
    QCOMPARE(reopened.findChild<QLineEdit *>(QStringLiteral("watch"))->text(),
             QString::number(::getppid()));

    watch->setText(QString::number(::getpid()));
    Q_EMIT watch->textEdited(watch->text());
    QCOMPARE(editor.errors().size(), aimed.variants.size()); // one per variant
    QVERIFY(watch->styleSheet().contains(QStringLiteral("#c00")));
    QVERIFY(watch->toolTip().contains(QStringLiteral("the lab itself")));
    QCOMPARE(watch->toolTip().count(QStringLiteral("the lab itself")), 1);
  }

  void steps_edit_under_the_tester() {
    ExperimentEditor editor(2);
    editor.set_experiment(test::tiny_article());
    StepsTableModel *steps = editor.steps_model();
    QAbstractItemModelTester tester(steps, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(steps->rowCount(), 1);
    QCOMPARE(steps->add_step(), 1);
    QVERIFY(steps->setData(steps->index(1, StepsTableModel::KindColumn), QStringLiteral("cpu"),
                           Qt::EditRole));
    QVERIFY(steps->setData(steps->index(1, StepsTableModel::DistributionColumn),
                           QStringLiteral("uniform"), Qt::EditRole));
    QVERIFY(!steps->setData(steps->index(1, StepsTableModel::MinColumn), -5, Qt::EditRole));
    QVERIFY(steps->move_step(1, -1));
    // The edit reached the variant.
    const auto &variant = editor.variants_model()->variants()[0];
    QCOMPARE(variant.steps.size(), std::size_t(2));
    QCOMPARE(variant.steps[0].kind, StepKind::cpu);
    QCOMPARE(variant.steps[0].duration.distribution, DistributionKind::uniform);
    steps->remove_step(0);
    QCOMPARE(editor.variants_model()->variants()[0].steps.size(), std::size_t(1));
  }
};

QTEST_MAIN(TestEditor)
#include "test_editor.moc"
