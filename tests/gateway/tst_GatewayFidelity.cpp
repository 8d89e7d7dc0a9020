#include "GatewayHttp.h"
#include "RecordingUpstream.h"
#include "ToolAnswer.h"

#include "core/config/LiteLlmImporter.h"
#include "core/gateway/GatewayServer.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ProviderClient.h"
#include "core/recording/CallRecorder.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/Router.h"

#include <QJsonArray>

// Requests as real clients send them, through the gateway to a minimal upstream that records
// what arrived: every documented field (and one not invented yet) byte for byte when the formats
// match, translated when they differ, refused with a 400 naming the field when the other format
// has no equivalent; tool calls and usage come back intact, streamed and not.
class tst_GatewayFidelity : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyField_arrivesAsSentOrTranslated_data();
    void everyField_arrivesAsSentOrTranslated();
    void toolCallAnswer_reachesClientIntactWithUsage_data();
    void toolCallAnswer_reachesClientIntactWithUsage();
    void fieldWithoutEquivalent_400NamesItNothingSent_data();
    void fieldWithoutEquivalent_400NamesItNothingSent();
    void fallbackThatCannotCarry_isSkippedWithReason();
    void badInput_400NamesPlaceNothingSent_data();
    void badInput_400NamesPlaceNothingSent();
    void litellmGroup_namedLikeItsDeployment_followsFallbacks();
    void anthropicThinking_comesBackSigned_data();
    void anthropicThinking_comesBackSigned();
    void reasoningEffort_becomesClaudesThinkingBudget_data();
    void reasoningEffort_becomesClaudesThinkingBudget();
    void webSearch_crossesFormats_data();
    void webSearch_crossesFormats();

private:
    HttpAnswer post(bool anthropic, const QByteArray& body);

    std::unique_ptr<RecordingUpstream> m_openAi;
    std::unique_ptr<RecordingUpstream> m_anthropic;
    std::unique_ptr<ProviderClient> m_client;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<GatewayServer> m_gateway;
    QList<RequestRecord> m_records;
    PriceTable m_prices = PriceTable::bundled();
    std::unique_ptr<CallRecorder> m_recorder;
    QNetworkAccessManager* m_nam = nullptr;
};

namespace {
ModelConfig model(const QString& id, const QString& provider, const QString& upstream)
{
    ModelConfig config;
    config.id = id;
    config.providerId = provider;
    config.upstreamModel = upstream;
    config.price = { 1.0, 2.0, 0.5, true };
    config.contextWindow = 128000;
    return config;
}

// Pretty-printed on purpose: the spacing must survive too.
const QByteArray kOpenAiEveryField = R"({
  "model": "MODEL",
  "messages": [
    {"role": "developer", "content": "Be brief."},
    {"role": "user", "content": [{"type": "text", "text": "Weather here?"},
      {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "high"}}]},
    {"role": "assistant", "content": null, "tool_calls": [{"id": "call_0", "type": "function",
      "function": {"name": "get_weather", "arguments": "{\"city\":\"Lyon\"}"}}]},
    {"role": "tool", "tool_call_id": "call_0", "content": "12 C"},
    {"role": "user", "content": "And Paris?", "name": "ann"}
  ],
  "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}, "strict": true}}],
  "tool_choice": "auto", "parallel_tool_calls": false,
  "response_format": {"type": "json_schema", "json_schema": {"name": "w", "schema": {"type": "object"}, "strict": true}},
  "stop": ["\n\n"], "seed": 7, "top_p": 0.9, "temperature": 0.2, "logit_bias": {"50256": -100}, "user": "u-1",
  "logprobs": true, "top_logprobs": 2, "frequency_penalty": 0.1, "presence_penalty": 0.2,
  "max_completion_tokens": 300, "metadata": {"k": "v"}, "store": false, "reasoning_effort": "low",
  "service_tier": "auto", "modalities": ["text"], "x_future_field": {"nested": [1, 2.50, {"a": "\u00e9"}]},
  "stream": STREAM
})";

