#include "core/providers/ConverseTranslator.h"

#include "core/providers/BedrockWire.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString ix(const QString& base, qsizetype index)
{
    return WireJson::dotted(base, index);
}

using WireJson::absent;
using WireJson::member;

class ToConverse
{
public:
    bool refuse(const QString& param, const QString& why)
    {
        if (!m_refusal) {
            CallError error;
            error.failureClass = FailureClass::Unsupported;
            error.httpStatus = 400;
            error.providerCode = QStringLiteral("unsupported_parameter");
            error.param = param;
            error.message = QCoreApplication::translate("ConverseTranslator",
                                                        "%1: %2 (the model speaks Amazon Bedrock's Converse API).")
                                .arg(param, why);
            m_refusal = error;
        }
        return false;
    }
    bool noEquivalent(const QString& param)
    {
        return refuse(param, QCoreApplication::translate("ConverseTranslator", "no equivalent in that API"));
    }

    // Anthropic media type -> Converse format ("image/png" -> "png").
    static QString format(const QString& mediaType)
    {
        const QString sub = mediaType.section(QLatin1Char('/'), 1);
        return sub == QLatin1String("jpg") ? QStringLiteral("jpeg") : sub;
    }

    bool fieldsKnown(const QJsonObject& block, const QString& param, std::initializer_list<const char*> known)
    {
        for (auto it = block.constBegin(); it != block.constEnd(); ++it) {
            bool ok = it.key() == QLatin1String("type") || it.key() == QLatin1String("cache_control");
            for (const char* name : known) {
                ok = ok || it.key() == QLatin1String(name);
            }
            if (!ok && !absent(it.value())) {
                return noEquivalent(member(param, it.key().toUtf8().constData()));
            }
        }
        return true;
    }

    std::optional<QJsonObject> media(const QJsonObject& block, const QString& param)
    {
        const QString type = block.value(QLatin1String("type")).toString();
        const QJsonObject source = block.value(QLatin1String("source")).toObject();
        if (source.value(QLatin1String("type")).toString() != QLatin1String("base64")) {
            refuse(member(member(param, "source"), "type"),
                   QCoreApplication::translate("ConverseTranslator",
                                               "Bedrock takes images and documents inline (base64) only"));
            return std::nullopt;
        }
        const QString mediaType = source.value(QLatin1String("media_type")).toString();
        const QJsonObject bytes { { QStringLiteral("bytes"), source.value(QLatin1String("data")) } };
        if (type == QLatin1String("image")) {
            return QJsonObject { { QStringLiteral("image"),
                                   QJsonObject { { QStringLiteral("format"), format(mediaType) },
                                                 { QStringLiteral("source"), bytes } } } };
        }
        if (mediaType != QLatin1String("application/pdf")) {
            refuse(member(member(param, "source"), "media_type"),
                   QCoreApplication::translate("ConverseTranslator", "only PDF documents can be carried"));
            return std::nullopt;
        }
        return QJsonObject { { QStringLiteral("document"),
                               QJsonObject { { QStringLiteral("format"), QStringLiteral("pdf") },
                                             { QStringLiteral("name"), QStringLiteral("document") },
                                             { QStringLiteral("source"), bytes } } } };
    }

