#include "GatewayFixture.h"
#include "GatewayHttp.h"
#include "RecordingUpstream.h"

#include <QFile>
#include <QJsonArray>

// Claude answers a web search in several text blocks, some with citations and some without
// (tests/data/citations/README.md). Through the gateway, over loopback, every client gets exactly
// those blocks, whole or streamed: an Anthropic client the same text blocks, each with exactly its
// own citations (streamed as Claude streams them: the cited block's start with an empty citations
// list, its citations_delta before its text); an OpenAI chat client url_citation annotations whose
// indices (code points) cover exactly the cited block's text; a Responses client the same as
// output_text annotations. Claude's server blocks reach the other APIs as nothing (no tool call).
class tst_GatewayCitations : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void claudeWebSearch_clientGetsClaudesBlocks_data();
    void claudeWebSearch_clientGetsClaudesBlocks();

private:
    std::unique_ptr<GatewayFixture> m_fx;
    std::unique_ptr<RecordingUpstream> m_recorded;
    QNetworkAccessManager* m_nam = nullptr;
};

namespace {
enum class Client
{
    Anthropic,
    Chat,
    Responses,
};

// A text block as a line to compare: its text, the urls of its citations, and "list" when the
// block has a citations list (Claude gives one to cited blocks only).
QString blockLine(const QString& text, const QStringList& urls, bool list)
{
    return text + QStringLiteral(" | ") + urls.join(QLatin1Char(',')) + (list ? QStringLiteral(" | list") : QString());
}

QString textBlockLine(const QJsonObject& block)
{
    QStringList urls;
    for (const QJsonValue& citation : block.value(QLatin1String("citations")).toArray()) {
        urls.append(citation.toObject().value(QLatin1String("url")).toString());
    }
    return blockLine(block.value(QLatin1String("text")).toString(), urls, block.contains(QLatin1String("citations")));
}

// The text blocks of an Anthropic message object (the others' types in `types`).
QStringList messageBlocks(const QJsonObject& message, QStringList* types)
{
    QStringList blocks;
    for (const QJsonValue& value : message.value(QLatin1String("content")).toArray()) {
        const QJsonObject block = value.toObject();
        types->append(block.value(QLatin1String("type")).toString());
        if (types->last() == QLatin1String("text")) {
            blocks.append(textBlockLine(block));
        }
    }
    return blocks;
}

QList<QJsonObject> dataEvents(const QByteArray& body)
{
    QList<QJsonObject> events;
    for (const QByteArray& line : body.split('\n')) {
        if (line.startsWith("data: ") && line != "data: [DONE]") {
            events.append(QJsonDocument::fromJson(line.mid(6)).object());
        }
    }
    return events;
}

// An Anthropic stream assembled as the SDKs do; false (with the reason) when an event is out of
// Claude's order: blocks numbered from 0, each started once and stopped once, a citation only
// in a text block that started with its citations list and before that block's text.
bool assembleStream(const QByteArray& body, QJsonObject* message, QString* why)
{
    QJsonArray content;
    int open = -1;
    for (const QJsonObject& event : dataEvents(body)) {
        const QString type = event.value(QLatin1String("type")).toString();
        const int index = event.value(QLatin1String("index")).toInt();
        if (type == QLatin1String("content_block_start")) {
            if (open != -1 || index != content.size()) {
                *why = QStringLiteral("block %1 started while %2 is open").arg(index).arg(open);
                return false;
            }
            open = index;
            content.append(event.value(QLatin1String("content_block")));
        } else if (type == QLatin1String("content_block_stop")) {
            if (index != open) {
                *why = QStringLiteral("block %1 stopped, %2 is open").arg(index).arg(open);
                return false;
            }
            open = -1;
        } else if (type == QLatin1String("content_block_delta")) {
            if (index != open) {
                *why = QStringLiteral("a delta for block %1, %2 is open").arg(index).arg(open);
                return false;
            }
            QJsonObject block = content.at(index).toObject();
            const QJsonObject delta = event.value(QLatin1String("delta")).toObject();
            const QString kind = delta.value(QLatin1String("type")).toString();
            if (kind == QLatin1String("text_delta")) {
                block.insert(QStringLiteral("text"),
                             block.value(QLatin1String("text")).toString()
                                 + delta.value(QLatin1String("text")).toString());
            } else if (kind == QLatin1String("citations_delta")) {
                if (!block.value(QLatin1String("citations")).isArray()
                    || !block.value(QLatin1String("text")).toString().isEmpty()) {
                    *why = QStringLiteral("a citation of block %1 after its text or without its list").arg(index);
                    return false;
                }
                QJsonArray citations = block.value(QLatin1String("citations")).toArray();
                citations.append(delta.value(QLatin1String("citation")));
                block.insert(QStringLiteral("citations"), citations);
            } else if (kind == QLatin1String("input_json_delta")) {
                block.insert(QStringLiteral("partial_json"),
                             block.value(QLatin1String("partial_json")).toString()
                                 + delta.value(QLatin1String("partial_json")).toString());
            }
            content.replace(index, block);
        }
    }
    message->insert(QStringLiteral("content"), content);
    return open == -1;
}

// url_citation annotations as lines "start-end url" (chat nests the fields, Responses has them flat).
QStringList annotationLines(const QJsonArray& annotations)
{
    QStringList lines;
    for (const QJsonValue& value : annotations) {
        QJsonObject annotation = value.toObject();
        if (annotation.contains(QLatin1String("url_citation"))) {
            annotation = annotation.value(QLatin1String("url_citation")).toObject();
        }
        lines.append(QStringLiteral("%1-%2 %3")
                         .arg(annotation.value(QLatin1String("start_index")).toInt())
                         .arg(annotation.value(QLatin1String("end_index")).toInt())
                         .arg(annotation.value(QLatin1String("url")).toString()));
    }
    return lines;
}
} // namespace