const QByteArray kAnthropicEveryField = R"({
  "model": "MODEL", "max_tokens": 300,
  "system": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
  "messages": [
    {"role": "user", "content": [{"type": "text", "text": "Weather here?"},
      {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
      {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0="}}]},
    {"role": "assistant", "content": [{"type": "thinking", "thinking": "Lyon first.", "signature": "c2ln"},
      {"type": "tool_use", "id": "toolu_0", "name": "get_weather", "input": {"city": "Lyon"}}]},
    {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_0", "content": "12 C",
      "cache_control": {"type": "ephemeral"}}, {"type": "text", "text": "And Paris?"}]}
  ],
  "tools": [{"name": "get_weather", "description": "Weather",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}},
    {"type": "web_search_20250305", "name": "web_search", "max_uses": 2}],
  "tool_choice": {"type": "auto", "disable_parallel_tool_use": true},
  "thinking": {"type": "enabled", "budget_tokens": 1024},
  "stop_sequences": ["END"], "temperature": 1, "top_p": 0.9, "top_k": 40, "metadata": {"user_id": "u-1"},
  "service_tier": "auto", "x_future_field": [1, "two"],
  "stream": STREAM
})";

const QByteArray kOpenAiTranslatable
    = R"({"model":"MODEL","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":[{"type":"text","text":"Weather?"},{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]},{"role":"assistant","content":null,"tool_calls":[{"id":"call_0","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Lyon\"}"}}]},{"role":"tool","tool_call_id":"call_0","content":"12 C"}],"tools":[{"type":"function","function":{"name":"get_weather","description":"Weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],"tool_choice":"required","parallel_tool_calls":false,"stop":"END","temperature":0.5,"top_p":0.9,"max_tokens":300,"user":"u-1","stream":STREAM})";
// ... as the Anthropic Messages API has it.
const QByteArray kOpenAiTranslated
    = R"({"model":"up-claude","system":[{"type":"text","text":"Be brief."}],"messages":[{"role":"user","content":[{"type":"text","text":"Weather?"},{"type":"image","source":{"type":"url","url":"https://example.com/a.png"}}]},{"role":"assistant","content":[{"type":"tool_use","id":"call_0","name":"get_weather","input":{"city":"Lyon"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"call_0","content":"12 C"}]}],"tools":[{"name":"get_weather","description":"Weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],"tool_choice":{"type":"any","disable_parallel_tool_use":true},"stop_sequences":["END"],"temperature":0.5,"top_p":0.9,"max_tokens":300,"metadata":{"user_id":"u-1"},"stream":STREAM})";

const QByteArray kAnthropicTranslatable
    = R"({"model":"MODEL","max_tokens":300,"system":"Be brief.","messages":[{"role":"user","content":[{"type":"text","text":"Weather?"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]},{"role":"assistant","content":[{"type":"text","text":"Checking."},{"type":"tool_use","id":"toolu_0","name":"get_weather","input":{"city":"Lyon"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_0","content":"12 C","cache_control":{"type":"ephemeral"}},{"type":"text","text":"And Paris?"}]}],"tools":[{"name":"get_weather","description":"Weather","input_schema":{"type":"object"}}],"tool_choice":{"type":"tool","name":"get_weather"},"stop_sequences":["END"],"temperature":0.5,"metadata":{"user_id":"u-1"},"stream":STREAM})";
// ... as OpenAI Chat Completions has it (tool results first, as tool messages).
const QByteArray kAnthropicTranslated
    = R"({"model":"up-gpt","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":[{"type":"text","text":"Weather?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},{"role":"assistant","content":"Checking.","tool_calls":[{"id":"toolu_0","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Lyon\"}"}}]},{"role":"tool","tool_call_id":"toolu_0","content":"12 C"},{"role":"user","content":[{"type":"text","text":"And Paris?"}]}],"tools":[{"type":"function","function":{"name":"get_weather","description":"Weather","parameters":{"type":"object"}}}],"tool_choice":{"type":"function","function":{"name":"get_weather"}},"stop":["END"],"temperature":0.5,"max_tokens":300,"user":"u-1","stream":STREAM})";

QByteArray fill(QByteArray body, const QString& modelId, bool stream)
{
    return body.replace("MODEL", modelId.toUtf8()).replace("STREAM", stream ? "true" : "false");
}

} // namespace

