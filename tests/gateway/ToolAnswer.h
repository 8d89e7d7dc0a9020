#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// The tool call an answer carries, read the way each SDK assembles it.
struct ToolAnswer
{
    QString name;
    QJsonObject arguments;
    QString finish;
    int pieces = 0;
};

inline ToolAnswer readToolAnswer(const QByteArray& body, bool anthropic, bool stream)
{
    ToolAnswer out;
    QString arguments;
    if (!stream) {
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        if (anthropic) {
            for (const QJsonValue& block : json.value(QLatin1String("content")).toArray()) {
                if (block.toObject().value(QLatin1String("type")).toString() == QLatin1String("tool_use")) {
                    out.name = block.toObject().value(QLatin1String("name")).toString();
                    out.arguments = block.toObject().value(QLatin1String("input")).toObject();
                }
            }
            out.finish = json.value(QLatin1String("stop_reason")).toString();
            return out;
        }
        const QJsonObject choice = json.value(QLatin1String("choices")).toArray().at(0).toObject();
        const QJsonObject call = choice.value(QLatin1String("message"))
                                     .toObject()
                                     .value(QLatin1String("tool_calls"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
        out.name = call.value(QLatin1String("function")).toObject().value(QLatin1String("name")).toString();
        arguments = call.value(QLatin1String("function")).toObject().value(QLatin1String("arguments")).toString();
        out.arguments = QJsonDocument::fromJson(arguments.toUtf8()).object();
        out.finish = choice.value(QLatin1String("finish_reason")).toString();
        return out;
    }
    for (const QByteArray& line : body.split('\n')) {
        if (!line.startsWith("data: ") || line == "data: [DONE]") {
            continue;
        }
        const QJsonObject event = QJsonDocument::fromJson(line.sliced(6)).object();
        if (anthropic) {
            const QString type = event.value(QLatin1String("type")).toString();
            const QJsonObject block = event.value(QLatin1String("content_block")).toObject();
            const QJsonObject delta = event.value(QLatin1String("delta")).toObject();
            if (type == QLatin1String("content_block_start")
                && block.value(QLatin1String("type")) == QLatin1String("tool_use")) {
                out.name = block.value(QLatin1String("name")).toString();
            } else if (delta.value(QLatin1String("type")) == QLatin1String("input_json_delta")) {
                arguments += delta.value(QLatin1String("partial_json")).toString();
                ++out.pieces;
            } else if (type == QLatin1String("message_delta")) {
                out.finish = delta.value(QLatin1String("stop_reason")).toString();
            }
            continue;
        }
        const QJsonObject choice = event.value(QLatin1String("choices")).toArray().at(0).toObject();
        const QJsonArray calls
            = choice.value(QLatin1String("delta")).toObject().value(QLatin1String("tool_calls")).toArray();
        for (const QJsonValue& call : calls) {
            const QJsonObject function = call.toObject().value(QLatin1String("function")).toObject();
            if (function.contains(QLatin1String("name"))) {
                out.name = function.value(QLatin1String("name")).toString();
            }
            arguments += function.value(QLatin1String("arguments")).toString();
            out.pieces += function.value(QLatin1String("arguments")).toString().isEmpty() ? 0 : 1;
        }
        if (choice.value(QLatin1String("finish_reason")).isString()) {
            out.finish = choice.value(QLatin1String("finish_reason")).toString();
        }
    }
    out.arguments = QJsonDocument::fromJson(arguments.toUtf8()).object();
    return out;
}

// The text of an answer, whole or streamed, in either format.
inline QString readText(const QByteArray& body, bool anthropic, bool stream)
{
    QString text;
    if (!stream) {
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        if (anthropic) {
            for (const QJsonValue& block : json.value(QLatin1String("content")).toArray()) {
                text += block.toObject().value(QLatin1String("text")).toString();
            }
            return text;
        }
        return json.value(QLatin1String("choices"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("message"))
            .toObject()
            .value(QLatin1String("content"))
            .toString();
    }
    for (const QByteArray& line : body.split('\n')) {
        if (!line.startsWith("data: ") || line == "data: [DONE]") {
            continue;
        }
        const QJsonObject event = QJsonDocument::fromJson(line.sliced(6)).object();
        if (anthropic) {
            text += event.value(QLatin1String("delta")).toObject().value(QLatin1String("text")).toString();
        } else {
            text += event.value(QLatin1String("choices"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QLatin1String("delta"))
                        .toObject()
                        .value(QLatin1String("content"))
                        .toString();
        }
    }
    return text;
}
