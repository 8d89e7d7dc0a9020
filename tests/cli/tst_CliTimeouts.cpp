#include "ServeProcess.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

// One precedence for timeouts on every path: request > model (deployment) > tier > defaults.
// The real binary runs `ask`, `route` and `serve` against loopback upstreams of this process,
// which note when each request arrives and when its client gives up, so the timeouts are
// measured where they act.
namespace {
enum class Behaviour
{
    Hang, // never answers
    Answer, // a whole chat completion at once
    Trickle, // stream headers, then a token every 100 ms, never ending
};

class Upstream
{
public:
    explicit Upstream(Behaviour behaviour)
    {
        m_clock.start();
        m_server.setHandler([this, behaviour](const HttpRequest& request, HttpResponder* responder) {
            arrivedMs.append(m_clock.elapsed());
            QObject::connect(responder, &HttpResponder::clientDisconnected, &m_server,
                             [this] { leftMs.append(m_clock.elapsed()); });
            if (behaviour == Behaviour::Hang) {
                return;
            }
            if (behaviour == Behaviour::Answer) {
                const bool stream = request.body.contains("\"stream\":true");
                if (stream) {
                    responder->beginStream(200, "text/event-stream");
                    responder->writeChunk(
                        R"(data: {"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"content":"hello"},"finish_reason":"stop"}]})"
                        "\n\ndata: [DONE]\n\n");
                    responder->endStream();
                    return;
                }
                responder->send(200, "application/json",
                                R"({"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,)"
                                R"("message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],)"
                                R"("usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})");
                return;
            }
            responder->beginStream(200, "text/event-stream");
            auto* timer = new QTimer(responder);
            QObject::connect(timer, &QTimer::timeout, responder, [responder] {
                responder->writeChunk(
                    R"(data: {"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"content":"word "},"finish_reason":null}]})"
                    "\n\n");
            });
            timer->start(100);
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    quint16 port() const { return m_server.port(); }
    qint64 nowMs() const { return m_clock.elapsed(); }

    QList<qint64> arrivedMs;
    QList<qint64> leftMs;

private:
    QElapsedTimer m_clock; // one clock per upstream; compared only within one upstream or via nowMs()
    HttpServer m_server;
};

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runSwitchyard(const QStringList& arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(SWITCHYARD_BINARY), arguments);
    Run result;
    if (!finished.wait(30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonObject provider(const QString& id, quint16 port)
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("displayName"), id },
             { QStringLiteral("kind"), QStringLiteral("openai") },
             { QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:%1/v1").arg(port) },
             { QStringLiteral("keyEnv"), QString() },
             { QStringLiteral("maxConcurrent"), 0 },
             { QStringLiteral("enabled"), true },
             { QStringLiteral("simulated"), false } };
}

QJsonObject model(const QString& id, const QString& providerId, const QJsonObject& timeouts = {})
{
    QJsonObject object { { QStringLiteral("id"), id },
                         { QStringLiteral("provider"), providerId },
                         { QStringLiteral("upstreamModel"), QStringLiteral("m") } };
    if (!timeouts.isEmpty()) {
        object.insert(QStringLiteral("timeouts"), timeouts);
    }
    return object;
}

bool writeJson(const QString& path, const QJsonObject& object)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(object).toJson()) > 0;
}
} // namespace

class tst_CliTimeouts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void hangingUpstream_failsOverAtTheModelsFirstTokenTimeout_data();
    void hangingUpstream_failsOverAtTheModelsFirstTokenTimeout();
    void endlessStream_stopsAtTheModelsTotalTimeout_data();
    void endlessStream_stopsAtTheModelsTotalTimeout();
    void explain_showsEachTimeoutAndItsSource();
    void explain_thinkingModelKeepsATimeoutSetToTheBuiltInValue_data();
    void explain_thinkingModelKeepsATimeoutSetToTheBuiltInValue();