void tst_GatewayFidelity::init()
{
    m_openAi = std::make_unique<RecordingUpstream>(false);
    m_anthropic = std::make_unique<RecordingUpstream>(true);
    QVERIFY(m_openAi->start() && m_anthropic->start());
    m_client = std::make_unique<ProviderClient>();
    m_router = std::make_unique<Router>(m_client.get());
    ProviderConfig openAi;
    openAi.id = QStringLiteral("rec-openai");
    openAi.baseUrl = m_openAi->baseUrl();
    ProviderConfig anthropic;
    anthropic.id = QStringLiteral("rec-anthropic");
    anthropic.kind = ProviderKind::AnthropicMessages;
    anthropic.baseUrl = m_anthropic->baseUrl();
    m_router->setProviders({ openAi, anthropic });
    const QList<ModelConfig> models { model(QStringLiteral("rec/gpt"), openAi.id, QStringLiteral("up-gpt")),
                                      model(QStringLiteral("rec/claude"), anthropic.id, QStringLiteral("up-claude")) };
    m_router->setModels(models);
    RoutingPolicy policy = DefaultPolicy::create(models);
    ModelGroup group;
    group.name = QStringLiteral("claude-then-gpt");
    group.deployments = { Deployment { QStringLiteral("rec/claude"), 1 } };
    group.fallbacks = { QStringLiteral("rec/gpt") };
    policy.groups = { group };
    m_router->setPolicy(policy);
    m_recorder = std::make_unique<CallRecorder>(
        m_prices,
        [this](const QString& modelId) {
            const ModelConfig* model = m_router->model(modelId);
            return model ? model->price : ModelPrice {};
        },
        [this](const RequestRecord& record, bool) { m_records.append(record); });
    m_gateway = std::make_unique<GatewayServer>(GatewayDependencies { m_router.get(), m_recorder.get() });
    QVERIFY(m_gateway->listen(QHostAddress::LocalHost, 0));
    m_nam = new QNetworkAccessManager(this);
}

void tst_GatewayFidelity::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_gateway.reset();
    m_router.reset();
    m_client.reset();
    m_openAi.reset();
    m_anthropic.reset();
    m_records.clear();
}

HttpAnswer tst_GatewayFidelity::post(bool anthropic, const QByteArray& body)
{
    const QString path = anthropic ? QStringLiteral("/v1/messages") : QStringLiteral("/v1/chat/completions");
    return httpCall(*m_nam, "POST", QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_gateway->port()).arg(path)),
                    body);
}

void tst_GatewayFidelity::everyField_arrivesAsSentOrTranslated_data()
{
    QTest::addColumn<bool>("anthropicClient");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected"); // bytes for the same format, JSON (any order) across formats
    for (const bool stream : { false, true }) {
        const char* mode = stream ? "streamed" : "whole";
        QByteArray openAiSame = fill(kOpenAiEveryField, QStringLiteral("up-gpt"), stream);
        if (stream) {
            // The only addition: the gateway needs the usage chunk for the ledger.
            openAiSame.replace("\"stream\": true", "\"stream\": true,\"stream_options\":{\"include_usage\":true}");
        }
        QTest::addRow("openai client, openai upstream, %s: byte for byte but the model", mode)
            << false << "rec/gpt" << stream << fill(kOpenAiEveryField, QStringLiteral("rec/gpt"), stream) << openAiSame;
        QTest::addRow("anthropic client, anthropic upstream, %s: byte for byte but the model", mode)
            << true << "rec/claude" << stream << fill(kAnthropicEveryField, QStringLiteral("rec/claude"), stream)
            << fill(kAnthropicEveryField, QStringLiteral("up-claude"), stream);
        QTest::addRow("openai client, anthropic upstream, %s: translated", mode)
            << false << "rec/claude" << stream << fill(kOpenAiTranslatable, QStringLiteral("rec/claude"), stream)
            << fill(kOpenAiTranslated, {}, stream);
        QByteArray anthropicTranslated = fill(kAnthropicTranslated, {}, stream);
        if (stream) {
            anthropicTranslated.insert(anthropicTranslated.lastIndexOf('}'),
                                       ",\"stream_options\":{\"include_usage\":true}");
        }
        QTest::addRow("anthropic client, openai upstream, %s: translated", mode)
            << true << "rec/gpt" << stream << fill(kAnthropicTranslatable, QStringLiteral("rec/gpt"), stream)
            << anthropicTranslated;
        // A 3 MB image: the body goes upstream in pieces of the client's own text (never copied
        // whole), the same bytes.
        const auto large = [](QByteArray body) { return body.replace("iVBORw0KGgo=", QByteArray(3'000'000, 'A')); };
        QTest::addRow("openai client, openai upstream, %s, a 3 MB image: byte for byte but the model", mode)
            << false << "rec/gpt" << stream << large(fill(kOpenAiEveryField, QStringLiteral("rec/gpt"), stream))
            << large(openAiSame);
        QTest::addRow("anthropic client, anthropic upstream, %s, a 3 MB image: byte for byte but the model", mode)
            << true << "rec/claude" << stream << large(fill(kAnthropicEveryField, QStringLiteral("rec/claude"), stream))
            << large(fill(kAnthropicEveryField, QStringLiteral("up-claude"), stream));
    }
}

