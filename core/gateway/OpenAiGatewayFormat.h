#pragma once

#include "core/gateway/GatewayFormat.h"

// chat.completion objects and chat.completion.chunk events as the official OpenAI SDKs read them.
class OpenAiGatewayFormat : public GatewayFormat
{
public:
    explicit OpenAiGatewayFormat(quint64 serial);

    QByteArray errorBody(const GatewayError& error) const override;
    QByteArray completeBody(const CallResult& result, const QString& model) const override;
    QByteArray streamStart(const QString& model, qint64 promptTokensEstimate) override;
    QByteArray textDelta(const QString& text) override;
    QByteArray reasoningDelta(const QString& text) override;
    QByteArray partDelta(const AnswerPart& part) override;
    QByteArray streamEnd(const CallResult& result, bool includeUsage) override;
    QByteArray streamError(const GatewayError& error) override;

    static QByteArray finishReason(const QString& upstreamReason);

private:
    QByteArray chunk(QByteArrayView delta, QByteArrayView finishReason) const;
    QByteArray deltaChunk(const char* field, const QString& text) const;

    qint64 m_created;
    QByteArray m_modelJson;
    QByteArray m_prefix; // `data: {"id":...,"model":...,"choices":[{"index":0,"delta":`
};