void tst_GatewayCitations::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    QVERIFY(m_fx->start());
    // The recorded shape of Claude's answer (tests/data/citations) from a minimal upstream.
    m_recorded = std::make_unique<RecordingUpstream>(true);
    QFile stream(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/citations/claude-web-search-stream.sse"));
    QFile whole(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/citations/claude-web-search-message.json"));
    QVERIFY(stream.open(QIODevice::ReadOnly) && whole.open(QIODevice::ReadOnly));
    m_recorded->streamAnswer = stream.readAll();
    m_recorded->wholeAnswer = whole.readAll();
    QVERIFY(m_recorded->start());
    ProviderConfig provider;
    provider.id = QStringLiteral("recorded-anthropic");
    provider.kind = ProviderKind::AnthropicMessages;
    provider.baseUrl = m_recorded->baseUrl();
    m_fx->router.setProviders(m_fx->sandbox.providers() + QList<ProviderConfig> { provider });
    ModelConfig model;
    model.id = QStringLiteral("recorded/claude");
    model.providerId = provider.id;
    model.upstreamModel = QStringLiteral("claude-sonnet-4-5");
    model.contextWindow = 200000;
    model.price = m_fx->prices.lookup(model.upstreamModel)->price;
    QList<ModelConfig> models = m_fx->router.models();
    models.append(model);
    m_fx->router.setModels(models);
    m_nam = new QNetworkAccessManager(this);
}

void tst_GatewayCitations::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_fx.reset();
    m_recorded.reset();
}

void tst_GatewayCitations::claudeWebSearch_clientGetsClaudesBlocks_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<Client>("client");
    QTest::addColumn<bool>("stream");
    const QList<std::pair<const char*, Client>> clients { { "anthropic client", Client::Anthropic },
                                                          { "chat client", Client::Chat },
                                                          { "responses client", Client::Responses } };
    for (const char* model : { "recorded/claude", "sandbox/claude-haiku-4-5" }) {
        for (const auto& [name, client] : clients) {
            for (const bool stream : { false, true }) {
                QTest::addRow("%s, %s, %s", model, name, stream ? "streamed" : "whole")
                    << QString::fromLatin1(model) << client << stream;
            }
        }
    }
}