void tst_GatewayFidelity::everyField_arrivesAsSentOrTranslated()
{
    QFETCH(bool, anthropicClient);
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const HttpAnswer answer = post(anthropicClient, body);
    QVERIFY2(answer.status == 200, answer.body.constData());
    RecordingUpstream& upstream = model == QLatin1String("rec/gpt") ? *m_openAi : *m_anthropic;
    QCOMPARE(upstream.requests.size(), 1);
    const QByteArray arrived = upstream.requests.first().body;
    const bool sameFormat = anthropicClient == (model == QLatin1String("rec/claude"));
    if (sameFormat) {
        QCOMPARE(arrived, expected);
    } else {
        QCOMPARE(QJsonDocument::fromJson(arrived).object(), QJsonDocument::fromJson(expected).object());
    }
    Q_UNUSED(stream);
}

void tst_GatewayFidelity::toolCallAnswer_reachesClientIntactWithUsage_data()
{
    everyField_arrivesAsSentOrTranslated_data();
}

void tst_GatewayFidelity::toolCallAnswer_reachesClientIntactWithUsage()
{
    QFETCH(bool, anthropicClient);
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(QByteArray, body);
    const HttpAnswer answer = post(anthropicClient, body);
    QVERIFY2(answer.status == 200, answer.body.constData());
    const ToolAnswer tool = readToolAnswer(answer.body, anthropicClient, stream);
    QCOMPARE(tool.name, QStringLiteral("get_weather"));
    QCOMPARE(tool.arguments, QJsonObject({ { QStringLiteral("city"), QStringLiteral("Paris") } }));
    QCOMPARE(tool.finish, anthropicClient ? QStringLiteral("tool_use") : QStringLiteral("tool_calls"));
    if (stream) {
        QCOMPARE(tool.pieces, 2); // the arguments in the pieces the upstream sent
    }
    QTRY_COMPARE(m_records.size(), 1);
    const RequestRecord& record = m_records.first();
    QCOMPARE(record.status, RequestStatus::Ok);
    QCOMPARE(record.usage.cachedTokens, 5);
    if (model == QLatin1String("rec/gpt")) {
        QCOMPARE(record.usage.promptTokens, 20);
        QCOMPARE(record.usage.reasoningTokens, 4);
    } else {
        QCOMPARE(record.usage.promptTokens, 20); // 15 + 5 read from the cache
    }
    QCOMPARE(record.usage.completionTokens, 10);
    QVERIFY(record.costUsd.has_value());
}

