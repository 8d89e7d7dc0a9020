#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/pricing/BudgetTracker.h"
#include "core/sandbox/SandboxServer.h"
#include "core/settings/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/common/ElidedLabel.h"
#include "ui/common/ProviderStatusBar.h"
#include "ui/dashboard/ChartStyle.h"
#include "ui/dashboard/HeadlineCard.h"
#include "ui/dashboard/HeadlineCards.h"
#include "ui/settings/Appearance.h"

#include <QDir>
#include <QLabel>
#include <QScopeGuard>
#include <QSizeGrip>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <memory>

// The status bar's budget marks are where the spent limit is: a provider's own budget marks that
// provider, the global budget is one label (from the warning level on), and every text in the bar
// is whole or visibly elided, also beside a temporary message.
class tst_StatusBarBudgets : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;

    void spend(const QString& providerId, const QString& modelId, double usd)
    {
        RequestRecord record;
        record.startedAt = QDateTime::currentDateTimeUtc();
        record.source = RequestSource::Workbench;
        record.finalProvider = providerId;
        record.finalModel = modelId;
        record.costUsd = usd;
        m_engine->record(record);
    }

    // Every label in the status bar shows its whole text, or an elided one with the rest in the tooltip.
    static void verifyNothingCut(QStatusBar* bar)
    {
        for (QLabel* label : bar->findChildren<QLabel*>()) {
            if (!label->isVisible() || label->text().isEmpty()) {
                continue;
            }
            if (auto* elided = qobject_cast<ElidedLabel*>(label)) {
                if (elided->text() != elided->fullText()) {
                    QVERIFY2(elided->text().endsWith(QChar(0x2026)), qPrintable(elided->text()));
                    QVERIFY2(elided->toolTip().contains(elided->fullText()), qPrintable(elided->fullText()));
                }
                QVERIFY2(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width(),
                         qPrintable(label->text()));
                continue;
            }
            QTextDocument doc;
            doc.setHtml(label->text());
            const QString plain = label->textFormat() == Qt::PlainText ? label->text() : doc.toPlainText();
            QVERIFY2(label->fontMetrics().horizontalAdvance(plain) <= label->contentsRect().width(),
                     qPrintable(QStringLiteral("%1 in %2 px").arg(plain).arg(label->contentsRect().width())));
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_statusbarbudgets"));
    }
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        m_engine = std::make_unique<Engine>();
        Engine::Options options;
        options.homeDir = m_home->path();
        options.sandbox = true;
        QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
    }
    void cleanup()
    {
        m_engine.reset();
        m_home.reset();
    }

    void budgetMarks_whereTheLimitIs_data()
    {
        QTest::addColumn<double>("globalDaily");
        QTest::addColumn<double>("openAiDaily");
        QTest::addColumn<double>("spent"); // on sandbox-openai
        QTest::addColumn<QString>("globalText"); // empty: no global label
        QTest::addColumn<QString>("openAiText"); // Sandbox OpenAI's part of the summary

        QTest::newRow("global spent: one label, no provider over budget")
            << 0.01 << 0.0 << 0.012
            << QStringLiteral("Daily budget spent (%1 of %2)").arg(Money::format(0.012), Money::format(0.01))
            << QStringLiteral("Sandbox OpenAI: up");
        QTest::newRow("global at 85%: a warning")
            << 0.01 << 0.0 << 0.0085
            << QStringLiteral("Daily budget: 85% used (%1 of %2)").arg(Money::format(0.0085), Money::format(0.01))
            << QStringLiteral("Sandbox OpenAI: up");
        QTest::newRow("global at 50%: nothing")
            << 0.01 << 0.0 << 0.005 << QString() << QStringLiteral("Sandbox OpenAI: up");
        QTest::newRow("provider spent: only that provider")
            << 0.0 << 0.01 << 0.012 << QString() << QStringLiteral("Sandbox OpenAI: over budget");
        QTest::newRow("provider at 90%: said beside it")
            << 0.0 << 0.01 << 0.009 << QString() << QStringLiteral("Sandbox OpenAI: up, 90% of budget");
    }
    void budgetMarks_whereTheLimitIs()
    {
        QFETCH(double, globalDaily);
        QFETCH(double, openAiDaily);
        QFETCH(double, spent);
        QFETCH(QString, globalText);
        QFETCH(QString, openAiText);
        BudgetSettings budgets;
        if (openAiDaily > 0) {
            budgets.perProvider.insert(QStringLiteral("sandbox-openai"), BudgetLimits { openAiDaily, 0 });
        }
        m_engine->budgets()->setSettings(budgets);
        MainWindow window(*m_engine);
        // The global limit as the Settings dialog stores it.
        window.appSettings()->setValue(AppSettings::BudgetDailyUsd, globalDaily);
        window.resize(1280, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        spend(QStringLiteral("sandbox-openai"), QStringLiteral("sandbox/gpt-4.1-mini"), spent);

        ProviderStatusBar* status = window.providerStatus();
        QTRY_COMPARE(status->globalBudgetText(), globalText);
        auto* globalLabel = status->findChild<QLabel*>(QStringLiteral("globalBudget"));
        QCOMPARE(globalLabel->isVisible(), !globalText.isEmpty());
        const QStringList parts = status->summary().split(QStringLiteral("; "));
        QVERIFY2(parts.contains(openAiText), qPrintable(status->summary()));
        for (const QString& part : parts) {
            if (!part.startsWith(QStringLiteral("Sandbox OpenAI"))) {
                QVERIFY2(!part.contains(QStringLiteral("budget")), qPrintable(part));
            }
        }
        verifyNothingCut(window.statusBar());
    }

    void batchHold_shownApartFromWhatWasSpent_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("statusText"); // %1 held
        QTest::addColumn<QString>("statusTip"); // %1 spent, %2 held, %3 the limit
        QTest::addColumn<QString>("cardDetail");
        QTest::newRow("English") << "en"
                                 << "Daily budget: 85% used, %1 held by batch jobs"
                                 << "%1 spent + %2 held by running batch jobs of %3"
                                 << "%1 spent + %2 held by running batch jobs of %3 (daily budget)";
        QTest::newRow("German") << "de"
                                << "Tagesbudget: 85 % verbraucht, %1 von Batch-Jobs zurückgehalten"
                                << "%1 ausgegeben + %2 für laufende Batch-Jobs zurückgehalten, Limit %3"
                                << "%1 ausgegeben + %2 für laufende Batch-Jobs zurückgehalten, Limit %3 (Tagesbudget)";
    }
    // A running batch job's hold (its worst case, kept in the ledger until its results are
    // recorded) counts against the limit but is no spend: the status bar and the dashboard's
    // budget card say "spent" only for what was billed and name the hold beside it.
    void batchHold_shownApartFromWhatWasSpent()
    {
        QFETCH(QString, language);
        QFETCH(QString, statusText);
        QFETCH(QString, statusTip);
        QFETCH(QString, cardDetail);
        QVERIFY(Appearance::installLanguage(language));
        const auto english = qScopeGuard([] { Appearance::installLanguage(QStringLiteral("en")); });
        const SharedBudget::Hold hold = m_engine->holdBatch(QStringLiteral("sandbox-openai"), 0.006);
        QVERIFY2(hold.ok, qPrintable(hold.error));
        MainWindow window(*m_engine);
        window.appSettings()->setValue(AppSettings::BudgetDailyUsd, 0.01);
        window.resize(1280, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        spend(QStringLiteral("sandbox-openai"), QStringLiteral("sandbox/gpt-4.1-mini"), 0.0025);

        ProviderStatusBar* status = window.providerStatus();
        QTRY_COMPARE(status->globalBudgetText(), statusText.arg(Money::format(0.006)));
        auto* budget = status->findChild<QLabel*>(QStringLiteral("globalBudget"));
        QVERIFY(budget);
        QCOMPARE(budget->toolTip(), statusTip.arg(Money::format(0.0025), Money::format(0.006), Money::format(0.01)));
        verifyNothingCut(window.statusBar());
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(
            window.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/statusbar-batch-hold-%1.png").arg(language)));

        HeadlineCards cards;
        cards.setBudgets(m_engine->budgets());
        cards.resize(1200, cards.sizeHint().height());
        cards.show();
        QVERIFY(QTest::qWaitForWindowExposed(&cards));
        // The longer German detail wraps within the card: every line shown, none cut.
        auto* detail = cards.findChild<QLabel*>(QStringLiteral("budgetCardDetail"));
        QVERIFY(detail);
        QVERIFY2(detail->heightForWidth(detail->width()) <= detail->height(),
                 qPrintable(QStringLiteral("%1 px needed, %2 px shown")
                                .arg(detail->heightForWidth(detail->width()))
                                .arg(detail->height())));
        QVERIFY(
            cards.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/headline-batch-hold-%1.png").arg(language)));
        QCOMPARE(cards.card(HeadlineCards::Card::Budget)->value(), ChartStyle::formatPercent(85, 0));
        QCOMPARE(cards.card(HeadlineCards::Card::Budget)->detail(),
                 cardDetail.arg(Money::format(0.0025), Money::format(0.006), Money::format(0.01)));
    }

    void narrowWindow_textsElideAndTemporaryMessageIsReadable()
    {
        BudgetSettings budgets;
        budgets.perProvider.insert(QStringLiteral("sandbox-deepseek"), BudgetLimits { 0.01, 0 });
        m_engine->budgets()->setSettings(budgets);
        MainWindow window(*m_engine);
        window.appSettings()->setValue(AppSettings::BudgetDailyUsd, 0.01);
        window.resize(1280, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        m_engine->sandbox()->setFault(QStringLiteral("codestral-latest"), SandboxFault::httpError(503));
        spend(QStringLiteral("sandbox-deepseek"), QStringLiteral("sandbox/deepseek-chat"), 0.02);
        QTRY_VERIFY(!window.providerStatus()->globalBudgetText().isEmpty());
        QTest::qWait(50);
        verifyNothingCut(window.statusBar());
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(window.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/statusbar-budgets-1280.png")));

        // A temporary message gets the room it needs: the permanent widgets step back to the dots.
        const QString message = QStringLiteral("Copied http://127.0.0.1:4000/v1 to the clipboard; paste it "
                                               "into your client's base URL");
        window.statusBar()->showMessage(message, 60000);
        const int needed = window.statusBar()->fontMetrics().horizontalAdvance(message);
        QTRY_VERIFY2(
            [&] {
                int left = window.statusBar()->width();
                for (QWidget* child : window.statusBar()->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
                    if (child->isVisible() && !qobject_cast<QSizeGrip*>(child)) {
                        left = qMin(left, child->x());
                    }
                }
                return left >= needed + 8;
            }(),
            "the message is overlapped by permanent widgets");
        verifyNothingCut(window.statusBar());
        QVERIFY(window.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/statusbar-message-1280.png")));
        window.statusBar()->clearMessage();
        QTRY_VERIFY(window.providerStatus()->globalBudgetText().isEmpty()
                    || window.providerStatus()->findChild<QLabel*>(QStringLiteral("globalBudget"))->isVisible());
    }
};

QTEST_MAIN(tst_StatusBarBudgets)
#include "tst_StatusBarBudgets.moc"
