#include "ui/settings/SettingsDialog.h"
#include "ui/settings/WelcomeDialog.h"

#include "core/settings/AppSettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QTemporaryDir>
#include <QTest>

class TestSettingsDialogs : public QObject
{
    Q_OBJECT

private slots:
    void settingsDialog_saveWritesSettings();
    void availableLanguages_startWithEnglish();
    void welcome_shouldShow_data();
    void welcome_shouldShow();
    void welcome_sandboxChoice_isReported();
};

void TestSettingsDialogs::settingsDialog_saveWritesSettings()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
    SettingsDialog dialog(settings, dir.path());
    const auto boxes = dialog.findChildren<QCheckBox*>();
    QCOMPARE(boxes.size(), 2);
    auto* allowUnpriced = dialog.findChild<QCheckBox*>(QStringLiteral("allowUnpriced"));
    QVERIFY(allowUnpriced && !allowUnpriced->isChecked());
    allowUnpriced->setChecked(true);
    (boxes.first() == allowUnpriced ? boxes.last() : boxes.first())->setChecked(false); // store prompts
    for (QComboBox* combo : dialog.findChildren<QComboBox*>()) {
        const int dark = combo->findData(QStringLiteral("dark"));
        if (dark >= 0) {
            combo->setCurrentIndex(dark);
        }
    }
    dialog.save();
    QCOMPARE(settings.storePrompts(), false);
    QCOMPARE(settings.value(AppSettings::BudgetAllowUnpriced).toBool(), true);
    QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
    QCOMPARE(settings.defaultTimeouts(), Timeouts()); // untouched fields keep their values
}

void TestSettingsDialogs::availableLanguages_startWithEnglish()
{
    const QStringList languages = SettingsDialog::availableLanguages();
    QVERIFY(!languages.isEmpty());
    QCOMPARE(languages.first(), QStringLiteral("en"));
}

void TestSettingsDialogs::welcome_shouldShow_data()
{
    QTest::addColumn<int>("providers");
    QTest::addColumn<bool>("firstRunDone");
    QTest::addColumn<bool>("show");
    QTest::newRow("nothing configured on first start") << 0 << false << true;
    QTest::newRow("a provider configured") << 1 << false << false;
    QTest::newRow("welcome already dismissed") << 0 << true << false;
}

void TestSettingsDialogs::welcome_shouldShow()
{
    QFETCH(int, providers);
    QFETCH(bool, firstRunDone);
    QFETCH(bool, show);
    QCOMPARE(WelcomeDialog::shouldShow(providers, firstRunDone), show);
}

void TestSettingsDialogs::welcome_sandboxChoice_isReported()
{
    WelcomeDialog dialog;
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::None);
    dialog.findChild<QCommandLinkButton*>(QStringLiteral("sandboxChoice"))->click();
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::Sandbox);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!WelcomeDialog::examplePrompt().isEmpty());
}

QTEST_MAIN(TestSettingsDialogs)
#include "tst_SettingsDialogs.moc"
