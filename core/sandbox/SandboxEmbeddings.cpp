#include "core/sandbox/SandboxEmbeddings.h"

#include "core/common/JsonText.h"
#include "core/common/ProviderTypes.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QVariant>
#include <QtEndian>

#include <cmath>

namespace SandboxEmbeddings {

namespace {
// OpenAI's limit on inputs per request.
constexpr qsizetype kMaxInputs = 2048;

Refusal invalid(const QString& message, const QString& param = {}, const QByteArray& code = {})
{
    return { 400, errorBody(message, "invalid_request_error", param, code) };
}

Refusal invalidInput()
{
    return invalid(QStringLiteral("'$.input' is invalid. Please check the API reference: "
                                  "https://platform.openai.com/docs/api-reference."));
}

// One input: a string, or an array of token ids. False when it is neither (or empty).
bool readInput(const QJsonValue& value, Request* request)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text.isEmpty()) {
            return false;
        }
        request->inputs.append(text);
        request->inputTokens.append(estimateTokens(text));
        return true;
    }
    const QJsonArray tokens = value.toArray();
    if (!value.isArray() || tokens.isEmpty()) {
        return false;
    }
    QString text;
    for (const QJsonValue& token : tokens) {
        if (!token.isDouble() || token.toDouble() < 0 || token.toDouble() != std::floor(token.toDouble())) {
            return false;
        }
        text += QString::number(token.toInteger()) + QLatin1Char(' ');
    }
    request->inputs.append(text);
    request->inputTokens.append(tokens.size());
    return true;
}

QByteArray number(float value)
{
    return QByteArray::number(double(value), 'g', 8);
}
} // namespace

QByteArray errorBody(const QString& message, const QByteArray& type, const QString& param, const QByteArray& code)
{
    QByteArray out = "{\n    \"error\": {\n        \"message\": ";
    JsonText::appendString(out, message);
    out += ",\n        \"type\": \"" + type + "\",\n        \"param\": ";
    if (param.isEmpty()) {
        out += "null";
    } else {
        JsonText::appendString(out, param);
    }
    out += ",\n        \"code\": " + (code.isEmpty() ? QByteArray("null") : '"' + code + '"') + "\n    }\n}\n";
    return out;
}

bool parse(const QByteArray& body, Request* request, Refusal* refusal)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        *refusal = invalid(QStringLiteral("We could not parse the JSON body of your request. (HINT: This likely means "
                                          "you aren't using your HTTP library correctly. The OpenAI API expects a "
                                          "JSON payload, but what was sent was not valid JSON."));
        return false;
    }
    const QJsonObject object = document.object();
    request->model = object.value(QLatin1String("model")).toString();
    if (request->model.isEmpty()) {
        *refusal = invalid(QStringLiteral("you must provide a model parameter"));
        return false;
    }
    const QJsonValue input = object.value(QLatin1String("input"));
    if (input.isUndefined() || input.isNull()) {
        *refusal = invalid(QStringLiteral("'input' is a required property"));
        return false;
    }
    const QJsonArray list = input.toArray();
    // An array of numbers is one input of token ids; an array of strings or of arrays is a batch.
    const bool oneTokenArray = input.isArray() && !list.isEmpty() && list.first().isDouble();
    if (input.isString() || oneTokenArray) {
        if (!readInput(input, request)) {
            *refusal = invalidInput();
            return false;
        }
    } else if (!input.isArray() || list.isEmpty() || list.size() > kMaxInputs) {
        *refusal = invalidInput();
        return false;
    } else {
        for (const QJsonValue& item : list) {
            if (!readInput(item, request)) {
                *refusal = invalidInput();
                return false;
            }
        }
    }
    const QJsonValue format = object.value(QLatin1String("encoding_format"));
    if (!format.isUndefined() && !format.isNull()) {
        const QString name = format.toVariant().toString();
        if (name != QLatin1String("float") && name != QLatin1String("base64")) {
            *refusal = invalid(
                QStringLiteral("Invalid value for 'encoding_format' = %1. Supported values: ['float', 'base64'].")
                    .arg(name));
            return false;
        }
        request->base64 = name == QLatin1String("base64");
    }
    const QJsonValue dimensions = object.value(QLatin1String("dimensions"));
    if (!dimensions.isUndefined() && !dimensions.isNull()) {
        const double value = dimensions.toDouble(-1);
        if (!dimensions.isDouble() || value < 1 || value != std::floor(value)) {
            *refusal = invalid(
                QStringLiteral("Invalid value for 'dimensions' = %1. Must be at least 1.").arg(dimensions.toDouble()),
                QStringLiteral("dimensions"));
            return false;
        }
        request->dimensions = int(std::min(value, 1e6));
    }
    return true;
}

