#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `switchyard` as users and scripts run it: exit codes, one-line errors, JSON shapes.
class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void askJson_reportsAnswerUsageAndCost_data();
    void askJson_reportsAnswerUsageAndCost();
    void askStreamsTextToStdout();
    void askFailure_exitsNonZeroWithClassInJson();
    void badUsage_exitsWithOneLineError_data();
    void badUsage_exitsWithOneLineError();
    void modelsJson_listsSandboxModelsWithPrices();
    void homeFromEnvironment_isUsed();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList& arguments,
            const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

TestCli::Run TestCli::run(const QStringList& arguments, const QProcessEnvironment& environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SWITCHYARD_BINARY), arguments);
    Run result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestCli::askJson_reportsAnswerUsageAndCost_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai wire streamed") << "gpt-4.1-mini" << true;
    QTest::newRow("openai wire not streamed") << "sandbox/gpt-4.1-mini" << false;
    QTest::newRow("anthropic wire streamed") << "claude-haiku-4-5" << true;
}

void TestCli::askJson_reportsAnswerUsageAndCost()
{
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QStringList arguments { QStringLiteral("--home"),
                            m_home->path(),
                            QStringLiteral("--sandbox"),
                            QStringLiteral("ask"),
                            QStringLiteral("--json"),
                            QStringLiteral("--model"),
                            model };
    if (!stream) {
        arguments << QStringLiteral("--no-stream");
    }
    arguments << QStringLiteral("Say hello");
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QVERIFY2(!object.isEmpty(), result.out.constData());
    QVERIFY(object.value(QStringLiteral("model")).toString().endsWith(model.section(QLatin1Char('/'), -1)));
    QVERIFY(object.value(QStringLiteral("provider")).toString().startsWith(QLatin1String("sandbox-")));
    QVERIFY(!object.value(QStringLiteral("text")).toString().isEmpty());
    QVERIFY(object.value(QStringLiteral("ttft_ms")).toInteger() >= 0);
    QVERIFY(object.value(QStringLiteral("latency_ms")).toInteger()
            >= object.value(QStringLiteral("ttft_ms")).toInteger());
    const QJsonObject usage = object.value(QStringLiteral("usage")).toObject();
    QVERIFY(usage.value(QStringLiteral("completion_tokens")).toInteger() > 0);
    QCOMPARE(usage.value(QStringLiteral("estimated")).toBool(), false);
    QVERIFY(object.value(QStringLiteral("cost_usd")).toDouble() > 0);
    QVERIFY(!object.contains(QStringLiteral("error")));
}

void TestCli::askStreamsTextToStdout()
{
    const Run result
        = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"), QStringLiteral("ask"),
                QStringLiteral("--model"), QStringLiteral("gemini-2.5-flash"), QStringLiteral("Classify this") });
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.trimmed().size() > 20);
    QVERIFY(result.err.contains("sandbox/gemini-2.5-flash")); // the summary line goes to stderr
}

void TestCli::askFailure_exitsNonZeroWithClassInJson()
{
    // A prompt past the sandbox model's context window is refused upstream as a bad request.
    const QString hugePrompt = QString(QStringLiteral("word ")).repeated(300000);
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_BINARY),
                  { QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"), QStringLiteral("ask"),
                    QStringLiteral("--json"), QStringLiteral("--model"), QStringLiteral("deepseek-chat"),
                    QStringLiteral("-") });
    process.write(hugePrompt.toUtf8());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
    const QJsonObject object = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonObject error = object.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("class")).toString(), QStringLiteral("bad_request"));
    QCOMPARE(error.value(QStringLiteral("http_status")).toInt(), 400);
}

void TestCli::badUsage_exitsWithOneLineError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("unknown command") << QStringList { QStringLiteral("fly") } << "unknown command";
    QTest::newRow("ask without model") << QStringList { QStringLiteral("ask"), QStringLiteral("hi") } << "--model";
    QTest::newRow("ask unknown model") << QStringList { QStringLiteral("--sandbox"), QStringLiteral("ask"),
                                                        QStringLiteral("--model"), QStringLiteral("gpt-4o-mimi"),
                                                        QStringLiteral("hi") }
                                       << "Unknown model";
    QTest::newRow("ask without prompt") << QStringList { QStringLiteral("ask"), QStringLiteral("--model"),
                                                         QStringLiteral("x") }
                                        << "no prompt";
    QTest::newRow("bad max tokens") << QStringList { QStringLiteral("ask"),  QStringLiteral("--model"),
                                                     QStringLiteral("x"),    QStringLiteral("--max-tokens"),
                                                     QStringLiteral("lots"), QStringLiteral("hi") }
                                    << "--max-tokens";
}

void TestCli::badUsage_exitsWithOneLineError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedText);
    const Run result = run(QStringList { QStringLiteral("--home"), m_home->path() } + arguments);
    QVERIFY(result.exitCode != 0);
    const QByteArray err = result.err.trimmed();
    QVERIFY2(err.contains(expectedText.toUtf8()), err.constData());
    QVERIFY2(!err.contains('\n'), err.constData());
    QVERIFY(err.startsWith("switchyard: "));
}

void TestCli::modelsJson_listsSandboxModelsWithPrices()
{
    const Run result = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"),
                             QStringLiteral("models"), QStringLiteral("--json") });
    QCOMPARE(result.exitCode, 0);
    const QJsonArray models = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("models")).toArray();
    QVERIFY(models.size() >= 5);
    QSet<QString> providers;
    for (const QJsonValue& value : models) {
        const QJsonObject model = value.toObject();
        providers.insert(model.value(QStringLiteral("provider")).toString());
        QVERIFY(model.value(QStringLiteral("simulated")).toBool());
        QVERIFY(model.value(QStringLiteral("price_per_mtok")).toObject().value(QStringLiteral("output")).toDouble()
                > 0);
    }
    QVERIFY(providers.contains(QStringLiteral("sandbox-anthropic")));
    QVERIFY(providers.size() >= 3);
}

void TestCli::homeFromEnvironment_isUsed()
{
    QTemporaryDir parent;
    const QString home = parent.filePath(QStringLiteral("nested/home"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SWITCHYARD_HOME"), home);
    const Run result = run({ QStringLiteral("models") }, environment);
    QCOMPARE(result.exitCode, 0);
    QVERIFY(QFileInfo(home).isDir());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_Cli.moc"