private:
    // providers.json and routing.json: "hang" (first token 1 s of its own) falls back to "ok" in
    // tier "standard" and group "assistant"; "slow" (total 2 s of its own) alone in tier "slowtier"
    // and group "slowgroup". The tier and the defaults keep 10 s / 180 s. `importedLayout`: as a
    // LiteLLM import leaves it, no tiers (the built-in ones apply), "hang" without timeouts of its
    // own and routing defaults with first token 800 ms.
    void writeConfig(bool importedLayout = false);
    QStringList home() const { return { QStringLiteral("--home"), m_home->path() }; }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Upstream> m_hang;
    std::unique_ptr<Upstream> m_ok;
    std::unique_ptr<Upstream> m_slow;
    bool m_imported = false;
};

void tst_CliTimeouts::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_hang = std::make_unique<Upstream>(Behaviour::Hang);
    m_ok = std::make_unique<Upstream>(Behaviour::Answer);
    m_slow = std::make_unique<Upstream>(Behaviour::Trickle);
    writeConfig();
}

void tst_CliTimeouts::writeConfig(bool importedLayout)
{
    const QJsonObject hangTimeouts
        = importedLayout ? QJsonObject {} : QJsonObject { { QStringLiteral("firstTokenMs"), 1000 } };
    const QJsonObject providers {
        { QStringLiteral("format"), QStringLiteral("switchyard-providers") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("providers"),
          QJsonArray { provider(QStringLiteral("hangp"), m_hang->port()), provider(QStringLiteral("okp"), m_ok->port()),
                       provider(QStringLiteral("slowp"), m_slow->port()) } },
        { QStringLiteral("models"),
          QJsonArray {
              model(QStringLiteral("hang"), QStringLiteral("hangp"), hangTimeouts),
              model(QStringLiteral("ok"), QStringLiteral("okp")),
              model(QStringLiteral("slow"), QStringLiteral("slowp"), { { QStringLiteral("totalMs"), 2000 } }) } },
    };
    auto tier = [](const QString& name, const QJsonArray& chain) {
        return QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("chain"), chain } };
    };
    auto group = [](const QString& name, const QString& deployment, const QStringList& fallbacks) {
        return QJsonObject { { QStringLiteral("name"), name },
                             { QStringLiteral("deployments"), QJsonArray { deployment } },
                             { QStringLiteral("fallbacks"), QJsonArray::fromStringList(fallbacks) } };
    };
    QJsonObject routing {
        { QStringLiteral("format"), QStringLiteral("switchyard-routing") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("defaultTier"), QStringLiteral("standard") },
        { QStringLiteral("tiers"),
          importedLayout
              ? QJsonArray {}
              : QJsonArray { tier(QStringLiteral("standard"), { QStringLiteral("hang"), QStringLiteral("ok") }),
                             tier(QStringLiteral("slowtier"), { QStringLiteral("slow") }) } },
        { QStringLiteral("rules"),
          importedLayout ? QJsonArray {}
                         : QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("slow tag") },
                                                      { QStringLiteral("kind"), QStringLiteral("tag") },
                                                      { QStringLiteral("pattern"), QStringLiteral("tier=slowtier") },
                                                      { QStringLiteral("tier"), QStringLiteral("slowtier") } } } },
        { QStringLiteral("groups"),
          QJsonArray { group(QStringLiteral("assistant"), QStringLiteral("hang"), { QStringLiteral("ok") }),
                       group(QStringLiteral("slowgroup"), QStringLiteral("slow"), {}) } },
    };
    if (importedLayout) {
        routing.insert(
            QStringLiteral("defaults"),
            QJsonObject { { QStringLiteral("timeouts"), QJsonObject { { QStringLiteral("firstTokenMs"), 800 } } } });
    }
    QVERIFY(writeJson(QDir(m_home->path()).filePath(QStringLiteral("providers.json")), providers));
    QVERIFY(writeJson(QDir(m_home->path()).filePath(QStringLiteral("routing.json")), routing));
}