void tst_GatewayFidelity::fieldWithoutEquivalent_400NamesItNothingSent_data()
{
    QTest::addColumn<bool>("anthropicClient");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    const QByteArray user = R"("messages":[{"role":"user","content":"hi"}])";
    QTest::newRow("openai seed to a claude model") << false << R"({"model":"rec/claude","seed":7,)" + user + "}"
                                                   << "seed";
    QTest::newRow("openai json_schema to a claude model")
        << false
        << R"({"model":"rec/claude","response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{}}},)"
            + user + "}"
        << "response_format";
    QTest::newRow("openai logit_bias to a claude model")
        << false << R"({"model":"rec/claude","logit_bias":{"1":2},)" + user + "}"
        << "logit_bias";
    QTest::newRow("openai audio part to a claude model")
        << false
        << QByteArray(
               R"({"model":"rec/claude","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AA==","format":"wav"}}]}]})")
        << "messages[0].content[0].type";
    QTest::newRow("openai low-detail image to a claude model")
        << false
        << QByteArray(
               R"({"model":"rec/claude","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x.test/a.png","detail":"low"}}]}]})")
        << "messages[0].content[0].image_url.detail";
    QTest::newRow("openai reasoning_effort with a temperature to a claude model")
        << false << R"({"model":"rec/claude","reasoning_effort":"low","temperature":0.5,)" + user + "}"
        << "temperature";
    QTest::newRow("openai reasoning_effort high with max_tokens below its budget to a claude model")
        << false << R"({"model":"rec/claude","reasoning_effort":"high","max_tokens":2000,)" + user + "}"
        << "max_tokens";
    QTest::newRow("openai reasoning_effort Claude has no budget for")
        << false << R"({"model":"rec/claude","reasoning_effort":"extreme",)" + user + "}"
        << "reasoning_effort";
    QTest::newRow("openai temperature above 1 to a claude model")
        << false << R"({"model":"rec/claude","temperature":1.5,)" + user + "}"
        << "temperature";
    QTest::newRow("anthropic thinking to a gpt model")
        << true
        << R"({"model":"rec/gpt","max_tokens":9,"thinking":{"type":"enabled","budget_tokens":1024},)" + user + "}"
        << "thinking";
    QTest::newRow("anthropic top_k to a gpt model")
        << true << R"({"model":"rec/gpt","max_tokens":9,"top_k":5,)" + user + "}"
        << "top_k";
    QTest::newRow("anthropic server tool to a gpt model")
        << true
        << R"({"model":"rec/gpt","max_tokens":9,"tools":[{"type":"code_execution_20250522","name":"code_execution"}],)"
            + user + "}"
        << "tools.0.type";
    QTest::newRow("anthropic web search with domain filters to a gpt model")
        << true
        << R"({"model":"rec/gpt","max_tokens":9,"tools":[{"type":"web_search_20250305","name":"web_search","allowed_domains":["a.org"]}],)"
            + user + "}"
        << "tools.0.allowed_domains";
    QTest::newRow("openai web search of a large context to a claude model")
        << false << R"({"model":"rec/claude","web_search_options":{"search_context_size":"high"},)" + user + "}"
        << "web_search_options.search_context_size";
    QTest::newRow("anthropic thinking block in history to a gpt model")
        << true
        << QByteArray(
               R"({"model":"rec/gpt","max_tokens":9,"messages":[{"role":"user","content":"a"},{"role":"assistant","content":[{"type":"thinking","thinking":"t","signature":"s"}]},{"role":"user","content":"b"}]})")
        << "messages.1.content.0";
}

void tst_GatewayFidelity::fieldWithoutEquivalent_400NamesItNothingSent()
{
    QFETCH(bool, anthropicClient);
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    const HttpAnswer answer = post(anthropicClient, body);
    QCOMPARE(answer.status, 400);
    const QJsonObject error = answer.error();
    if (anthropicClient) {
        QCOMPARE(answer.json().value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
    } else {
        QCOMPARE(error.value(QLatin1String("param")).toString(), param);
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("unsupported_parameter"));
    }
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(param),
             qPrintable(error.value("message").toString()));
    QCOMPARE(m_openAi->requests.size() + m_anthropic->requests.size(), 0);
    QTRY_COMPARE(m_records.size(), 1);
    QVERIFY(!m_records.first().costUsd.has_value() || *m_records.first().costUsd == 0);
    QCOMPARE(m_records.first().status, RequestStatus::Failed);
}

void tst_GatewayFidelity::reasoningEffort_becomesClaudesThinkingBudget_data()
{
    QTest::addColumn<QString>("effort");
    QTest::addColumn<int>("maxTokens"); // 0: not sent
    QTest::addColumn<int>("budget"); // 0: no thinking block
    QTest::addColumn<int>("upstreamMaxTokens");
    // LiteLLM's budgets; without max_tokens the answer keeps the usual 4,096 beside the thinking.
    QTest::newRow("low") << "low" << 0 << 1024 << 1024 + 4096;
    QTest::newRow("medium, max_tokens kept") << "medium" << 8000 << 2048 << 8000;
    QTest::newRow("high") << "high" << 0 << 4096 << 4096 + 4096;
    QTest::newRow("minimal: Claude's default, no thinking") << "minimal" << 0 << 0 << 4096;
}

