#include "UiFixture.h"
#include "core/workbench/ColumnFigures.h"
#include "ui/MainWindow.h"
#include "ui/settings/Appearance.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchView.h"

#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>

// Issue 22 item 1: a figure under a column's header is never cut to a different value ("$0.0000"
// for $0.000048, "66.7 tok/", "Tokens in/ou"). Every figure of every column, at 4 and 8 columns,
// in English and German, on the two screens of the issue: the text shown is the value's formatted
// text, and the label is wide and tall enough for all of it, inside its column.
class tst_HeaderFigures : public QObject
{
    Q_OBJECT

private:
    UiFixture m_fixture;

    // The figure's value as FigureFormat words it, from the column's own figures.
    static QString expected(const ColumnRun* run, ColumnView::FigureId id)
    {
        const ColumnFigures& f = run->figures();
        switch (id) {
        case ColumnView::FigureId::FirstToken:
            return FigureFormat::milliseconds(f.ttftMs);
        case ColumnView::FigureId::Latency:
            return FigureFormat::milliseconds(f.latencyMs);
        case ColumnView::FigureId::Tokens:
            return FigureFormat::tokens(f.usage.promptTokens, f.usage.estimated) + QStringLiteral(" / ")
                + FigureFormat::tokens(f.usage.completionTokens, f.usage.estimated);
        case ColumnView::FigureId::Speed:
            return FigureFormat::tokensPerSecond(f.tokensPerSecond);
        case ColumnView::FigureId::Cost:
            return FigureFormat::cost(f);
        }
        return {};
    }

    // The whole text fits the label, and the label lies inside its column.
    static QString cutText(const QLabel* label, const ColumnView* view)
    {
        const QFontMetrics metrics = label->fontMetrics();
        const int needed = metrics.horizontalAdvance(label->text());
        const QRect inColumn(label->mapTo(view, QPoint(0, 0)), label->size());
        if (!label->isVisible()) {
            return QStringLiteral("\"%1\" is hidden").arg(label->text());
        }
        if (needed > label->contentsRect().width() || metrics.height() > label->contentsRect().height()) {
            return QStringLiteral("\"%1\" needs %2x%3 px, has %4x%5")
                .arg(label->text())
                .arg(needed)
                .arg(metrics.height())
                .arg(label->contentsRect().width())
                .arg(label->contentsRect().height());
        }
        if (!view->rect().contains(inColumn)) {
            return QStringLiteral("\"%1\" at %2,%3 %4x%5 leaves its %6x%7 column")
                .arg(label->text())
                .arg(inColumn.x())
                .arg(inColumn.y())
                .arg(inColumn.width())
                .arg(inColumn.height())
                .arg(view->width())
                .arg(view->height());
        }
        return {};
    }

private slots:
    void initTestCase() { UiFixture::initTestCase(QStringLiteral("tst_headerfigures")); }
    void init() { QVERIFY(m_fixture.start(0.02)); }
    void cleanup()
    {
        m_fixture.stop();
        Appearance::installLanguage(QStringLiteral("en"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void everyFigure_shownWhole_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QSize>("window");
        QTest::addColumn<bool>("grid");
        const QList<QPair<QString, QString>> languages { { QStringLiteral("en"), QStringLiteral("English") },
                                                         { QStringLiteral("de"), QStringLiteral("German") } };
        for (const auto& [code, name] : languages) {
            for (int columns : { 4, 8 }) {
                for (const QSize& window : { QSize(1280, 820), QSize(1600, 1000) }) {
                    QTest::addRow("%s, %d columns side by side, %dx%d", qPrintable(name), columns, window.width(),
                                  window.height())
                        << code << columns << window << false;
                }
                QTest::addRow("%s, %d columns in a grid, 1280x820", qPrintable(name), columns)
                    << code << columns << QSize(1280, 820) << true;
            }
        }
    }
    void everyFigure_shownWhole()
    {
        QFETCH(QString, language);
        QFETCH(int, columns);
        QFETCH(QSize, window);
        QFETCH(bool, grid);
        QVERIFY(Appearance::installLanguage(language));
        QLocale::setDefault(language == QLatin1String("de") ? QLocale(QLocale::German, QLocale::Germany)
                                                            : QLocale(QLocale::English, QLocale::UnitedStates));

        MainWindow mainWindow(m_fixture.catalog(), m_fixture.client);
        mainWindow.resize(window);
        mainWindow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&mainWindow));
        WorkbenchView* workbench = mainWindow.workbench();
        while (!workbench->comparison()->columns().isEmpty()) {
            workbench->comparison()->removeColumn(0);
        }
        // Eight models with their own speeds and prices: costs from $0.00002 up, rates of 30 to 180 tok/s.
        const QStringList models { QStringLiteral("sandbox/gemini-2.5-flash"),
                                   QStringLiteral("sandbox/gpt-4.1-mini"),
                                   QStringLiteral("sandbox/deepseek-chat"),
                                   QStringLiteral("sandbox/claude-haiku-4-5"),
                                   QStringLiteral("sandbox/gpt-5"),
                                   QStringLiteral("sandbox/codestral-latest"),
                                   QStringLiteral("sandbox/gpt-4.1"),
                                   QStringLiteral("sandbox/claude-sonnet-4-5") };
        for (int i = 0; i < columns; ++i) {
            workbench->addColumn({ models.at(i) });
        }
        workbench->setLayoutMode(grid ? WorkbenchSettings::Layout::Grid : WorkbenchSettings::Layout::SideBySide);
        workbench->promptEditor()->promptEdit()->setPlainText(QStringLiteral("Hi"));
        workbench->send();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 30000);
        const QList<ColumnView*> views = workbench->columnViews();
        QCOMPARE(views.size(), columns);
        for (auto* view : views) {
            view->flush();
        }
        QTest::qWait(50); // the final layout
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(mainWindow.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/header-figures-%1-%2-%3x%4%5.png")
                                           .arg(language)
                                           .arg(columns)
                                           .arg(window.width())
                                           .arg(window.height())
                                           .arg(grid ? "-grid" : "")));

        const QList<ColumnView::FigureId> figures { ColumnView::FigureId::FirstToken, ColumnView::FigureId::Latency,
                                                    ColumnView::FigureId::Tokens, ColumnView::FigureId::Speed,
                                                    ColumnView::FigureId::Cost };
        for (ColumnView* view : views) {
            QCOMPARE(view->run()->state(), ColumnState::Done);
            for (ColumnView::FigureId id : figures) {
                const QLabel* value = view->figureLabel(id);
                QVERIFY(value);
                QCOMPARE(value->text(), expected(view->run(), id));
                const QString valueCut = cutText(value, view);
                QVERIFY2(valueCut.isEmpty(), qPrintable(view->run()->title() + QStringLiteral(": ") + valueCut));
                // The caption above it, in the same cell.
                const auto* caption = value->parentWidget()->findChild<QLabel*>(
                    value->objectName().replace(QStringLiteral("Value"), QStringLiteral("Caption")));
                QVERIFY(caption);
                const QString captionCut = cutText(caption, view);
                QVERIFY2(captionCut.isEmpty(), qPrintable(view->run()->title() + QStringLiteral(": ") + captionCut));
            }
        }
    }
};

QTEST_MAIN(tst_HeaderFigures)
#include "tst_HeaderFigures.moc"
