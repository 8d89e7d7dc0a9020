#include "core/engine/Engine.h"
#include "core/gateway/ClientKeyStore.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/TeamConfigStore.h"
#include "ui/MainWindow.h"
#include "ui/settings/TeamConfigBar.h"

#include "ClippedText.h"
#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

// The desktop app on a team's PostgreSQL ledger: a team configuration pushed elsewhere
// (switchyard team push) is offered above the pages with who pushed it and why; Apply makes its
// providers, routing and client keys what the app runs on; a version with errors is shown with
// them and cannot be applied.
class tst_TeamConfigBar : public QObject
{
    Q_OBJECT

private:
    PostgresServer m_server;

    static QByteArray providersWith(const QString& model)
    {
        return QJsonDocument(
                   QJsonObject {
                       { "format", "switchyard-providers" },
                       { "version", 1 },
                       { "providers",
                         QJsonArray { QJsonObject { { "id", "team" },
                                                    { "displayName", "Team proxy" },
                                                    { "kind", "openai" },
                                                    { "baseUrl", "http://127.0.0.1:9/v1" },
                                                    { "keyEnv", "" },
                                                    { "enabled", true } } } },
                       { "models",
                         QJsonArray { QJsonObject {
                             { "id", model },
                             { "provider", "team" },
                             { "upstreamModel", model },
                             { "price", QJsonObject { { "inputPerMTok", 1 }, { "outputPerMTok", 2 } } } } } } })
            .toJson();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_teamconfigbar"));
        if (!m_server.start()) {
            QSKIP(qPrintable(m_server.skipReason()));
        }
    }

    void newVersion_offeredAppliedOrRefusedWithItsErrors()
    {
        const QString url = m_server.createDatabase();
        {
            Ledger ledger; // the schema
            QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
        }
        QTemporaryDir keysDir;
        ClientKeyStore keys(QDir(keysDir.path()).filePath(ClientKeyStore::fileName()));
        ClientKey settings;
        settings.name = QStringLiteral("ci agent");
        QVERIFY(keys.create(settings, QDateTime::currentDateTimeUtc()));
        TeamConfigStore store(url);
        TeamConfigVersion first;
        first.providers = providersWith(QStringLiteral("team-model"));
        first.clientKeys = keys.toJson();
        first.note = QStringLiteral("the team proxy");
        QCOMPARE(store.push(first, 0, false), 1);

        QTemporaryDir home;
        Engine engine;
        Engine::Options options;
        options.homeDir = home.path();
        options.database = url;
        QVERIFY2(engine.open(options), qPrintable(engine.errorString()));
        QVERIFY(!engine.model(QStringLiteral("team-model")));
        MainWindow window(engine);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* bar = window.findChild<TeamConfigBar*>();
        QVERIFY(bar);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 15000);
        QVERIFY2(bar->text().contains(QStringLiteral("version 1, pushed by switchyard"))
                     && bar->text().contains(QStringLiteral("the team proxy")),
                 qPrintable(bar->text()));
        QTest::qWait(50);
        const QStringList cut = ClippedText::find(&window);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(window.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/team-config-bar.png")));

        auto* apply = bar->findChild<QPushButton*>(QStringLiteral("teamConfigApply"));
        QVERIFY(apply && apply->isVisible());
        apply->click();
        QVERIFY(!bar->isVisible());
        QVERIFY(engine.model(QStringLiteral("team-model"))); // at once, no restart
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Applied the team's version 1")));
        ClientKeyStore applied(QDir(home.path()).filePath(ClientKeyStore::fileName()));
        QVERIFY(applied.load());
        QCOMPARE(applied.keys().size(), 1);
        QFile state(QDir(home.path()).filePath(QStringLiteral("team-config.json")));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(state.readAll()).object().value("version").toInt(), 1);

        // Version 2 is broken: shown with its errors, not applicable, and the app keeps version 1.
        TeamConfigVersion broken;
        broken.providers = "{\"format\": \"switchyard-providers\", \"version\": 1, \"providers\": [";
        broken.note = QStringLiteral("oops");
        QCOMPARE(store.push(broken, 1, false), 2);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 15000);
        QVERIFY2(bar->text().contains(QStringLiteral("version 2")) && bar->text().contains(QStringLiteral("errors"))
                     && bar->text().contains(QStringLiteral("providers.json")),
                 qPrintable(bar->text()));
        QVERIFY(!apply->isVisible());
        QVERIFY(engine.model(QStringLiteral("team-model")));
        auto* later = bar->findChild<QPushButton*>(QStringLiteral("teamConfigLater"));
        later->click();
        QVERIFY(!bar->isVisible());
        QTest::qWait(2500); // a poll later: not offered again
        QVERIFY(!bar->isVisible());
    }
};

QTEST_MAIN(tst_TeamConfigBar)
#include "tst_TeamConfigBar.moc"
