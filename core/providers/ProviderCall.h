#pragma once

#include "core/common/ProviderTypes.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class HttpExchange;
class ProviderClient;
class StreamDecoder;
class WireFormat;
struct WireDelta;

// One request to one model. Created by ProviderClient; emits its progress and exactly one of
// finished() or failed() - unless cancelled, after which it emits nothing at all.
class ProviderCall : public QObject
{
    Q_OBJECT

public:
    ~ProviderCall() override;

    const ProviderConfig& provider() const { return m_provider; }
    const ModelConfig& model() const { return m_model; }
    const ChatRequest& request() const { return m_request; }
    // What has arrived so far; the final result once finished.
    const CallResult& result() const { return m_result; }
    const CallError& error() const { return m_error; }
    bool isDone() const { return m_done; }
    bool hasFirstToken() const { return m_result.ttftMs >= 0; }
    // Milliseconds since the call started (queue time excluded).
    qint64 elapsedMs() const;
    // The budget hold taken for this call before it started (0: none). Whoever records the call
    // settles it with the call's real usage (Engine::track), so its cost is counted once.
    quint64 budgetHold() const { return m_budgetHold; }
    void setBudgetHold(quint64 holdId) { m_budgetHold = holdId; }

public slots:
    // Stops the call at once; only cancelled() follows, never finished() or failed().
    void cancel();

signals:
    void requestSent();
    void firstTokenReceived(qint64 ttftMs);
    void textReceived(const QString& delta);
    void reasoningReceived(const QString& delta);
    // A tool call piece or refusal text; the result gathers them too.
    void partReceived(const AnswerPart& part);
    void usageReported(const TokenUsage& usage);
    void finished(const CallResult& result);
    void failed(const CallError& error, const CallResult& partial);
    // Emitted by cancel() alone, for whoever records the call: what came back before the stop,
    // its usage estimated when something did. Never followed by anything.
    void cancelled(const CallError& error, const CallResult& partial);

private:
    friend class ProviderClient;
    ProviderCall(ProviderClient* client, const ProviderConfig& provider, const ModelConfig& model,
                 const ChatRequest& request, const QString& apiKey, qint64 maxResponseBytes, QObject* parent);
    void begin();
    // Builds and sends the request, the key (or Entra ID token) in hand.
    void send();
    // Azure with Entra ID client credentials: fetches (or takes the kept) token, then send().
    void sendWithEntraToken();
    void releaseSlot();
    void onHeadersReceived();
    void restartIdleTimer();
    void startTimer(QBasicTimer& timer, int ms);
    void timerEvent(QTimerEvent* event) override;

    void onReadyRead();
    void onReplyFinished();
    void onTimeout(FailureClass failureClass);
    void applyDelta(const WireDelta& delta);
    bool thinksFirst(); // ReasoningModels::thinksFirst, asked once
    void addPart(const AnswerPart& part);
    void failSoon(const CallError& error);
    void finishWithSuccess();
    void fail(const CallError& error);
    void stopReply();
    void fillEstimatesIfMissing();
    void estimateUnfinishedUsage();
    bool pastMaxTokens() const;
    void stopAtMaxTokens();

    QPointer<ProviderClient> m_client;
    ProviderConfig m_provider;
    ModelConfig m_model;
    ChatRequest m_request;
    quint64 m_budgetHold = 0;
    QString m_apiKey;
    bool m_fetchedToken = false; // m_apiKey is an Entra ID token fetched by EntraTokenSource
    bool m_tokenRetried = false; // a 401 to a fetched token was retried once with a new one
    std::optional<bool> m_thinksFirst;
    qint64 m_maxResponseBytes;

    std::unique_ptr<WireFormat> m_wire;
    std::unique_ptr<StreamDecoder> m_decoder;
    QList<WireDelta> m_spareDeltas; // see onReadyRead()
    QPointer<HttpExchange> m_reply;
    QByteArray m_body;
    qint64 m_bytesReceived = 0;
    int m_httpStatus = 0;
    bool m_streaming = false;
    bool m_usageReported = false;
    QStringList m_filteredCategories; // what the content filter said about the answer

    QElapsedTimer m_clock;
    // QBasicTimer: no QObject or connection per timer, and the idle timer is not re-armed per
    // token - it checks m_lastActivityMs when it fires.
    QBasicTimer m_connectTimer;
    QBasicTimer m_firstTokenTimer;
    QBasicTimer m_idleTimer;
    QBasicTimer m_totalTimer;
    qint64 m_lastActivityMs = 0;

    CallResult m_result;
    CallError m_error;
    bool m_done = false;
    // Lets ProviderClient release a concurrency slot however the call ends (done, cancelled or
    // deleted); a callback rather than a signal so that cancel() emits nothing at all.
    std::function<void()> m_onReleased;
    bool m_launched = false;
};