void tst_GatewayCitations::claudeWebSearch_clientGetsClaudesBlocks()
{
    QFETCH(QString, model);
    QFETCH(Client, client);
    QFETCH(bool, stream);
    const QByteArray streamed = stream ? "true" : "false";
    const QByteArray question = R"([{"role":"user","content":"Weather in Lyon?"}])";
    QString path;
    QByteArray body;
    switch (client) {
    case Client::Anthropic:
        path = QStringLiteral("/v1/messages");
        body = R"({"model":")" + model.toUtf8() + R"(","max_tokens":300,"messages":)" + question
            + R"(,"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":2}],"stream":)" + streamed
            + "}";
        break;
    case Client::Chat:
        path = QStringLiteral("/v1/chat/completions");
        body = R"({"model":")" + model.toUtf8() + R"(","messages":)" + question
            + R"(,"web_search_options":{},"stream":)" + streamed + "}";
        break;
    case Client::Responses:
        path = QStringLiteral("/v1/responses");
        body = R"({"model":")" + model.toUtf8()
            + R"(","input":"Weather in Lyon?","tools":[{"type":"web_search_preview"}],"stream":)" + streamed + "}";
        break;
    }
    const HttpAnswer answer = httpCall(*m_nam, "POST", m_fx->url(path), body);
    QVERIFY2(answer.status == 200, answer.body.constData());

    // Claude's blocks: the recorded answer's, written out here; the sandbox's, asked again
    // directly with what the gateway sent it (its answers are deterministic).
    const bool recorded = model.startsWith(QLatin1String("recorded/"));
    QStringList claude;
    if (recorded) {
        QCOMPARE(m_recorded->requests.size(), 1);
        const QString a = QStringLiteral("https://meteo.example/lyon/today");
        const QString b = QStringLiteral("https://weather.example/fr/lyon/tomorrow");
        claude = QStringList {
            blockLine(QStringLiteral("Based on the search results, "), {}, false),
            blockLine(QStringLiteral("Lyon expects rain this afternoon with highs of 14\u00B0C"), { a, a }, true),
            blockLine(QStringLiteral(", then \U0001F327 showers into the evening. "), {}, false),
            blockLine(QStringLiteral("Tomorrow turns dry with sunny spells"), { b }, true),
            blockLine(QStringLiteral("."), {}, false),
        };
    } else {
        const QString upstream = QStringLiteral("claude-haiku-4-5");
        QCOMPARE(m_fx->sandbox.requestCount(upstream), 1);
        QJsonObject sent = QJsonDocument::fromJson(m_fx->sandbox.lastRequestBody(upstream)).object();
        sent.insert(QStringLiteral("stream"), false);
        QUrl direct;
        for (const ProviderConfig& provider : m_fx->sandbox.providers()) {
            if (provider.id == QLatin1String("sandbox-anthropic")) {
                direct = QUrl(provider.baseUrl.toString() + QStringLiteral("/messages"));
            }
        }
        const HttpAnswer own = httpCall(*m_nam, "POST", direct, QJsonDocument(sent).toJson(QJsonDocument::Compact),
                                        { { "x-api-key", "sandbox" }, { "anthropic-version", "2023-06-01" } });
        QVERIFY2(own.status == 200, own.body.constData());
        QStringList types;
        claude = messageBlocks(own.json(), &types);
        QCOMPARE(claude.size(), 3); // uncited, cited, uncited
    }
    // What a chat or Responses client should get: one text, each citation over its block, in code points.
    QString text;
    QStringList annotations;
    for (const QString& line : std::as_const(claude)) {
        const QStringList fields = line.split(QStringLiteral(" | "));
        const qsizetype start = text.toUcs4().size();
        text += fields.at(0);
        for (const QString& url : fields.at(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            annotations.append(QStringLiteral("%1-%2 %3").arg(start).arg(text.toUcs4().size()).arg(url));
        }
    }

    switch (client) {
    case Client::Anthropic: {
        QJsonObject message = answer.json();
        if (stream) {
            QString why;
            QVERIFY2(assembleStream(answer.body, &message, &why), qPrintable(why));
        }
        QStringList types;
        QCOMPARE(messageBlocks(message, &types), claude);
        QCOMPARE(types.mid(0, 2), (QStringList { "server_tool_use", "web_search_tool_result" }));
        break;
    }
    case Client::Chat: {
        QString got;
        QJsonArray annotated;
        if (stream) {
            QString finish;
            for (const QJsonObject& chunk : dataEvents(answer.body)) {
                const QJsonObject choice = chunk.value(QLatin1String("choices")).toArray().first().toObject();
                const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
                QVERIFY2(!delta.contains(QLatin1String("tool_calls")), "a server block is no call for the client");
                got += delta.value(QLatin1String("content")).toString();
                for (const QJsonValue& annotation : delta.value(QLatin1String("annotations")).toArray()) {
                    annotated.append(annotation);
                }
                if (choice.value(QLatin1String("finish_reason")).isString()) {
                    finish = choice.value(QLatin1String("finish_reason")).toString();
                }
            }
            QCOMPARE(finish, QStringLiteral("stop"));
        } else {
            const QJsonObject message = answer.json()
                                            .value(QLatin1String("choices"))
                                            .toArray()
                                            .first()
                                            .toObject()
                                            .value(QLatin1String("message"))
                                            .toObject();
            QVERIFY(!message.contains(QLatin1String("tool_calls")));
            got = message.value(QLatin1String("content")).toString();
            annotated = message.value(QLatin1String("annotations")).toArray();
        }
        QCOMPARE(got, text);
        QCOMPARE(annotationLines(annotated), annotations);
        break;
    }
    case Client::Responses: {
        QJsonObject response = answer.json();
        if (stream) {
            QStringList added;
            for (const QJsonObject& event : dataEvents(answer.body)) {
                const QString type = event.value(QLatin1String("type")).toString();
                if (type == QLatin1String("response.output_text.annotation.added")) {
                    added.append(annotationLines({ event.value(QLatin1String("annotation")) }));
                } else if (type == QLatin1String("response.completed")) {
                    response = event.value(QLatin1String("response")).toObject();
                }
            }
            QCOMPARE(added, annotations);
        }
        QVERIFY2(responsesItem(response, QStringLiteral("function_call")).isEmpty(),
                 "a server block is no call for the client");
        const QJsonArray parts
            = responsesItem(response, QStringLiteral("message")).value(QLatin1String("content")).toArray();
        QCOMPARE(parts.size(), 1);
        QCOMPARE(parts.first().toObject().value(QLatin1String("text")).toString(), text);
        QCOMPARE(annotationLines(parts.first().toObject().value(QLatin1String("annotations")).toArray()), annotations);
        break;
    }
    }
    // One search, billed once.
    QTRY_COMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().usage.webSearches, qint64(1));
}

QTEST_GUILESS_MAIN(tst_GatewayCitations)
#include "tst_GatewayCitations.moc"
