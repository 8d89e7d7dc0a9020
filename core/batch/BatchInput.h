#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// One request of a batch as the user wrote it: a line of the input file.
struct BatchItem
{
    int line = 0; // 1-based line of the input file
    QString customId; // the line's custom_id, or "request-<line>"
    QByteArray body; // the line as an OpenAI chat-completions body, custom_id left out
    QString prompt; // the last user message's text, for the ledger row
    int maxTokens = 0; // max_tokens / max_completion_tokens, 0 when not given

    bool operator==(const BatchItem&) const = default;
};

// The input of `switchyard batch submit FILE.jsonl --model M`: one OpenAI chat-completions body
// per line ({"custom_id": "q1", "messages": [...], "max_tokens": 200, ...}), the model given
// once for the whole batch. Read whole or not at all: the first bad line stops it, named as
// FILE:LINE:COL with the field at fault, before anything is sent.
//
// custom_id follows the stricter of the two providers' rules (Anthropic: 1-64 letters, digits,
// '-' or '_') and is unique; "model" and "stream": true are refused (the model comes from
// --model, a batch answers whole); every other field goes to the provider, as it is for OpenAI,
// translated (or refused naming the field) for Anthropic.
class BatchInput final
{
    Q_DECLARE_TR_FUNCTIONS(BatchInput)

public:
    // OpenAI's limit per batch (Anthropic takes 100,000): a larger file is refused whole.
    static constexpr int MaxRequests = 50000;

    static std::optional<QList<BatchItem>> parse(const QByteArray& jsonl, const QString& fileName, QString* error);
    static std::optional<QList<BatchItem>> read(const QString& path, QString* error);
};
