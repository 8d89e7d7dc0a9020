#include "UiFixture.h"
#include "core/gateway/ClientKeyStore.h"
#include "ui/gateway/ClientKeysDialog.h"

#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

// The gateway's client keys dialog as a user drives it: create a key with limits (shown once,
// stored as a hash), see it listed, let its budget refuse unpriced models, revoke it; a damaged file is named, not
// overwritten.
class tst_ClientKeysDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { UiFixture::initTestCase(QStringLiteral("tst_clientkeysdialog")); }

    void createShowsTheKeyOnce_listsIt_revokes()
    {
        QTemporaryDir home;
        const QString path = QDir(home.path()).filePath(ClientKeyStore::fileName());
        ClientKeysDialog dialog(path);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.table()->rowCount(), 0);
        QVERIFY(!dialog.newKeyEdit()->isVisible());

        // No name: refused with a message, nothing written.
        dialog.createButton()->click();
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("clientKeysError"));
        QVERIFY(error && error->isVisible() && error->text().contains(QStringLiteral("name")));
        QVERIFY(!QFile::exists(path));

        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("cursor"));
        QTest::keyClicks(dialog.modelsEdit(), QStringLiteral("auto, chat"));
        dialog.dailyBudget()->setValue(3.5);
        dialog.rpm()->setValue(30);
        dialog.allowUnpricedBox()->setChecked(true);
        dialog.createButton()->click();
        QVERIFY(!error->isVisible());
        const QString secret = dialog.newKeyEdit()->text();
        QVERIFY2(secret.startsWith(QLatin1String("sk-sy-")), qPrintable(secret));
        QVERIFY(dialog.newKeyEdit()->isVisible() && dialog.newKeyEdit()->isReadOnly());
        QCOMPARE(dialog.table()->rowCount(), 1);
        QCOMPARE(dialog.table()->item(0, 0)->text(), QStringLiteral("cursor"));
        QVERIFY(dialog.table()->item(0, 4)->text().contains(QStringLiteral("chat")));
        QVERIFY(dialog.table()->item(0, 5)->text().contains(QStringLiteral("30")));

        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(dialog.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/gateway-client-keys.png")));

        ClientKeyStore store(path);
        QVERIFY(store.load());
        QCOMPARE(store.keys().size(), 1);
        QCOMPARE(store.keys().first().allowedModels, (QStringList { QStringLiteral("auto"), QStringLiteral("chat") }));
        QCOMPARE(store.keys().first().dailyBudgetUsd, std::optional<double>(3.5));
        QVERIFY(store.keys().first().allowUnpriced);
        QVERIFY(ClientKeys::matches(store.keys().first(), secret.toLatin1()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret.section(QLatin1Char('-'), 3).toLatin1()));

        // A reopened dialog lists the key but cannot show its secret again.
        ClientKeysDialog reopened(path);
        QCOMPARE(reopened.table()->rowCount(), 1);
        QVERIFY(reopened.newKeyEdit()->text().isEmpty());

        QVERIFY(!dialog.revokeButton()->isEnabled());
        QVERIFY(!dialog.unpricedButton()->isEnabled());
        dialog.table()->selectRow(0);
        QVERIFY(dialog.revokeButton()->isEnabled());
        QVERIFY(dialog.table()->item(0, 5)->text().contains(QStringLiteral("unpriced models allowed")));

        // The selected key's budget stops letting unpriced models through, and the file says so.
        QCOMPARE(dialog.unpricedButton()->text(), QStringLiteral("Refuse unpriced models"));
        dialog.unpricedButton()->click();
        QVERIFY(store.load());
        QVERIFY(!store.keys().first().allowUnpriced);
        QVERIFY2(!dialog.table()->item(0, 5)->text().contains(QStringLiteral("unpriced")),
                 qPrintable(dialog.table()->item(0, 5)->text()));
        QCOMPARE(dialog.unpricedButton()->text(), QStringLiteral("Allow unpriced models"));
        dialog.revokeButton()->click();
        QVERIFY(dialog.table()->item(0, 2)->text().contains(QStringLiteral("revoked")));
        QVERIFY(store.load());
        QVERIFY(store.keys().first().revokedAt.has_value());
    }

    void damagedFile_isNamed_notOverwritten()
    {
        QTemporaryDir home;
        const QString path = QDir(home.path()).filePath(ClientKeyStore::fileName());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        ClientKeysDialog dialog(path);
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("clientKeysError"));
        QVERIFY(error && error->text().contains(path));
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("x"));
        dialog.createButton()->click();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("{ not json"));
    }
};

QTEST_MAIN(tst_ClientKeysDialog)
#include "tst_ClientKeysDialog.moc"