    // Appends one Anthropic content block as Converse blocks; false (refused) if it has no equivalent.
    bool block(const QJsonValue& value, const QString& param, QJsonArray& out)
    {
        if (value.isString()) {
            out.append(QJsonObject { { QStringLiteral("text"), value } });
            return true;
        }
        const QJsonObject block = value.toObject();
        const QString type = block.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            if (!fieldsKnown(block, param, { "text" })) {
                return false;
            }
            out.append(QJsonObject { { QStringLiteral("text"), block.value(QLatin1String("text")) } });
        } else if (type == QLatin1String("image") || type == QLatin1String("document")) {
            if (!fieldsKnown(block, param, { "source" })) {
                return false;
            }
            const auto converted = media(block, param);
            if (!converted) {
                return false;
            }
            out.append(*converted);
        } else if (type == QLatin1String("tool_use")) {
            if (!fieldsKnown(block, param, { "id", "name", "input" })) {
                return false;
            }
            out.append(
                QJsonObject { { QStringLiteral("toolUse"),
                                QJsonObject { { QStringLiteral("toolUseId"), block.value(QLatin1String("id")) },
                                              { QStringLiteral("name"), block.value(QLatin1String("name")) },
                                              { QStringLiteral("input"), block.value(QLatin1String("input")) } } } });
        } else if (type == QLatin1String("tool_result")) {
            if (!fieldsKnown(block, param, { "tool_use_id", "content", "is_error" })) {
                return false;
            }
            QJsonArray content;
            const QJsonValue inner = block.value(QLatin1String("content"));
            const QJsonArray parts = inner.isArray() ? inner.toArray() : QJsonArray { inner.toString() };
            for (qsizetype i = 0; i < parts.size(); ++i) {
                if (!this->block(parts.at(i), ix(member(param, "content"), i), content)) {
                    return false;
                }
            }
            QJsonObject result { { QStringLiteral("toolUseId"), block.value(QLatin1String("tool_use_id")) },
                                 { QStringLiteral("content"), content } };
            if (block.value(QLatin1String("is_error")).toBool(false)) {
                result.insert(QStringLiteral("status"), QStringLiteral("error"));
            }
            out.append(QJsonObject { { QStringLiteral("toolResult"), result } });
        } else if (type == QLatin1String("thinking")) {
            if (!fieldsKnown(block, param, { "thinking", "signature" })) {
                return false;
            }
            QJsonObject text { { QStringLiteral("text"), block.value(QLatin1String("thinking")) } };
            if (block.contains(QLatin1String("signature"))) {
                text.insert(QStringLiteral("signature"), block.value(QLatin1String("signature")));
            }
            out.append(QJsonObject {
                { QStringLiteral("reasoningContent"), QJsonObject { { QStringLiteral("reasoningText"), text } } } });
        } else if (type == QLatin1String("redacted_thinking")) {
            if (!fieldsKnown(block, param, { "data" })) {
                return false;
            }
            out.append(QJsonObject {
                { QStringLiteral("reasoningContent"),
                  QJsonObject { { QStringLiteral("redactedContent"), block.value(QLatin1String("data")) } } } });
        } else {
            return refuse(member(param, "type"),
                          QCoreApplication::translate("ConverseTranslator",
                                                      "content block type \"%1\" has no equivalent in that API")
                              .arg(type));
        }
        // A cache breakpoint after this block, as Converse marks one.
        if (!absent(block.value(QLatin1String("cache_control")))) {
            out.append(QJsonObject { { QStringLiteral("cachePoint"),
                                       QJsonObject { { QStringLiteral("type"), QStringLiteral("default") } } } });
        }
        return true;
    }

    bool blocks(const QJsonValue& content, const QString& param, QJsonArray& out)
    {
        if (content.isString()) {
            out.append(QJsonObject { { QStringLiteral("text"), content } });
            return true;
        }
        const QJsonArray list = content.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!block(list.at(i), ix(param, i), out)) {
                return false;
            }
        }
        return true;
    }

    bool tools(const QJsonArray& list, QJsonObject& toolConfig)
    {
        QJsonArray tools;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString param = ix(QStringLiteral("tools"), i);
            const QJsonObject tool = list.at(i).toObject();
            const QString type = tool.value(QLatin1String("type")).toString(QStringLiteral("custom"));
            if (type != QLatin1String("custom")) {
                return refuse(
                    member(param, "type"),
                    QCoreApplication::translate("ConverseTranslator", "the tool \"%1\" runs on Anthropic's servers")
                        .arg(type));
            }
            if (!fieldsKnown(tool, param, { "name", "description", "input_schema" })) {
                return false;
            }
            QJsonObject spec { { QStringLiteral("name"), tool.value(QLatin1String("name")) },
                               { QStringLiteral("inputSchema"),
                                 QJsonObject {
                                     { QStringLiteral("json"), tool.value(QLatin1String("input_schema")) } } } };
            if (tool.contains(QLatin1String("description"))) {
                spec.insert(QStringLiteral("description"), tool.value(QLatin1String("description")));
            }
            tools.append(QJsonObject { { QStringLiteral("toolSpec"), spec } });
            if (!absent(tool.value(QLatin1String("cache_control")))) {
                tools.append(QJsonObject { { QStringLiteral("cachePoint"),
                                             QJsonObject { { QStringLiteral("type"), QStringLiteral("default") } } } });
            }
        }
        toolConfig.insert(QStringLiteral("tools"), tools);
        return true;
    }

    bool toolChoice(const QJsonObject& choice, QJsonObject& toolConfig)
    {
        const QString type = choice.value(QLatin1String("type")).toString();
        if (choice.value(QLatin1String("disable_parallel_tool_use")).toBool(false)) {
            return noEquivalent(QStringLiteral("tool_choice.disable_parallel_tool_use"));
        }
        if (type == QLatin1String("auto")) {
            toolConfig.insert(QStringLiteral("toolChoice"), QJsonObject { { QStringLiteral("auto"), QJsonObject() } });
        } else if (type == QLatin1String("any")) {
            toolConfig.insert(QStringLiteral("toolChoice"), QJsonObject { { QStringLiteral("any"), QJsonObject() } });
        } else if (type == QLatin1String("tool")) {
            toolConfig.insert(
                QStringLiteral("toolChoice"),
                QJsonObject { { QStringLiteral("tool"),
                                QJsonObject { { QStringLiteral("name"), choice.value(QLatin1String("name")) } } } });
        } else {
            return noEquivalent(QStringLiteral("tool_choice.type"));
        }
        return true;
    }

    RequestTranslator::Result run(const QJsonObject& body)
    {
        QJsonObject out;
        QJsonObject inference;
        QJsonObject toolConfig;
        QJsonObject additional;
        bool ok = true;
        for (auto it = body.constBegin(); ok && it != body.constEnd(); ++it) {
            const QString key = it.key();
            const QJsonValue value = it.value();
            if (absent(value) || key == QLatin1String("model") || key == QLatin1String("stream")
                || key == QLatin1String("tier")) {
                // model and stream travel in the path; tier is the gateway's own.
            } else if (key == QLatin1String("messages")) {
                QJsonArray messages;
                const QJsonArray list = value.toArray();
                for (qsizetype i = 0; ok && i < list.size(); ++i) {
                    const QString param = ix(key, i);
                    const QJsonObject message = list.at(i).toObject();
                    QJsonArray content;
                    ok = blocks(message.value(QLatin1String("content")), member(param, "content"), content);
                    messages.append(QJsonObject { { QStringLiteral("role"), message.value(QLatin1String("role")) },
                                                  { QStringLiteral("content"), content } });
                }
                out.insert(QStringLiteral("messages"), messages);
            } else if (key == QLatin1String("system")) {
                QJsonArray system;
                ok = blocks(value, key, system);
                for (const QJsonValue& block : std::as_const(system)) {
                    if (!block.toObject().contains(QLatin1String("text"))
                        && !block.toObject().contains(QLatin1String("cachePoint"))) {
                        ok = refuse(key,
                                    QCoreApplication::translate("ConverseTranslator", "only text can be carried here"));
                    }
                }
                out.insert(QStringLiteral("system"), system);
            } else if (key == QLatin1String("max_tokens")) {
                inference.insert(QStringLiteral("maxTokens"), value);
            } else if (key == QLatin1String("temperature")) {
                inference.insert(QStringLiteral("temperature"), value);
            } else if (key == QLatin1String("top_p")) {
                inference.insert(QStringLiteral("topP"), value);
            } else if (key == QLatin1String("stop_sequences")) {
                inference.insert(QStringLiteral("stopSequences"), value);
            } else if (key == QLatin1String("top_k")) {
                additional.insert(key, value);
            } else if (key == QLatin1String("thinking")) {
                if (value.toObject().value(QLatin1String("type")).toString() != QLatin1String("disabled")) {
                    additional.insert(key, value);
                }
            } else if (key == QLatin1String("tools")) {
                ok = tools(value.toArray(), toolConfig);
            } else if (key == QLatin1String("tool_choice")) {
                ok = toolChoice(value.toObject(), toolConfig);
            } else if (key == QLatin1String("metadata")) {
                QJsonObject metadata;
                const QJsonObject given = value.toObject();
                for (auto field = given.constBegin(); field != given.constEnd(); ++field) {
                    if (!field.value().isString()) {
                        ok = noEquivalent(QStringLiteral("metadata.") + field.key());
                    }
                    metadata.insert(field.key(), field.value());
                }
                out.insert(QStringLiteral("requestMetadata"), metadata);
            } else {
                ok = noEquivalent(key);
            }
        }
        if (!ok) {
            return { {}, m_refusal };
        }
        if (!inference.contains(QLatin1String("maxTokens"))) {
            inference.insert(QStringLiteral("maxTokens"), BedrockWire::kDefaultMaxTokens);
        }
        out.insert(QStringLiteral("inferenceConfig"), inference);
        if (!toolConfig.isEmpty()) {
            if (!toolConfig.contains(QLatin1String("tools"))) {
                noEquivalent(QStringLiteral("tool_choice"));
                return { {}, m_refusal };
            }
            out.insert(QStringLiteral("toolConfig"), toolConfig);
        }
        if (!additional.isEmpty()) {
            out.insert(QStringLiteral("additionalModelRequestFields"), additional);
        }
        return { QJsonDocument(out).toJson(QJsonDocument::Compact), std::nullopt };
    }

private:
    std::optional<CallError> m_refusal;
};

} // namespace

RequestTranslator::Result ConverseTranslator::fromAnthropic(const QJsonObject& body)
{
    return ToConverse().run(body);
}
