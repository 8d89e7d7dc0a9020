#include "UiFixture.h"
#include "WorkbenchDriver.h"
#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/sandbox/SandboxServer.h"
#include "core/settings/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/common/FileDialogs.h"
#include "ui/routing/ChainModel.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/routing/RoutingEditor.h"
#include "ui/routing/TierBoard.h"
#include "ui/routing/TierColumn.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/HistoryPanel.h"
#include "ui/workbench/LeaderboardDock.h"
#include "ui/workbench/LeaderboardModel.h"
#include "ui/workbench/LeaderboardView.h"
#include "ui/workbench/WorkbenchView.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

#include <cmath>

// The evidence a comparison produces, on a real Engine with the sandbox and a ledger in a temporary
// home: every column's answer (and reasoning) is kept with the run and reopened in full, nothing
// is kept when prompt storage is off, and votes add up to a leaderboard with hand-computed ratings.
class tst_EvidenceKept : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_out;
    std::unique_ptr<Engine> m_engine;

    static QString readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    bool flushLedger()
    {
        QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
        m_engine->ledger()->flush();
        return flushed.wait(10000);
    }

    static void saveScreenshot(QWidget* widget, const QString& fileName)
    {
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(widget->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/") + fileName));
    }

    // A word of `text` at least 7 letters long that `prompt` does not hold, for a search by answer.
    static QString answerWord(const QString& text, const QString& prompt)
    {
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{7,}"));
        for (auto it = word.globalMatch(text); it.hasNext();) {
            const QString candidate = it.next().captured();
            if (!prompt.contains(candidate, Qt::CaseInsensitive)) {
                return candidate;
            }
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        UiFixture::initTestCase(QStringLiteral("tst_evidencekept"));
        QString error;
        m_engine = UiFixture::openSandbox(m_home.path(), 0.05, &error);
        QVERIFY2(m_engine, qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        HomeSettings::open()->clear();
    }

    void answersKept_reopenedRunShowsEveryAnswer()
    {
        MainWindow window(*m_engine);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkbenchView* workbench = window.workbench();
        const QStringList models { QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/claude-haiku-4-5"),
                                   QStringLiteral("sandbox/deepseek-reasoner") };
        workbench->comparison()->setColumns({ { models[0] }, { models[1] }, { models[2] } });
        const QString prompt = QStringLiteral("Why is <b>merge sort</b> stable & quicksort not?");
        WorkbenchDriver::typeAndSend(workbench, prompt);
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench), 20000);
        const QString group = workbench->comparison()->compareGroup();
        QHash<QString, QString> answers;
        QString reasoning;
        for (const ColumnRun* column : workbench->comparison()->columns()) {
            QCOMPARE(column->state(), ColumnState::Done);
            QVERIFY(!column->text().isEmpty());
            answers.insert(column->spec().modelId, column->text());
            if (column->spec().modelId.endsWith(QLatin1String("reasoner"))) {
                reasoning = column->reasoning();
            }
        }
        QVERIFY2(!reasoning.isEmpty(), "the sandbox's reasoning model streams reasoning first");

        // Stored with the run: every answer in full, the reasoning with its column.
        QVERIFY(flushLedger());
        LedgerQueries queries(m_engine->ledgerPath());
        QList<RequestRecord> rows;
        QTRY_COMPARE((rows = queries.requestsInCompareGroup(group)).size(), 3);
        for (const RequestRecord& row : rows) {
            QCOMPARE(row.answer, answers.value(row.finalModel));
            QCOMPARE(row.reasoning.isEmpty(), !row.finalModel.endsWith(QLatin1String("reasoner")));
        }

        // Something else in the workbench, then the run found by a word of an answer and reopened.
        workbench->comparison()->setColumns({ { QStringLiteral("sandbox/deepseek-chat") } });
        const QString word = answerWord(answers.value(models[1]), prompt);
        QVERIFY2(!word.isEmpty(), qPrintable(answers.value(models[1])));
        HistoryPanel* history = window.history();
        history->setSearchText(word);
        QVERIFY(history->list()->count() >= 1);
        history->open(0);
        QCOMPARE(workbench->comparison()->compareGroup(), group);
        QCOMPARE(workbench->comparison()->columns().size(), 3);
        const QList<ColumnView*> views = workbench->columnViews();
        for (ColumnView* view : views) {
            const ColumnRun* column = view->run();
            QCOMPARE(column->text(), answers.value(column->spec().modelId));
            view->flush();
            const QString shown = view->answerView()->toPlainText();
            const QString firstWord = answerWord(column->text(), QString());
            QVERIFY2(shown.contains(firstWord), qPrintable(column->spec().modelId + QStringLiteral(": ") + shown));
            const bool reasons = column->spec().modelId.endsWith(QLatin1String("reasoner"));
            QCOMPARE(view->reasoningToggle()->isVisible(), reasons);
            if (reasons) {
                QCOMPARE(column->reasoning(), reasoning);
                QVERIFY(!view->reasoningView()->isVisible()); // folded until opened
                QTest::mouseClick(view->reasoningToggle(), Qt::LeftButton);
                QVERIFY(view->reasoningView()->isVisible());
                QCOMPARE(view->reasoningView()->toPlainText(), reasoning);
            }
        }
        saveScreenshot(&window, QStringLiteral("reopened-run.png"));

        // The reopened run exports in full, in every format.
        const QString md = m_out.filePath(QStringLiteral("run.md"));
        const QString json = m_out.filePath(QStringLiteral("run.json"));
        const QString csv = m_out.filePath(QStringLiteral("run.csv"));
        const QString html = m_out.filePath(QStringLiteral("run.html"));
        for (const QString& path : { md, json, csv, html }) {
            QString error;
            QVERIFY2(workbench->exportComparison(path, &error), qPrintable(error));
        }
        const QJsonArray columns = QJsonDocument::fromJson(readAll(json).toUtf8()).object().value("columns").toArray();
        QCOMPARE(columns.size(), 3);
        for (const QJsonValue& value : columns) {
            const QJsonObject column = value.toObject();
            QCOMPARE(column.value("text").toString(), answers.value(column.value("model").toString()));
        }
        for (const QString& answer : std::as_const(answers)) {
            QVERIFY(readAll(md).contains(answer));
        }
        QVERIFY(readAll(md).contains(reasoning.left(40)));
        QVERIFY(readAll(csv).contains(answerWord(answers.value(models[0]), QString())));
        const QString page = readAll(html);
        QVERIFY(page.contains(QStringLiteral("Why is &lt;b&gt;merge sort&lt;/b&gt; stable &amp; quicksort not?")));
        QVERIFY(!page.contains(QStringLiteral("<b>merge sort</b>")));
        QVERIFY(page.contains(QStringLiteral("<details class=\"reasoning\">")));
    }

    void promptStorageOff_noAnswerKept()
    {
        MainWindow window(*m_engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Settings > Preferences: "Store prompt and response text in the history" off.
        window.appSettings()->setValue(AppSettings::StorePrompts, false);
        QVERIFY(!m_engine->ledger()->storePrompts());
        WorkbenchView* workbench = window.workbench();
        // Only these columns (the window restores the last test's).
        workbench->comparison()->setColumns(
            { { QStringLiteral("sandbox/gpt-4.1-mini") }, { QStringLiteral("sandbox/deepseek-reasoner") } });
        WorkbenchDriver::typeAndSend(workbench, QStringLiteral("Name a private thing"));
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench), 20000);
        const QString group = workbench->comparison()->compareGroup();
        const QString answer = workbench->comparison()->column(0)->text();
        const QString reasoning = workbench->comparison()->column(1)->reasoning();
        QVERIFY(!answer.isEmpty() && !reasoning.isEmpty());
        QVERIFY(flushLedger());
        window.appSettings()->setValue(AppSettings::StorePrompts, true);

        LedgerQueries queries(m_engine->ledgerPath());
        QList<RequestRecord> rows;
        QTRY_COMPARE((rows = queries.requestsInCompareGroup(group)).size(), 2);
        for (const RequestRecord& row : rows) {
            QVERIFY(row.prompt.isEmpty());
            QVERIFY(row.answer.isEmpty());
            QVERIFY(row.reasoning.isEmpty());
            QVERIFY(row.exchange.isEmpty()); // its turns and files tell what was asked too
            QVERIFY(row.latencyMs > 0); // the figures are still kept
        }
        QFile ledgerFile(m_engine->ledgerPath());
        QFile wal(m_engine->ledgerPath() + QStringLiteral("-wal"));
        QVERIFY(ledgerFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = ledgerFile.readAll() + (wal.open(QIODevice::ReadOnly) ? wal.readAll() : QByteArray());
        QVERIFY(!bytes.contains(answer.toUtf8()));
        QVERIFY(!bytes.contains(reasoning.toUtf8()));

        // Reopened, the run has its columns and figures and no text.
        workbench->comparison()->setColumns({ { QStringLiteral("sandbox/deepseek-chat") } });
        window.history()->setSearchText(QString());
        window.history()->open(0);
        QCOMPARE(workbench->comparison()->compareGroup(), group);
        for (const ColumnRun* column : workbench->comparison()->columns()) {
            QVERIFY(column->text().isEmpty());
            QVERIFY(column->reasoning().isEmpty());
            QVERIFY(column->figures().latencyMs > 0);
        }
    }

    // Four runs of gpt-4.1-mini against claude-haiku-4-5 voted 3 to 1 in the workbench. With one
    // virtual tie each against the reference (rating 1000) the fit is symmetric, theta_B = -theta_A,
    // and A's score equals its expectation: 3 + 0.5 = 4 x^2/(x^2 + 1) + x/(x + 1), so x = 1.607120 and
    // the ratings are 1000 +- 173.7178 ln(1.607120) = 1082.42 and 917.58.
    void votes_becomeTheLeaderboard()
    {
        MainWindow window(*m_engine);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LeaderboardDock* dock = window.leaderboard();
        QVERIFY(dock);
        WorkbenchView* workbench = window.workbench();
        const QString a = QStringLiteral("sandbox/gpt-4.1-mini");
        const QString b = QStringLiteral("sandbox/claude-haiku-4-5");
        workbench->comparison()->setColumns({ { a }, { b } }); // only these (the window restores the last test's)
        for (int run = 0; run < 4; ++run) {
            workbench->voteTagEdit()->setText(run == 3 ? QStringLiteral("coding") : QString());
            WorkbenchDriver::typeAndSend(workbench, QStringLiteral("Which sort is stable? (run %1)").arg(run));
            QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench), 20000);
            QVERIFY(workbench->vote(run == 3 ? 1 : 0));
        }
        QVERIFY(flushLedger());

        // View > Leaderboard opens the dock.
        QAction* open = window.findChild<QAction*>(QStringLiteral("leaderboardAction"));
        QVERIFY(open);
        open->trigger();
        QVERIFY(dock->isVisible());
        LeaderboardView* view = dock->view();
        const QList<Leaderboard::Row>* rows = &view->model()->rows();
        // Earlier tests' runs have no votes: only these two models are ranked.
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QCOMPARE(rows->at(0).model, a);
        QCOMPARE((QList<int> { rows->at(0).wins, rows->at(0).losses, rows->at(0).ties }), (QList<int> { 3, 1, 0 }));
        QCOMPARE(rows->at(1).model, b);
        QVERIFY2(std::abs(rows->at(0).rating - 1082.4193) < 1e-3, qPrintable(QString::number(rows->at(0).rating)));
        QVERIFY(std::abs(rows->at(1).rating - 917.5807) < 1e-3);
        QVERIFY(rows->at(0).ratingLow < rows->at(0).rating && rows->at(0).rating < rows->at(0).ratingHigh);
        // Cost per win: what A's four answers cost over its three wins.
        QVERIFY(rows->at(0).costPerWinUsd && *rows->at(0).costPerWinUsd > 0);
        QCOMPARE(view->model()->index(0, LeaderboardModel::ModelColumn).data().toString(), a);
        QCOMPARE(view->model()->index(0, LeaderboardModel::RatingColumn).data().toString(),
                 QLocale().toString(1082.0, 'f', 0));

        // The tag typed next to the last vote is a filter: that run alone, B's win.
        QComboBox* tags = view->tagBox();
        const int coding = tags->findData(QStringLiteral("coding"));
        QVERIFY(coding > 0);
        tags->setCurrentIndex(coding);
        emit tags->activated(coding);
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->rows().at(0).model, b);
        tags->setCurrentIndex(0);
        emit tags->activated(0);

        // Per model and settings: both columns sent the defaults, so the same two entrants.
        QComboBox* grouping = view->groupingBox();
        grouping->setCurrentIndex(1);
        emit grouping->activated(1);
        QCOMPARE(view->model()->rowCount(), 2);
        grouping->setCurrentIndex(0);
        emit grouping->activated(0);
        saveScreenshot(&window, QStringLiteral("leaderboard.png"));

        // The data behind it, exported through the dialog.
        const QString table = m_out.filePath(QStringLiteral("leaderboard.csv"));
        FileDialogs::setNextSaveFileName(table);
        view->exportTableWithDialog();
        const QStringList lines = readAll(table).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[1].startsWith(a + QStringLiteral(",,3,1,0,1082.4,")), qPrintable(lines[1]));
        const QString votes = m_out.filePath(QStringLiteral("votes.csv"));
        FileDialogs::setNextSaveFileName(votes);
        view->exportVotesWithDialog();
        QCOMPARE(readAll(votes).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts).size(), 1 + 4 * 2);

        // The routing editor's cards carry each model's rating.
        auto* editor = window.findChild<RoutingEditor*>();
        QVERIFY(editor);
        QVERIFY(editor->document()->rating(a));
        QCOMPARE(editor->document()->rating(a)->wins, 3);
        bool shown = false;
        for (TierColumn* column : editor->tierBoard()->columns()) {
            ChainModel* chain = column->chainModel();
            for (int row = 0; row < chain->rowCount(); ++row) {
                const QModelIndex index = chain->index(row);
                if (index.data().toString() == a) {
                    QCOMPARE(index.data(ChainModel::RatingRole).toString(),
                             QStringLiteral("rating ") + QLocale().toString(1082.0, 'f', 0));
                    QVERIFY2(index.data(Qt::ToolTipRole)
                                 .toString()
                                 .contains(QStringLiteral("rating ") + QLocale().toString(1082.0, 'f', 0)),
                             qPrintable(index.data(Qt::ToolTipRole).toString()));
                    shown = true;
                }
            }
        }
        QVERIFY2(shown, "gpt-4.1-mini is on a card of the sandbox's routing");
    }
};

QTEST_MAIN(tst_EvidenceKept)
#include "tst_EvidenceKept.moc"
