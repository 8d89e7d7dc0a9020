#include "core/routing/EffectiveTimeouts.h"

#include <QTest>

// The first-token timeout a call runs with: request > model > tier > defaults, each layer only for
// the fields it sets (a value equal to a default included), and for a model that thinks before its
// first word a longer built-in default than the 10 s every other model gets.
class tst_EffectiveTimeouts : public QObject
{
    Q_OBJECT

private slots:
    void firstToken_data();
    void firstToken();
    void merged_takesTheSetFieldsOverTheFallback();
};

void tst_EffectiveTimeouts::firstToken_data()
{
    QTest::addColumn<QString>("upstreamModel");
    QTest::addColumn<QByteArray>("clientBody");
    QTest::addColumn<int>("defaultsMs"); // the routing defaults' first-token timeout; 0: not set there
    QTest::addColumn<int>("tierMs"); // 0: the tier sets none
    QTest::addColumn<int>("modelMs"); // 0: the model sets none
    QTest::addColumn<int>("expectedMs");
    QTest::addColumn<TimeoutSource>("expectedSource");
    const int builtIn = Timeouts {}.firstTokenMs;
    QTest::newRow("a chat model keeps the built-in default")
        << "gpt-4.1-mini" << QByteArray() << 0 << 0 << 0 << builtIn << TimeoutSource::Defaults;
    QTest::newRow("gpt-5 thinks first: a minute")
        << "gpt-5" << QByteArray() << 0 << 0 << 0 << 60000 << TimeoutSource::Defaults;
    QTest::newRow("o3 behind a provider prefix")
        << "openai/o3-mini" << QByteArray() << 0 << 0 << 0 << 60000 << TimeoutSource::Defaults;
    QTest::newRow("deepseek-reasoner") << "deepseek-reasoner" << QByteArray() << 0 << 0 << 0 << 60000
                                       << TimeoutSource::Defaults;
    QTest::newRow("gpt-5-chat answers at once")
        << "gpt-5-chat-latest" << QByteArray() << 0 << 0 << 0 << builtIn << TimeoutSource::Defaults;
    QTest::newRow("Claude asked to think")
        << "claude-sonnet-4-5"
        << QByteArray(R"({"model":"x","thinking":{"type":"enabled","budget_tokens":2048},"messages":[]})") << 0 << 0
        << 0 << 60000 << TimeoutSource::Defaults;
    QTest::newRow("Claude with thinking disabled")
        << "claude-sonnet-4-5" << QByteArray(R"({"model":"x","thinking":{"type":"disabled"},"messages":[]})") << 0 << 0
        << 0 << builtIn << TimeoutSource::Defaults;
    QTest::newRow("defaults someone changed are kept")
        << "gpt-5" << QByteArray() << 3000 << 0 << 0 << 3000 << TimeoutSource::Defaults;
    QTest::newRow("defaults set to exactly the built-in 10 s are kept")
        << "gpt-5" << QByteArray() << builtIn << 0 << 0 << builtIn << TimeoutSource::Defaults;
    QTest::newRow("a tier that sets exactly the built-in 10 s keeps it")
        << "gpt-5" << QByteArray() << 0 << builtIn << 0 << builtIn << TimeoutSource::Tier;
    QTest::newRow("a tier's 10 s over the defaults' 3 s")
        << "gpt-4.1-mini" << QByteArray() << 3000 << builtIn << 0 << builtIn << TimeoutSource::Tier;
    QTest::newRow("the model's own timeout wins")
        << "gpt-5" << QByteArray() << 0 << 4000 << 2000 << 2000 << TimeoutSource::Model;
    QTest::newRow("the model's own 10 s wins over the tier's 4 s")
        << "gpt-5" << QByteArray() << 0 << 4000 << builtIn << builtIn << TimeoutSource::Model;
}

void tst_EffectiveTimeouts::firstToken()
{
    QFETCH(QString, upstreamModel);
    QFETCH(QByteArray, clientBody);
    QFETCH(int, defaultsMs);
    QFETCH(int, tierMs);
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
    if (defaultsMs > 0) {
        defaults.timeouts.firstTokenMs = defaultsMs;
        defaults.timeoutsSet = FirstTokenTimeoutField;
    }
    TierSettings tier = defaults;
    tier.timeoutsSet = 0;
    if (tierMs > 0) {
        tier.timeouts.firstTokenMs = tierMs;
        tier.timeoutsSet = FirstTokenTimeoutField;
    }
    const EffectiveTimeouts resolved = EffectiveTimeouts::resolve(request, model, &tier, defaults);
    QCOMPARE(resolved.values.firstTokenMs, expectedMs);
    QCOMPARE(resolved.firstToken, expectedSource);
}

void tst_EffectiveTimeouts::merged_takesTheSetFieldsOverTheFallback()
{
    const Timeouts own { 1, 2, 3, 4 };
    const Timeouts fallback { 10, 20, 30, 40 };
    QCOMPARE(EffectiveTimeouts::merged(own, 0, fallback), fallback);
    QCOMPARE(EffectiveTimeouts::merged(own, ConnectTimeoutField | TotalTimeoutField, fallback),
             (Timeouts { 1, 20, 30, 4 }));
    QCOMPARE(EffectiveTimeouts::merged(own, FirstTokenTimeoutField | IdleTimeoutField, fallback),
             (Timeouts { 10, 2, 3, 40 }));
}

QTEST_GUILESS_MAIN(tst_EffectiveTimeouts)
#include "tst_EffectiveTimeouts.moc"
