#include "ui/routing/TierSettingsDialog.h"

#include <QCheckBox>
#include <QSpinBox>
#include <QTest>

// Which timeouts a tier sets itself: those it had, and those edited in the dialog (also when the
// edit ends on the default's value); the rest stay the defaults', as the defaults change.
class tst_TierSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void timeoutsSet_data();
    void timeoutsSet();
};

namespace {
enum Spin
{
    Connect,
    FirstToken,
    Idle,
    Total,
};
} // namespace

void tst_TierSettingsDialog::timeoutsSet_data()
{
    QTest::addColumn<int>("initialSet"); // the tier's TimeoutField bits; -1: no settings of its own
    QTest::addColumn<QList<int>>("firstTokenEdits"); // values typed into "First token timeout", in order
    QTest::addColumn<int>("totalEdit"); // 0: not edited
    QTest::addColumn<int>("expectedSet");
    QTest::addColumn<int>("expectedFirstTokenMs");
    QTest::newRow("a tier's own 10 s stays its own")
        << int(FirstTokenTimeoutField) << QList<int> {} << 0 << int(FirstTokenTimeoutField) << 10000;
    QTest::newRow("only the edited total becomes the tier's")
        << -1 << QList<int> {} << 9000 << int(TotalTimeoutField) << 3000;
    QTest::newRow("edited back to the default's value: still the tier's choice")
        << -1 << QList<int> { 20000, 3000 } << 0 << int(FirstTokenTimeoutField) << 3000;
}

void tst_TierSettingsDialog::timeoutsSet()
{
    QFETCH(int, initialSet);
    QFETCH(QList<int>, firstTokenEdits);
    QFETCH(int, totalEdit);
    QFETCH(int, expectedSet);
    QFETCH(int, expectedFirstTokenMs);
    TierSettings defaults;
    defaults.timeouts.firstTokenMs = 3000;
    defaults.timeoutsSet = FirstTokenTimeoutField;
    std::optional<TierSettings> own;
    if (initialSet >= 0) {
        own = defaults;
        own->timeouts.firstTokenMs = 10000;
        own->timeoutsSet = quint8(initialSet);
    }
    TierSettingsDialog dialog(QStringLiteral("coding"), own, defaults);
    QCheckBox* useDefaults = dialog.findChild<QCheckBox*>();
    QVERIFY(useDefaults);
    QCOMPARE(useDefaults->isChecked(), !own.has_value());
    useDefaults->setChecked(false); // as the user unticks "Use the policy defaults"
    const QList<QSpinBox*> spins = dialog.findChildren<QSpinBox*>();
    QVERIFY(spins.size() >= 4);
    for (int ms : firstTokenEdits) {
        spins.at(FirstToken)->setValue(ms);
    }
    if (totalEdit > 0) {
        spins.at(Total)->setValue(totalEdit);
    }

    const std::optional<TierSettings> result = dialog.settings();
    QVERIFY(result.has_value());
    QCOMPARE(int(result->timeoutsSet), expectedSet);
    QCOMPARE(result->timeouts.firstTokenMs, expectedFirstTokenMs);

    useDefaults->setChecked(true);
    QVERIFY(!dialog.settings().has_value());
}

QTEST_MAIN(tst_TierSettingsDialog)
#include "tst_TierSettingsDialog.moc"
