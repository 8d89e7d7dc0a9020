#include "core/settings/AppSettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void freshSettings_haveDefaults();
    void setValue_persistsAndSignalsOnce();
    void sameValue_doesNotSignal();
    void reset_returnsToDefault();
    void versionOneFile_isMigrated();

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
};

void TestAppSettings::freshSettings_haveDefaults()
{
    AppSettings settings(path("fresh.ini"));
    QCOMPARE(settings.storePrompts(), true);
    QCOMPARE(settings.historyRetentionDays(), 90);
    QCOMPARE(settings.theme(), AppSettings::Theme::System);
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.firstRunDone(), false);
    QCOMPARE(settings.defaultTimeouts(), Timeouts());
    QCOMPARE(settings.value(AppSettings::BudgetWarnPercent).toInt(), 80);
}

void TestAppSettings::setValue_persistsAndSignalsOnce()
{
    {
        AppSettings settings(path("set.ini"));
        QSignalSpy changed(&settings, &AppSettings::changed);
        settings.setTheme(AppSettings::Theme::Dark);
        settings.setValue(AppSettings::HistoryRetentionDays, 30);
        Timeouts t;
        t.firstTokenMs = 4000;
        settings.setDefaultTimeouts(t);
        QCOMPARE(changed.size(), 3); // only the first-token timeout actually changed among the four
        QCOMPARE(changed.at(0).at(0).value<AppSettings::Key>(), AppSettings::ThemeKey);
        settings.sync();
    }
    AppSettings reopened(path("set.ini"));
    QCOMPARE(reopened.theme(), AppSettings::Theme::Dark);
    QCOMPARE(reopened.historyRetentionDays(), 30);
    QCOMPARE(reopened.defaultTimeouts().firstTokenMs, 4000);
}

void TestAppSettings::sameValue_doesNotSignal()
{
    AppSettings settings(path("same.ini"));
    QSignalSpy changed(&settings, &AppSettings::changed);
    settings.setValue(AppSettings::StorePrompts, true); // the default
    QCOMPARE(changed.size(), 0);
}

void TestAppSettings::reset_returnsToDefault()
{
    AppSettings settings(path("reset.ini"));
    settings.setValue(AppSettings::Language, QStringLiteral("de"));
    QSignalSpy changed(&settings, &AppSettings::changed);
    settings.reset(AppSettings::Language);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(settings.language(), QString());
}

void TestAppSettings::versionOneFile_isMigrated()
{
    {
        QSettings old(path("v1.ini"), QSettings::IniFormat);
        old.setValue(QStringLiteral("settingsVersion"), 1);
        old.setValue(QStringLiteral("budget/warnAt"), 0.65);
        old.setValue(QStringLiteral("ui/darkMode"), true);
        old.setValue(QStringLiteral("privacy/storePrompts"), false);
    }
    AppSettings settings(path("v1.ini"));
    QCOMPARE(settings.value(AppSettings::BudgetWarnPercent).toInt(), 65);
    QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
    QCOMPARE(settings.storePrompts(), false); // untouched keys survive
    settings.sync();
    QSettings after(path("v1.ini"), QSettings::IniFormat);
    QVERIFY(!after.contains(QStringLiteral("budget/warnAt")));
    QVERIFY(!after.contains(QStringLiteral("ui/darkMode")));
    QCOMPARE(after.value(QStringLiteral("settingsVersion")).toInt(), AppSettings::CurrentVersion);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_AppSettings.moc"