void tst_GatewayFidelity::reasoningEffort_becomesClaudesThinkingBudget()
{
    QFETCH(QString, effort);
    QFETCH(int, maxTokens);
    QFETCH(int, budget);
    QFETCH(int, upstreamMaxTokens);
    QJsonObject body { { QStringLiteral("model"), QStringLiteral("rec/claude") },
                       { QStringLiteral("reasoning_effort"), effort },
                       { QStringLiteral("messages"),
                         QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                                    { QStringLiteral("content"), QStringLiteral("hi") } } } } };
    if (maxTokens > 0) {
        body.insert(QStringLiteral("max_tokens"), maxTokens);
    }
    const HttpAnswer answer = post(false, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(m_anthropic->requests.size(), 1);
    const QJsonObject arrived = m_anthropic->lastJson();
    QVERIFY(!arrived.contains(QLatin1String("reasoning_effort")));
    QCOMPARE(arrived.value(QLatin1String("max_tokens")).toInt(), upstreamMaxTokens);
    const QJsonObject thinking = arrived.value(QLatin1String("thinking")).toObject();
    if (budget == 0) {
        QVERIFY(!arrived.contains(QLatin1String("thinking")));
    } else {
        QCOMPARE(thinking.value(QLatin1String("type")).toString(), QStringLiteral("enabled"));
        QCOMPARE(thinking.value(QLatin1String("budget_tokens")).toInt(), budget);
    }
}

void tst_GatewayFidelity::webSearch_crossesFormats_data()
{
    QTest::addColumn<bool>("anthropicClient");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected"); // members of the upstream body, each compared whole
    QTest::addColumn<QString>("absent"); // a member the upstream body must not have
    const QByteArray user = R"("messages":[{"role":"user","content":"News?"}])";
    QTest::newRow("openai web_search_options to claude: its web search tool, location carried")
        << false
        << R"({"model":"rec/claude","web_search_options":{"search_context_size":"medium","user_location":{"type":"approximate","approximate":{"country":"FR","city":"Lyon"}}},)"
            + user + "}"
        << QByteArray(
               R"({"tools":[{"type":"web_search_20250305","name":"web_search","user_location":{"type":"approximate","country":"FR","city":"Lyon"}}]})")
        << "web_search_options";
    QTest::newRow("openai web_search_options beside a function tool: both tools")
        << false
        << R"({"model":"rec/claude","web_search_options":{},"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],)"
            + user + "}"
        << QByteArray(
               R"({"tools":[{"name":"f","input_schema":{"type":"object"}},{"type":"web_search_20250305","name":"web_search"}]})")
        << "web_search_options";
    QTest::newRow("claude's web search to a gpt model: web_search_options, no empty tools")
        << true
        << R"({"model":"rec/gpt","max_tokens":9,"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":3,"user_location":{"type":"approximate","city":"Lyon","country":"FR"}}],)"
            + user + "}"
        << QByteArray(
               R"({"web_search_options":{"user_location":{"type":"approximate","approximate":{"city":"Lyon","country":"FR"}}}})")
        << "tools";
    QTest::newRow("a claude search turn in history to a gpt model: its text, the records left out")
        << true
        << QByteArray(
               R"({"model":"rec/gpt","max_tokens":9,"messages":[{"role":"user","content":"News?"},{"role":"assistant","content":[{"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{"query":"news"}},{"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[{"type":"web_search_result","url":"https://a.org","title":"A","encrypted_content":"eA=="}]},{"type":"text","text":"It rained.","citations":[{"type":"web_search_result_location","url":"https://a.org","title":"A","encrypted_index":"eQ==","cited_text":"rain"}]}]},{"role":"user","content":"More?"}]})")
        << QByteArray(
               R"({"messages":[{"role":"user","content":"News?"},{"role":"assistant","content":"It rained."},{"role":"user","content":"More?"}]})")
        << "tools";
}

// A web search asked in one format reaches a model of the other as that API asks for it.
void tst_GatewayFidelity::webSearch_crossesFormats()
{
    QFETCH(bool, anthropicClient);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QFETCH(QString, absent);
    const HttpAnswer answer = post(anthropicClient, body);
    QVERIFY2(answer.status == 200, answer.body.constData());
    RecordingUpstream& upstream = anthropicClient ? *m_openAi : *m_anthropic;
    QCOMPARE(upstream.requests.size(), 1);
    const QJsonObject arrived = upstream.lastJson();
    const QJsonObject members = QJsonDocument::fromJson(expected).object();
    for (auto it = members.constBegin(); it != members.constEnd(); ++it) {
        QCOMPARE(arrived.value(it.key()), it.value());
    }
    QVERIFY2(!arrived.contains(absent), qPrintable(absent));
}

