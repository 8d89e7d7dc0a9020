#include "core/engine/Engine.h"
#include "core/engine/EngineGateway.h"
#include "core/gateway/GatewayServer.h"
#include "core/ledger/Ledger.h"
#include "core/pricing/PriceTable.h"
#include "core/sandbox/SandboxServer.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The same call made from the command line and through the local gateway lands in the ledger as
// the same rows: price version, attempts, failovers and failure class (read back from SQLite).
class TestRecordingSources : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameCall_cliAndGateway_recordTheSameRows_data();
    void sameCall_cliAndGateway_recordTheSameRows();

private:
    static QList<std::pair<QString, SandboxFault>> faults(const QStringList& specs);
    static QStringList rows(const QString& ledgerPath, QString* source);

    QTemporaryDir m_settings;
};

void TestRecordingSources::initTestCase()
{
    // The CLI reads the app's settings (budgets); the tester's own must not leak into the runs.
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
}

// "gpt-5=503" or "gpt-5=429:insufficient_quota", as `--sandbox-fault` reads them.
QList<std::pair<QString, SandboxFault>> TestRecordingSources::faults(const QStringList& specs)
{
    QList<std::pair<QString, SandboxFault>> out;
    for (const QString& spec : specs) {
        const QString fault = spec.section(QLatin1Char('='), 1);
        out.append({ spec.section(QLatin1Char('='), 0, 0),
                     SandboxFault::httpError(fault.section(QLatin1Char(':'), 0, 0).toInt(),
                                             fault.section(QLatin1Char(':'), 1).toUtf8()) });
    }
    return out;
}

// Everything a row says about the call, not about when or from where it came.
QStringList TestRecordingSources::rows(const QString& ledgerPath, QString* source)
{
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("compare"));
        db.setDatabaseName(ledgerPath);
        if (!db.open()) {
            return { QStringLiteral("cannot open ") + ledgerPath };
        }
        QSqlQuery query(db);
        query.exec(QStringLiteral("SELECT source, tier, rule, final_model, final_provider, status, price_version,"
                                  " cost_usd IS NULL, cached_answer, failure_class, error_message FROM requests"));
        while (query.next()) {
            *source = query.value(0).toString();
            QStringList fields;
            for (int i = 1; i < 11; ++i) {
                fields << query.value(i).toString();
            }
            out << QStringLiteral("request ") + fields.join(QLatin1Char('|'));
        }
        query.exec(QStringLiteral("SELECT seq, model_id, provider_id, outcome, failure_class, http_status, message"
                                  " FROM attempts ORDER BY seq"));
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < 7; ++i) {
                fields << query.value(i).toString();
            }
            out << QStringLiteral("attempt ") + fields.join(QLatin1Char('|'));
        }
        query.exec(
            QStringLiteral("SELECT seq, from_model, to_model, failure_class, message FROM failovers ORDER BY seq"));
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < 5; ++i) {
                fields << query.value(i).toString();
            }
            out << QStringLiteral("failover ") + fields.join(QLatin1Char('|'));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("compare"));
    return out;
}

void TestRecordingSources::sameCall_cliAndGateway_recordTheSameRows_data()
{
    QTest::addColumn<QStringList>("sandboxFaults");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("failovers");
    QTest::addColumn<QString>("failureClass");
    QTest::addColumn<QString>("failoverClass"); // of the first failover

    // The premium tier: gpt-5 (sandbox-openai), then claude-sonnet-4-5 (sandbox-anthropic).
    QTest::newRow("no fault: gpt-5 answers") << QStringList {} << "ok" << 0 << ""
                                             << "";
    QTest::newRow("gpt-5 answers 503: both fail over to claude-sonnet-4-5")
        << QStringList { "gpt-5=503" } << "ok" << 1 << ""
        << "server_error";
    QTest::newRow("gpt-5 out of quota: both fail over, the failover says quota_exhausted")
        << QStringList { "gpt-5=429:insufficient_quota" } << "ok" << 1 << ""
        << "quota_exhausted";
    QTest::newRow("the whole tier answers 503: both fail with server_error")
        << QStringList { "gpt-5=503", "claude-sonnet-4-5=503" } << "failed" << 1 << "server_error"
        << "server_error";
}