bool check(const Request& request, const SandboxEmbeddingModel* model, bool chatModel, Refusal* refusal)
{
    if (!model && chatModel) {
        // A chat model is no embeddings model: OpenAI refuses it with its permission error.
        *refusal = { 403,
                     errorBody(QStringLiteral("You are not allowed to generate embeddings from this model"),
                               "invalid_request_error", {}, {}) };
        return false;
    }
    if (!model) {
        *refusal
            = { 404,
                errorBody(
                    QStringLiteral("The model `%1` does not exist or you do not have access to it.").arg(request.model),
                    "invalid_request_error", {}, "model_not_found") };
        return false;
    }
    if (request.dimensions > 0 && !model->shortenable) {
        *refusal = invalid(QStringLiteral("This model does not support specifying dimensions."));
        return false;
    }
    if (request.dimensions > model->dimensions) {
        *refusal = invalid(QStringLiteral("Invalid value for 'dimensions' = %1. Must be at most %2.")
                               .arg(request.dimensions)
                               .arg(model->dimensions),
                           QStringLiteral("dimensions"));
        return false;
    }
    for (const qint64 tokens : request.inputTokens) {
        if (tokens > model->maxInputTokens) {
            *refusal = invalid(QStringLiteral("This model's maximum context length is %1 tokens, however you requested "
                                              "%2 tokens (%2 in your prompt; 0 for the completion). Please reduce "
                                              "your prompt; or completion length.")
                                   .arg(model->maxInputTokens)
                                   .arg(tokens));
            return false;
        }
    }
    return true;
}

QList<float> vector(const QString& model, const QString& input, int dimensions)
{
    // Seeded by the model and the text alone, so the same request gives the same vector in every run.
    const QByteArray digest = QCryptographicHash::hash((model + QChar(0) + input).toUtf8(), QCryptographicHash::Sha256);
    QRandomGenerator random(qFromLittleEndian<quint32>(digest.constData()));
    QList<float> values(dimensions);
    double sum = 0;
    for (float& value : values) {
        value = float(random.generateDouble() * 2 - 1);
        sum += double(value) * value;
    }
    const double norm = std::sqrt(sum);
    for (float& value : values) {
        value = float(value / norm);
    }
    return values;
}

qint64 promptTokens(const Request& request)
{
    qint64 total = 0;
    for (const qint64 tokens : request.inputTokens) {
        total += tokens;
    }
    return total;
}

QByteArray response(const Request& request, const SandboxEmbeddingModel& model)
{
    const int dimensions = request.dimensions > 0 ? request.dimensions : model.dimensions;
    QByteArray out = "{\n  \"object\": \"list\",\n  \"data\": [\n";
    for (qsizetype i = 0; i < request.inputs.size(); ++i) {
        QList<float> values = vector(model.name, request.inputs.at(i), model.dimensions);
        if (dimensions < model.dimensions) {
            // Shortened as text-embedding-3 does: the first numbers, normalised again.
            values.resize(dimensions);
            double sum = 0;
            for (const float value : std::as_const(values)) {
                sum += double(value) * value;
            }
            const double norm = std::sqrt(sum);
            for (float& value : values) {
                value = float(value / norm);
            }
        }
        out += i == 0 ? "    {\n" : ",\n    {\n";
        out += "      \"object\": \"embedding\",\n      \"index\": " + QByteArray::number(i)
            + ",\n      \"embedding\": ";
        if (request.base64) {
            QByteArray bytes(values.size() * 4, Qt::Uninitialized);
            for (qsizetype k = 0; k < values.size(); ++k) {
                qToLittleEndian(values.at(k), bytes.data() + k * 4);
            }
            out += '"' + bytes.toBase64() + '"';
        } else {
            out += "[\n";
            for (qsizetype k = 0; k < values.size(); ++k) {
                out += "        " + number(values.at(k)) + (k + 1 < values.size() ? ",\n" : "\n");
            }
            out += "      ]";
        }
        out += "\n    }";
    }
    const QByteArray tokens = QByteArray::number(promptTokens(request));
    out += "\n  ],\n  \"model\": ";
    JsonText::appendString(out, model.name);
    out += ",\n  \"usage\": {\n    \"prompt_tokens\": " + tokens + ",\n    \"total_tokens\": " + tokens + "\n  }\n}\n";
    return out;
}

} // namespace SandboxEmbeddings
