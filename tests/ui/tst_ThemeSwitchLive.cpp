#include "UiFixture.h"
#include "core/settings/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/settings/Appearance.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchView.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QStyleOptionButton>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

// Issue 22 item 10: switching to the dark theme while answers are shown leaves them readable: the
// code boxes take the dark theme's shade (no light boxes with white text left), and every figure
// is drawn in a colour that stands out from the dark card, not the light theme's dark grey.
class tst_ThemeSwitchLive : public QObject
{
    Q_OBJECT

private:
    UiFixture m_fixture;

    // Lightness apart: the light theme's text on the dark theme's base is under 30.
    static int contrast(const QColor& a, const QColor& b) { return qAbs(a.lightness() - b.lightness()); }

private slots:
    void initTestCase() { UiFixture::initTestCase(QStringLiteral("tst_themeswitchlive")); }
    void init() { QVERIFY(m_fixture.start(0.05)); }
    void cleanup()
    {
        Appearance::applyTheme(AppSettings::Theme::System);
        m_fixture.stop();
    }

    void lightToDark_answersAndFiguresStayReadable()
    {
        Appearance::applyTheme(AppSettings::Theme::Light);
        MainWindow window(m_fixture.catalog(), m_fixture.client);
        window.resize(1280, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkbenchView* workbench = window.workbench();
        while (!workbench->comparison()->columns().isEmpty()) {
            workbench->comparison()->removeColumn(0);
        }
        workbench->addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") });
        workbench->addColumn({ QStringLiteral("sandbox/claude-haiku-4-5") });
        workbench->promptEditor()->promptEdit()->setPlainText(
            QStringLiteral("Explain how a hash map handles collisions, with a short code example."));
        workbench->send();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 30000);

        Appearance::applyTheme(AppSettings::Theme::Dark);
        QCoreApplication::processEvents();
        const QPalette dark = Appearance::darkPalette();
        const QColor card = dark.color(QPalette::Base);
        int codeBlocks = 0;
        for (ColumnView* view : workbench->columnViews()) {
            view->flush();
            for (auto id : { ColumnView::FigureId::FirstToken, ColumnView::FigureId::Latency,
                             ColumnView::FigureId::Tokens, ColumnView::FigureId::Speed, ColumnView::FigureId::Cost }) {
                const QLabel* label = view->figureLabel(id);
                const QColor ink = label->palette().color(QPalette::WindowText);
                QVERIFY2(contrast(ink, card) > 100,
                         qPrintable(QStringLiteral("%1 in %2 on %3").arg(label->text(), ink.name(), card.name())));
            }
            for (QTextBlock block = view->answerView()->document()->begin(); block.isValid(); block = block.next()) {
                const QTextBlockFormat format = block.blockFormat();
                if (format.background().style() != Qt::NoBrush) {
                    ++codeBlocks;
                    QCOMPARE(format.background().color(), dark.color(QPalette::AlternateBase));
                }
            }
        }
        QVERIFY(codeBlocks > 0); // the answers had code to shade
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QTest::qWait(50);
        QVERIFY(window.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/workbench-dark-after-switch.png")));
    }

    // An unchecked check box or radio button keeps a visible frame in either theme: Fusion drew it
    // in the window colour darkened, the colour of the dark box itself.
    void uncheckedIndicators_showTheirFrame_data()
    {
        QTest::addColumn<AppSettings::Theme>("theme");
        QTest::addColumn<bool>("radio");
        QTest::newRow("dark check box") << AppSettings::Theme::Dark << false;
        QTest::newRow("dark radio button") << AppSettings::Theme::Dark << true;
        QTest::newRow("light check box") << AppSettings::Theme::Light << false;
        QTest::newRow("light radio button") << AppSettings::Theme::Light << true;
    }
    void uncheckedIndicators_showTheirFrame()
    {
        QFETCH(AppSettings::Theme, theme);
        QFETCH(bool, radio);
        Appearance::applyTheme(theme);
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        QAbstractButton* button = radio
            ? static_cast<QAbstractButton*>(new QRadioButton(QStringLiteral("Store prompts")))
            : new QCheckBox(QStringLiteral("Store prompts"));
        layout->addWidget(button);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStyleOptionButton option;
        option.initFrom(button);
        const QRect indicator = button->style()->subElementRect(
            radio ? QStyle::SE_RadioButtonIndicator : QStyle::SE_CheckBoxIndicator, &option, button);
        const QImage image = button->grab().toImage();
        const QColor inside = image.pixelColor(indicator.center());
        const QColor around = window.palette().color(QPalette::Window);
        // The frame: the strongest contrast to the inside along the indicator's middle row.
        int frame = 0;
        QString seen;
        for (int x = indicator.left() - 1; x <= indicator.left() + 3; ++x) {
            const QColor pixel = image.pixelColor(x, indicator.center().y());
            seen += pixel.name() + u' ';
            frame = qMax(frame, qMin(contrast(pixel, inside), contrast(pixel, around)));
        }
        QVERIFY2(frame > 40,
                 qPrintable(
                     QStringLiteral("frame pixels %1; inside %2, window %3").arg(seen, inside.name(), around.name())));
    }
};

QTEST_MAIN(tst_ThemeSwitchLive)
#include "tst_ThemeSwitchLive.moc"