void tst_CliTimeouts::hangingUpstream_failsOverAtTheModelsFirstTokenTimeout_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("requestHeader"); // x-switchyard-first-token-timeout-ms (serve only)
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("ask --model GROUP: the model's 1 s") << "ask" << QByteArray() << 1000;
    QTest::newRow("route: the model's 1 s, not the tier's 10 s") << "route" << QByteArray() << 1000;
    QTest::newRow("serve: the model's 1 s, not the tier's 10 s") << "serve" << QByteArray() << 1000;
    QTest::newRow("serve: the request's 600 ms over the model's 1 s") << "serve" << QByteArray("600") << 600;
    QTest::newRow("serve GROUP after a LiteLLM import: routing.json's defaults, 800 ms")
        << "serve imported" << QByteArray() << 800;
    QTest::newRow("ask --model GROUP after a LiteLLM import: routing.json's defaults, 800 ms")
        << "ask imported" << QByteArray() << 800;
}

void tst_CliTimeouts::hangingUpstream_failsOverAtTheModelsFirstTokenTimeout()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, requestHeader);
    QFETCH(int, expectedMs);
    m_imported = path.endsWith(QLatin1String(" imported"));
    if (m_imported) {
        writeConfig(true);
        path.chop(9);
    }

    if (path == QLatin1String("serve")) {
        ServeProcess serve;
        QVERIFY(serve.start(m_home->path(), {}));
        QNetworkAccessManager nam;
        QNetworkRequest request(serve.url(QStringLiteral("/v1/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!requestHeader.isEmpty()) {
            request.setRawHeader("x-switchyard-first-token-timeout-ms", requestHeader);
        }
        QNetworkReply* reply = nam.post(request,
                                        R"({"model":")" + QByteArray(m_imported ? "assistant" : "auto")
                                            + R"(","messages":[{"role":"user","content":"hello"}]})");
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    } else {
        const QStringList arguments = path == QLatin1String("ask")
            ? QStringList { QStringLiteral("ask"),     QStringLiteral("--json"),    QStringLiteral("--no-stream"),
                            QStringLiteral("--model"), QStringLiteral("assistant"), QStringLiteral("hello") }
            : QStringList { QStringLiteral("route"), QStringLiteral("--json"), QStringLiteral("--no-stream"),
                            QStringLiteral("hello") };
        const Run run = runSwitchyard(home() + arguments);
        QVERIFY2(run.exitCode == 0, run.err.constData() + QByteArray("\n") + run.out);
    }
    QCOMPARE(m_hang->arrivedMs.size(), 1);
    QCOMPARE(m_ok->arrivedMs.size(), 1);
    // Both upstreams' clocks started together in init(): the difference is the failover time.
    const qint64 failoverMs = m_ok->arrivedMs.constFirst() - m_hang->arrivedMs.constFirst();
    qInfo("%s: failed over after %lld ms (timeout %d ms)", qPrintable(path), failoverMs, expectedMs);
    QVERIFY2(failoverMs >= expectedMs - 50 && failoverMs < expectedMs + 250, qPrintable(QString::number(failoverMs)));
}

void tst_CliTimeouts::endlessStream_stopsAtTheModelsTotalTimeout_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("ask --model GROUP: the model's 2 s, not 180 s") << "ask";
    QTest::newRow("route --tag tier=slowtier: the model's 2 s, not 180 s") << "route";
    QTest::newRow("serve: the model's 2 s, not 180 s") << "serve";
}

