#include "core/gateway/EmbeddingsRequest.h"

#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace {
// OpenAI's limit on inputs per request.
constexpr qsizetype kMaxInputs = 2048;

bool isTokenArray(const QJsonValue& value)
{
    const QJsonArray tokens = value.toArray();
    if (!value.isArray() || tokens.isEmpty()) {
        return false;
    }
    for (const QJsonValue& token : tokens) {
        if (!token.isDouble() || token.toDouble() < 0 || token.toDouble() != std::floor(token.toDouble())) {
            return false;
        }
    }
    return true;
}

// Where the input is wrong ("input", "input[3]"), or empty when it is a valid input.
QString badInput(const QJsonValue& input)
{
    if (input.isString()) {
        return input.toString().isEmpty() ? QStringLiteral("input") : QString();
    }
    const QJsonArray list = input.toArray();
    if (!input.isArray() || list.isEmpty() || list.size() > kMaxInputs) {
        return QStringLiteral("input");
    }
    if (list.first().isDouble()) {
        return isTokenArray(input) ? QString() : QStringLiteral("input");
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonValue item = list.at(i);
        if (!(item.isString() && !item.toString().isEmpty()) && !isTokenArray(item)) {
            return QStringLiteral("input[%1]").arg(i);
        }
    }
    return {};
}
} // namespace

EmbeddingsRequest EmbeddingsRequest::parse(const QByteArray& body)
{
    EmbeddingsRequest out;
    QString reason;
    const QJsonDocument document = WireJson::parse(body, &reason);
    if (!document.isObject()) {
        out.error = GatewayError::badRequest(
            document.isNull()
                ? QCoreApplication::translate("GatewayRequest", "The request body is not valid JSON: %1.").arg(reason)
                : QCoreApplication::translate("GatewayRequest", "The request body must be a JSON object."),
            {}, QByteArrayLiteral("invalid_json"));
        return out;
    }
    const QJsonObject object = document.object();
    const QJsonValue model = object.value(QLatin1String("model"));
    if (!model.isString() || model.toString().isEmpty()) {
        out.error = GatewayError::badRequest(
            model.isUndefined() ? QCoreApplication::translate("GatewayRequest", "model is required.")
                                : QCoreApplication::translate("GatewayRequest", "model must be a non-empty string."),
            QStringLiteral("model"));
        return out;
    }
    out.model = model.toString();
    const QJsonValue input = object.value(QLatin1String("input"));
    if (input.isUndefined() || input.isNull()) {
        out.error = GatewayError::badRequest(QCoreApplication::translate("EmbeddingsRequest", "input is required."),
                                             QStringLiteral("input"));
        return out;
    }
    if (const QString place = badInput(input); !place.isEmpty()) {
        out.error = GatewayError::badRequest(
            QCoreApplication::translate("EmbeddingsRequest",
                                        "%1 must be a non-empty string or array of token ids; input may also be "
                                        "a list of up to 2048 of them.")
                .arg(place),
            place);
        return out;
    }
    out.firstInput = input.isString() ? input.toString() : input.toArray().first().toString();
    const QJsonValue format = object.value(QLatin1String("encoding_format"));
    if (!format.isUndefined() && !format.isNull() && format.toString() != QLatin1String("float")
        && format.toString() != QLatin1String("base64")) {
        out.error = GatewayError::badRequest(
            QCoreApplication::translate("EmbeddingsRequest", "encoding_format must be \"float\" or \"base64\"."),
            QStringLiteral("encoding_format"));
        return out;
    }
    const QJsonValue dimensions = object.value(QLatin1String("dimensions"));
    if (!dimensions.isUndefined() && !dimensions.isNull()
        && (!dimensions.isDouble() || dimensions.toDouble() < 1
            || dimensions.toDouble() != std::floor(dimensions.toDouble()))) {
        out.error = GatewayError::badRequest(
            QCoreApplication::translate("EmbeddingsRequest", "dimensions must be a positive integer."),
            QStringLiteral("dimensions"));
        return out;
    }
    return out;
}