void TestRecordingSources::sameCall_cliAndGateway_recordTheSameRows()
{
    QFETCH(QStringList, sandboxFaults);
    QFETCH(QString, status);
    QFETCH(int, failovers);
    QFETCH(QString, failureClass);
    QFETCH(QString, failoverClass);
    const QString prompt = QStringLiteral("Say hello");

    // From the command line: `switchyard --sandbox-fault gpt-5=503 ask --model premium "Say hello"`.
    QTemporaryDir cliHome;
    QStringList arguments { QStringLiteral("--home"), cliHome.path(), QStringLiteral("--sandbox") };
    for (const QString& spec : sandboxFaults) {
        arguments << QStringLiteral("--sandbox-fault") << spec;
    }
    arguments << QStringLiteral("ask") << QStringLiteral("--json") << QStringLiteral("--model")
              << QStringLiteral("premium") << prompt;
    QProcess cli;
    cli.start(QStringLiteral(SWITCHYARD_BINARY), arguments);
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), status == QLatin1String("ok") ? 0 : 2);

    // Through the gateway, over loopback HTTP, on an engine with the same sandbox faults.
    QTemporaryDir gatewayHome;
    {
        Engine engine;
        Engine::Options options;
        options.homeDir = gatewayHome.path();
        options.sandbox = true;
        options.sandboxFaults = faults(sandboxFaults);
        QVERIFY(engine.open(options));
        engine.sandbox()->setTimeScale(0);
        GatewayServer gateway(EngineGateway::dependencies(engine));
        QVERIFY(gateway.listen(QHostAddress::LocalHost, 0));
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(gateway.port())));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QSignalSpy recorded(&engine, &Engine::requestRecorded);
        QNetworkReply* reply = nam.post(request,
                                        "{\"model\":\"premium\",\"messages\":[{\"role\":\"user\",\"content\":\""
                                            + prompt.toUtf8() + "\"}]}");
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        reply->deleteLater();
        QTRY_COMPARE(recorded.size(), 1);
        QSignalSpy flushed(engine.ledger(), &Ledger::flushed);
        engine.ledger()->flush();
        QTRY_COMPARE(flushed.size(), 1);
    }

    QString cliSource;
    QString gatewaySource;
    const QStringList fromCli = rows(QDir(cliHome.path()).filePath(QStringLiteral("ledger.sqlite")), &cliSource);
    const QStringList fromGateway
        = rows(QDir(gatewayHome.path()).filePath(QStringLiteral("ledger.sqlite")), &gatewaySource);
    QCOMPARE(cliSource, QStringLiteral("cli"));
    QCOMPARE(gatewaySource, QStringLiteral("gateway"));
    QCOMPARE(fromGateway, fromCli);

    // And they say what happened: one request, the price version in force, the failovers.
    QCOMPARE(fromCli.filter(QRegularExpression(QStringLiteral("^request "))).size(), 1);
    const QStringList request = fromCli.first().mid(8).split(QLatin1Char('|'));
    QCOMPARE(request.at(4), status);
    QCOMPARE(request.at(5).toInt(), PriceTable::bundled().version());
    QCOMPARE(request.at(8), failureClass);
    const QStringList failoverRows = fromCli.filter(QRegularExpression(QStringLiteral("^failover ")));
    QCOMPARE(failoverRows.size(), failovers);
    if (failovers > 0) {
        QCOMPARE(failoverRows.first().mid(9).split(QLatin1Char('|')).at(3), failoverClass);
    }
}

QTEST_MAIN(TestRecordingSources)
#include "tst_RecordingSources.moc"
