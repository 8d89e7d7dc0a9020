#include "core/workbench/ColumnRun.h"
#include "core/workbench/RunSummary.h"

#include <QTest>
#include <QTranslator>

#include <memory>
#include <vector>

// The line under the workbench's columns, from the columns' states and costs: a stopped answer
// counts as stopped and its estimated cost is in the total, marked "~".
class tst_RunSummary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // English plural forms ("1 column", "2 columns") come from the English translation.
        QVERIFY(m_english.load(QStringLiteral(":/i18n/switchyard_en.qm")));
        QCoreApplication::installTranslator(&m_english);
    }
    void text_data();
    void text();

private:
    QTranslator m_english;
};

namespace {
struct Column
{
    ColumnState state;
    double costUsd; // < 0: unpriced
    bool estimated;
};
} // namespace

Q_DECLARE_METATYPE(QList<Column>)

void tst_RunSummary::text_data()
{
    QTest::addColumn<QList<Column>>("columns");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("tooltip");
    QTest::newRow("no columns") << QList<Column> {} << QString() << false;
    QTest::newRow("still answering: no total yet")
        << QList<Column> { { ColumnState::Streaming, -1, false }, { ColumnState::Done, 0.0002, false } }
        << "2 columns \u00b7 1 answering" << false;
    QTest::newRow("done and failed, the failed one unpriced")
        << QList<Column> { { ColumnState::Done, 0.000213, false }, { ColumnState::Failed, -1, false } }
        << "2 columns \u00b7 1 done \u00b7 1 failed \u00b7 total $0.000213" << false;
    QTest::newRow("a stopped answer's estimate makes the total approximate")
        << QList<Column> { { ColumnState::Done, 0.0001, false },
                           { ColumnState::Incomplete, 0.0003, true },
                           { ColumnState::Cancelled, -1, false } }
        << "3 columns \u00b7 1 done \u00b7 2 stopped \u00b7 total ~$0.0004" << true;
    QTest::newRow("one column, unpriced: no total")
        << QList<Column> { { ColumnState::Done, -1, false } } << "1 column \u00b7 1 done" << false;
}

void tst_RunSummary::text()
{
    QFETCH(QList<Column>, columns);
    QFETCH(QString, expected);
    QFETCH(bool, tooltip);
    std::vector<std::unique_ptr<ColumnRun>> runs;
    QList<ColumnRun*> pointers;
    for (const Column& column : columns) {
        ModelConfig model;
        model.id = QStringLiteral("m");
        auto run = std::make_unique<ColumnRun>(ColumnSpec {}, model, ProviderConfig {});
        ColumnFigures figures;
        if (column.costUsd >= 0) {
            figures.costUsd = column.costUsd;
        }
        figures.costEstimated = column.estimated;
        run->restore(column.state, QStringLiteral("answer"), figures, CallError {});
        pointers.append(run.get());
        runs.push_back(std::move(run));
    }
    const RunSummary summary = RunSummary::of(pointers);
    QCOMPARE(summary.text(), expected);
    QCOMPARE(!summary.toolTip().isEmpty(), tooltip);
}

QTEST_GUILESS_MAIN(tst_RunSummary)
#include "tst_RunSummary.moc"
