#include "core/routing/EffectiveTimeouts.h"

#include <QTest>

// The first-token timeout a call runs with: request > model > tier > defaults, and for a model
// that thinks before its first word a longer built-in default than the 10 s every other model gets.
class tst_EffectiveTimeouts : public QObject
{
    Q_OBJECT

private slots:
    void firstToken_data();
    void firstToken();
};

void tst_EffectiveTimeouts::firstToken_data()
{
    QTest::addColumn<QString>("upstreamModel");
    QTest::addColumn<QByteArray>("clientBody");
    QTest::addColumn<int>("defaultsMs"); // the routing defaults' first-token timeout
    QTest::addColumn<int>("modelMs"); // 0: the model sets none
    QTest::addColumn<int>("expectedMs");
    QTest::addColumn<TimeoutSource>("expectedSource");
    const int builtIn = Timeouts {}.firstTokenMs;
    QTest::newRow("a chat model keeps the built-in default")
        << "gpt-4.1-mini" << QByteArray() << builtIn << 0 << builtIn << TimeoutSource::Defaults;
    QTest::newRow("gpt-5 thinks first: a minute")
        << "gpt-5" << QByteArray() << builtIn << 0 << 60000 << TimeoutSource::Defaults;
    QTest::newRow("o3 behind a provider prefix")
        << "openai/o3-mini" << QByteArray() << builtIn << 0 << 60000 << TimeoutSource::Defaults;
    QTest::newRow("deepseek-reasoner") << "deepseek-reasoner" << QByteArray() << builtIn << 0 << 60000
                                       << TimeoutSource::Defaults;
    QTest::newRow("gpt-5-chat answers at once")
        << "gpt-5-chat-latest" << QByteArray() << builtIn << 0 << builtIn << TimeoutSource::Defaults;
    QTest::newRow("Claude asked to think")
        << "claude-sonnet-4-5"
        << QByteArray(R"({"model":"x","thinking":{"type":"enabled","budget_tokens":2048},"messages":[]})") << builtIn
        << 0 << 60000 << TimeoutSource::Defaults;
    QTest::newRow("Claude with thinking disabled")
        << "claude-sonnet-4-5" << QByteArray(R"({"model":"x","thinking":{"type":"disabled"},"messages":[]})") << builtIn
        << 0 << builtIn << TimeoutSource::Defaults;
    QTest::newRow("defaults someone changed are kept")
        << "gpt-5" << QByteArray() << 3000 << 0 << 3000 << TimeoutSource::Defaults;
    QTest::newRow("the model's own timeout wins")
        << "gpt-5" << QByteArray() << builtIn << 2000 << 2000 << TimeoutSource::Model;
}

void tst_EffectiveTimeouts::firstToken()
{
    QFETCH(QString, upstreamModel);
    QFETCH(QByteArray, clientBody);
    QFETCH(int, defaultsMs);
    QFETCH(int, modelMs);
    QFETCH(int, expectedMs);
    QFETCH(TimeoutSource, expectedSource);
    ChatRequest request;
    request.clientBody = clientBody;
    ModelConfig model;
    model.id = QStringLiteral("m");
    model.upstreamModel = upstreamModel;
    if (modelMs > 0) {
        model.timeouts.firstTokenMs = modelMs;
        model.timeoutsSet = FirstTokenTimeoutField;
    }
    TierSettings defaults;
    defaults.timeouts.firstTokenMs = defaultsMs;
    const EffectiveTimeouts resolved = EffectiveTimeouts::resolve(request, model, nullptr, defaults);
    QCOMPARE(resolved.values.firstTokenMs, expectedMs);
    QCOMPARE(resolved.firstToken, expectedSource);
}

QTEST_GUILESS_MAIN(tst_EffectiveTimeouts)
#include "tst_EffectiveTimeouts.moc"