void tst_GatewayFidelity::fallbackThatCannotCarry_isSkippedWithReason()
{
    const HttpAnswer answer
        = post(false, R"({"model":"claude-then-gpt","seed":7,"messages":[{"role":"user","content":"hi"}]})");
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(m_anthropic->requests.size(), 0);
    QCOMPARE(m_openAi->requests.size(), 1);
    QCOMPARE(m_openAi->lastJson().value(QLatin1String("seed")).toInt(), 7);
    QTRY_COMPARE(m_records.size(), 1);
    const RequestRecord& record = m_records.first();
    QCOMPARE(record.finalModel, QStringLiteral("rec/gpt"));
    QCOMPARE(record.attempts.size(), 2);
    QCOMPARE(record.attempts.first().modelId, QStringLiteral("rec/claude"));
    QCOMPARE(record.attempts.first().failureClass, QStringLiteral("unsupported"));
    QVERIFY(record.attempts.first().message.contains(QLatin1String("seed")));
}

void tst_GatewayFidelity::badInput_400NamesPlaceNothingSent_data()
{
    QTest::addColumn<bool>("anthropicClient");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    QTest::newRow("openai tool without a name")
        << false
        << QByteArray(
               R"({"model":"rec/gpt","tools":[{"type":"function","function":{"parameters":{}}}],"messages":[{"role":"user","content":"hi"}]})")
        << "tools[0].function.name";
    QTest::newRow("openai tool schema not an object")
        << false
        << QByteArray(
               R"({"model":"rec/gpt","tools":[{"type":"function","function":{"name":"f","parameters":"x"}}],"messages":[{"role":"user","content":"hi"}]})")
        << "tools[0].function.parameters";
    QTest::newRow("openai tool message without its call")
        << false
        << QByteArray(
               R"({"model":"rec/gpt","messages":[{"role":"user","content":"hi"},{"role":"tool","tool_call_id":"call_9","content":"x"}]})")
        << "messages[1].tool_call_id";
    QTest::newRow("openai image that is not a url")
        << false
        << QByteArray(
               R"({"model":"rec/gpt","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"/etc/passwd"}}]}]})")
        << "messages[0].content[0].image_url.url";
    QTest::newRow("openai json_schema without a name")
        << false
        << QByteArray(
               R"({"model":"rec/gpt","response_format":{"type":"json_schema","json_schema":{"schema":{}}},"messages":[{"role":"user","content":"hi"}]})")
        << "response_format.json_schema.name";
    QTest::newRow("anthropic tool without input_schema")
        << true
        << QByteArray(
               R"({"model":"rec/claude","max_tokens":5,"tools":[{"name":"f"}],"messages":[{"role":"user","content":"hi"}]})")
        << "tools.0.input_schema";
    QTest::newRow("anthropic tool_result without its tool_use")
        << true
        << QByteArray(
               R"({"model":"rec/claude","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_9","content":"x"}]}]})")
        << "messages.0.content.0.tool_use_id";
    QTest::newRow("anthropic image with a file path as url")
        << true
        << QByteArray(
               R"({"model":"rec/claude","max_tokens":5,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"url","url":"file:///a.png"}}]}]})")
        << "messages.0.content.0.source.url";
}

void tst_GatewayFidelity::badInput_400NamesPlaceNothingSent()
{
    QFETCH(bool, anthropicClient);
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    const HttpAnswer answer = post(anthropicClient, body);
    QCOMPARE(answer.status, 400);
    const QString message = answer.error().value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(param), qPrintable(message));
    if (!anthropicClient) {
        QCOMPARE(answer.error().value(QLatin1String("param")).toString(), param);
    }
    QCOMPARE(m_openAi->requests.size() + m_anthropic->requests.size(), 0);
    QCOMPARE(m_records.size(), 0);
}

void tst_GatewayFidelity::litellmGroup_namedLikeItsDeployment_followsFallbacks()
{
    // As LiteLLM reads it: "broken" is the group a client names, and its fallbacks apply.
    const QByteArray yaml = QStringLiteral(R"(model_list:
  - model_name: broken
    litellm_params:
      model: openai/broken-up
      api_base: %1
  - model_name: backup
    litellm_params:
      model: openai/backup-up
      api_base: %1
litellm_settings:
  fallbacks: [{"broken": ["backup"]}]
)")
                                .arg(m_openAi->baseUrl().toString())
                                .toUtf8();
    const LiteLlmImportResult imported = LiteLlmImporter(LiteLlmImportOptions {}).run(yaml);
    QVERIFY(imported.config.model(QStringLiteral("broken")));
    m_router->setProviders(imported.config.providers);
    m_router->setModels(imported.config.models);
    m_router->setPolicy(imported.config.policy);
    m_openAi->failingModels = { QStringLiteral("broken-up") };

    const HttpAnswer answer = post(false, R"({"model":"broken","messages":[{"role":"user","content":"hi"}]})");
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(m_openAi->models(), QStringList({ "broken-up", "backup-up" }));
    QCOMPARE(answer.header("x-switchyard-model"), QByteArray("backup"));
}