void tst_CliTimeouts::endlessStream_stopsAtTheModelsTotalTimeout()
{
    QFETCH(QString, path);
    if (path == QLatin1String("serve")) {
        ServeProcess serve;
        QVERIFY(serve.start(m_home->path(), {}));
        QNetworkAccessManager nam;
        QNetworkRequest request(serve.url(QStringLiteral("/v1/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = nam.post(
            request,
            QByteArrayLiteral(R"({"model":"slowgroup","stream":true,"messages":[{"role":"user","content":"hello"}]})"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        reply->deleteLater();
    } else {
        const QStringList arguments = path == QLatin1String("ask")
            ? QStringList { QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--model"),
                            QStringLiteral("slowgroup"), QStringLiteral("hello") }
            : QStringList { QStringLiteral("route"), QStringLiteral("--json"), QStringLiteral("--tag"),
                            QStringLiteral("tier=slowtier"), QStringLiteral("hello") };
        const Run run = runSwitchyard(home() + arguments);
        QVERIFY2(run.exitCode == 2, run.err.constData() + QByteArray("\n") + run.out);
        QVERIFY2(run.out.contains("total_timeout"), run.out.constData());
    }
    QCOMPARE(m_slow->arrivedMs.size(), 1);
    QTRY_COMPARE(m_slow->leftMs.size(), 1);
    const qint64 streamedMs = m_slow->leftMs.constFirst() - m_slow->arrivedMs.constFirst();
    qInfo("%s: stream stopped after %lld ms (total timeout 2000 ms)", qPrintable(path), streamedMs);
    QVERIFY2(streamedMs >= 1950 && streamedMs < 2250, qPrintable(QString::number(streamedMs)));
}

void tst_CliTimeouts::explain_showsEachTimeoutAndItsSource()
{
    const Run run = runSwitchyard(
        home() + QStringList { QStringLiteral("explain"), QStringLiteral("--json"), QStringLiteral("hello") });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject explanation = QJsonDocument::fromJson(run.out).object();
    const QJsonArray chain = explanation.value(QStringLiteral("chain")).toArray();
    QCOMPARE(chain.size(), 2);
    const QJsonObject hang = chain.at(0).toObject().value(QStringLiteral("deployments")).toArray().at(0).toObject();
    QCOMPARE(hang.value(QStringLiteral("model")).toString(), QStringLiteral("hang"));
    const QJsonObject timeouts = hang.value(QStringLiteral("timeouts")).toObject();
    auto field = [&timeouts](const char* key) { return timeouts.value(QLatin1String(key)).toObject(); };
    QCOMPARE(field("first_token_ms").value(QStringLiteral("value")).toInt(), 1000);
    QCOMPARE(field("first_token_ms").value(QStringLiteral("from")).toString(), QStringLiteral("model"));
    QCOMPARE(field("total_ms").value(QStringLiteral("value")).toInt(), 180000);
    QCOMPARE(field("total_ms").value(QStringLiteral("from")).toString(), QStringLiteral("defaults"));

    const Run text = runSwitchyard(home() + QStringList { QStringLiteral("explain"), QStringLiteral("hello") });
    QVERIFY2(text.out.contains("first token 1000 ms (model)"), text.out.constData());
}

void tst_CliTimeouts::explain_thinkingModelKeepsATimeoutSetToTheBuiltInValue_data()
{
    QTest::addColumn<int>("version"); // routing.json's format version
    QTest::addColumn<QByteArray>("defaults"); // routing.json's "defaults"
    QTest::addColumn<QByteArray>("tierSettings"); // tier "think"'s "settings", empty: none
    QTest::addColumn<QByteArray>("appSettings"); // the home's settings.ini
    QTest::addColumn<int>("expectedMs");
    QTest::addColumn<QString>("expectedFrom");
    QTest::newRow("nobody sets it: a model that thinks first gets a minute")
        << 2 << QByteArray("{}") << QByteArray() << QByteArray() << 60000 << "defaults";
    QTest::newRow("routing.json's defaults set exactly 10 s: kept")
        << 2 << QByteArray(R"({"timeouts":{"firstTokenMs":10000}})") << QByteArray() << QByteArray() << 10000
        << "defaults";
    QTest::newRow("the tier sets exactly 10 s: kept")
        << 2 << QByteArray("{}") << QByteArray(R"({"timeouts":{"firstTokenMs":10000}})") << QByteArray() << 10000
        << "tier";
    QTest::newRow("the app's settings set exactly 10 s: kept")
        << 2 << QByteArray("{}") << QByteArray() << QByteArray("[timeouts]\nfirstTokenMs=10000\n") << 10000
        << "defaults";
    QTest::newRow("the app's 20 s under routing.json's 10 s: routing.json's")
        << 2 << QByteArray(R"({"timeouts":{"firstTokenMs":10000}})") << QByteArray()
        << QByteArray("[timeouts]\nfirstTokenMs=20000\n") << 10000 << "defaults";
    QTest::newRow("a version 1 file wrote every default: its 10 s was not chosen")
        << 1 << QByteArray(R"({"timeouts":{"connectMs":5000,"firstTokenMs":10000,"idleMs":15000,"totalMs":180000}})")
        << QByteArray() << QByteArray() << 60000 << "defaults";
}

// A thinking model's longer first-token default (a minute) replaces only the built-in 10 s, never
// a 10 s that routing.json, a tier or the app's settings set.
void tst_CliTimeouts::explain_thinkingModelKeepsATimeoutSetToTheBuiltInValue()
{
    QFETCH(int, version);
    QFETCH(QByteArray, defaults);
    QFETCH(QByteArray, tierSettings);
    QFETCH(QByteArray, appSettings);
    QFETCH(int, expectedMs);
    QFETCH(QString, expectedFrom);
    QJsonObject thinker { { QStringLiteral("id"), QStringLiteral("thinker") },
                          { QStringLiteral("provider"), QStringLiteral("okp") },
                          { QStringLiteral("upstreamModel"), QStringLiteral("gpt-5") } };
    const QJsonObject providers {
        { QStringLiteral("format"), QStringLiteral("switchyard-providers") },
        { QStringLiteral("version"), 2 },
        { QStringLiteral("providers"), QJsonArray { provider(QStringLiteral("okp"), m_ok->port()) } },
        { QStringLiteral("models"), QJsonArray { thinker } },
    };
    QJsonObject tier { { QStringLiteral("name"), QStringLiteral("think") },
                       { QStringLiteral("chain"), QJsonArray { QStringLiteral("thinker") } } };
    if (!tierSettings.isEmpty()) {
        tier.insert(QStringLiteral("settings"), QJsonDocument::fromJson(tierSettings).object());
    }
    const QJsonObject routing {
        { QStringLiteral("format"), QStringLiteral("switchyard-routing") },
        { QStringLiteral("version"), version },
        { QStringLiteral("defaultTier"), QStringLiteral("think") },
        { QStringLiteral("defaults"), QJsonDocument::fromJson(defaults).object() },
        { QStringLiteral("tiers"), QJsonArray { tier } },
        { QStringLiteral("rules"), QJsonArray {} },
        { QStringLiteral("groups"), QJsonArray {} },
    };
    const QDir home(m_home->path());
    QVERIFY(writeJson(home.filePath(QStringLiteral("providers.json")), providers));
    QVERIFY(writeJson(home.filePath(QStringLiteral("routing.json")), routing));
    if (!appSettings.isEmpty()) {
        QFile ini(home.filePath(QStringLiteral("settings.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(appSettings);
    }

    const Run run = runSwitchyard(
        this->home() + QStringList { QStringLiteral("explain"), QStringLiteral("--json"), QStringLiteral("hello") });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject deployment = QJsonDocument::fromJson(run.out)
                                       .object()
                                       .value(QStringLiteral("chain"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("deployments"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
    QCOMPARE(deployment.value(QStringLiteral("model")).toString(), QStringLiteral("thinker"));
    const QJsonObject firstToken
        = deployment.value(QStringLiteral("timeouts")).toObject().value(QStringLiteral("first_token_ms")).toObject();
    QCOMPARE(firstToken.value(QStringLiteral("value")).toInt(), expectedMs);
    QCOMPARE(firstToken.value(QStringLiteral("from")).toString(), expectedFrom);
}

QTEST_GUILESS_MAIN(tst_CliTimeouts)
#include "tst_CliTimeouts.moc"
