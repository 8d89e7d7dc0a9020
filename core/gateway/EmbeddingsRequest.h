#pragma once

#include "core/gateway/GatewayError.h"

#include <QByteArray>
#include <QString>

#include <optional>

// A client's POST /v1/embeddings body, checked before anything goes upstream: a 400 naming the
// field for what OpenAI's API would refuse anyway (model, input, encoding_format, dimensions).
// The body itself goes upstream as sent; this only reads what routing and the ledger need.
struct EmbeddingsRequest
{
    QString model;
    QString firstInput; // the first text input, for the ledger's prompt column
    std::optional<GatewayError> error;

    static EmbeddingsRequest parse(const QByteArray& body);
};