void tst_GatewayFidelity::anthropicThinking_comesBackSigned_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("whole") << false;
    QTest::newRow("streamed") << true;
}

void tst_GatewayFidelity::anthropicThinking_comesBackSigned()
{
    // Claude's thinking must come back with its signature: clients send it back on the next turn.
    QFETCH(bool, stream);
    auto event = [](const char* name, const QByteArray& data) {
        return QByteArray("event: ") + name + "\ndata: " + data + "\n\n";
    };
    m_anthropic->wholeAnswer
        = R"({"id":"msg_1","type":"message","role":"assistant","model":"up","content":[{"type":"thinking","thinking":"Two plus two.","signature":"EqQBsig"},{"type":"text","text":"4"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":9,"output_tokens":12}})";
    m_anthropic->streamAnswer
        = event(
              "message_start",
              R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"up","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":9,"output_tokens":1}}})")
        + event(
              "content_block_start",
              R"({"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}})")
        + event("content_block_delta",
                R"({"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Two plus"}})")
        + event("content_block_delta",
                R"({"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" two."}})")
        + event("content_block_delta",
                R"({"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBsig"}})")
        + event("content_block_stop", R"({"type":"content_block_stop","index":0})")
        + event("content_block_start",
                R"({"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}})")
        + event("content_block_delta",
                R"({"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"4"}})")
        + event("content_block_stop", R"({"type":"content_block_stop","index":1})")
        + event(
              "message_delta",
              R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":12}})")
        + event("message_stop", R"({"type":"message_stop"})");
    const QByteArray body
        = R"({"model":"rec/claude","max_tokens":2048,"thinking":{"type":"enabled","budget_tokens":1024},"stream":)"
        + QByteArray(stream ? "true" : "false") + R"(,"messages":[{"role":"user","content":"2+2?"}]})";
    const HttpAnswer answer = post(true, body);
    QVERIFY2(answer.status == 200, answer.body.constData());
    // Assemble the content blocks as the SDK does.
    QJsonArray blocks;
    if (!stream) {
        blocks = answer.json().value(QLatin1String("content")).toArray();
    } else {
        QList<QJsonObject> open;
        for (const QByteArray& line : answer.body.split('\n')) {
            if (!line.startsWith("data: ")) {
                continue;
            }
            const QJsonObject event = QJsonDocument::fromJson(line.sliced(6)).object();
            const QString type = event.value(QLatin1String("type")).toString();
            const int index = event.value(QLatin1String("index")).toInt();
            if (type == QLatin1String("content_block_start")) {
                QCOMPARE(index, int(open.size())); // blocks numbered in order
                open.append(event.value(QLatin1String("content_block")).toObject());
            } else if (type == QLatin1String("content_block_delta")) {
                const QJsonObject delta = event.value(QLatin1String("delta")).toObject();
                QJsonObject& block = open[index];
                for (const char* field : { "thinking", "signature", "text" }) {
                    if (delta.contains(QLatin1String(field))) {
                        block.insert(QLatin1String(field),
                                     block.value(QLatin1String(field)).toString()
                                         + delta.value(QLatin1String(field)).toString());
                    }
                }
            }
        }
        for (const QJsonObject& block : open) {
            blocks.append(block);
        }
    }
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0).toObject().value(QLatin1String("type")).toString(), QStringLiteral("thinking"));
    QCOMPARE(blocks.at(0).toObject().value(QLatin1String("thinking")).toString(), QStringLiteral("Two plus two."));
    QCOMPARE(blocks.at(0).toObject().value(QLatin1String("signature")).toString(), QStringLiteral("EqQBsig"));
    QCOMPARE(blocks.at(1).toObject().value(QLatin1String("text")).toString(), QStringLiteral("4"));
}

QTEST_GUILESS_MAIN(tst_GatewayFidelity)
#include "tst_GatewayFidelity.moc"
