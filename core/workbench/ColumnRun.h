#pragma once

#include "core/workbench/ColumnExchange.h"
#include "core/workbench/ColumnFigures.h"
#include "core/workbench/ColumnRoute.h"
#include "core/workbench/ColumnSpec.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

enum class ColumnState
{
    Idle, // nothing sent yet
    Waiting, // request sent (or queued), no token yet
    Streaming,
    Done,
    Incomplete, // stopped by the user or cut off at max tokens; the text is partial
    Failed,
    Cancelled, // stopped before any token arrived
};

namespace ColumnStates {
QString id(ColumnState state); // "done", "failed", ... (exports, ledger)
QString displayName(ColumnState state); // translated
bool isActive(ColumnState state); // waiting or streaming
} // namespace ColumnStates

// One column's call: its state, streamed text and figures. Whatever runs the call (a ProviderCall
// bound by ComparisonRun, a synthetic feeder in benchmarks and tests) drives it through the feed
// methods; the column itself knows nothing of the network.
class ColumnRun : public QObject
{
    Q_OBJECT

public:
    ColumnRun(const ColumnSpec& spec, const ModelConfig& model, const ProviderConfig& provider,
              QObject* parent = nullptr);
    ~ColumnRun() override;

    const ColumnSpec& spec() const { return m_spec; }
    void setSpec(const ColumnSpec& spec, const ModelConfig& model, const ProviderConfig& provider);
    const ModelConfig& model() const { return m_model; }
    const ProviderConfig& provider() const { return m_provider; }
    QString providerName() const;
    // The model as the user knows the column: its model id, or for a routed column the model the
    // router chose ("Route it" before it chose).
    QString title() const;
    const ColumnRoute& route() const { return m_route; }
    // Earlier turns of this column's conversation, oldest first.
    const QList<ConversationTurn>& conversation() const { return m_conversation; }
    // This turn's question (empty when it went on from tool results) and files.
    const QString& question() const { return m_question; }
    const QList<Attachment>& attachments() const { return m_attachments; }
    // The tools this turn's request offered (for a restored column, what its row kept).
    const ToolSet& offeredTools() const { return m_exchange.tools; }
    // What the column's ledger row keeps to be reopened as shown (its place in the run unset).
    ColumnExchange exchange() const;

    ColumnState state() const { return m_state; }
    const QString& text() const { return m_text; }
    // What the finished call reported besides its text (kept for history and exports).
    const QString& reasoning() const { return m_reasoning; }
    const QList<ToolCall>& toolCalls() const { return m_toolCalls; }
    const ColumnFigures& figures() const { return m_figures; }
    const CallError& error() const { return m_error; }
    const ChatRequest& request() const { return m_request; }
    QString finishReason() const { return m_finishReason; }
    // "Failed: Server error (HTTP 503)", "Cut off at max tokens", ...
    QString statusText() const;
    qint64 elapsedMs() const;
    bool isActive() const { return ColumnStates::isActive(m_state); }

    // Starts a new answer for `request`: clears the text and figures, state Waiting. The notes say
    // how the request differs from what was asked ("report.pdf went as its text: ..."). The turn's
    // question is the request's last user text unless given (empty: it goes on from tool results).
    void begin(const ChatRequest& request, const QStringList& notes = {}, const QList<Attachment>& attachments = {},
               const std::optional<QString>& question = std::nullopt);
    const QStringList& notes() const { return m_notes; }
    // Takes ownership of the object running the call; `cancelCall` stops it without further signals.
    void attach(QObject* call, std::function<void()> cancelCall);
    // Stops the call; the column becomes Incomplete (some text) or Cancelled (none).
    void cancel();
    // The usage the stopped call settled on (its estimate of what it generated, as recorded).
    void settleUsage(const TokenUsage& usage);
    // Restores a column from history/export without a call.
    void restore(ColumnState state, const QString& text, const ColumnFigures& figures, const CallError& error,
                 const QString& reasoning = {}, const QList<ToolCall>& toolCalls = {},
                 const ColumnExchange& exchange = {});
    // Restores what the router did for a routed column (with the model it chose, when known).
    void restoreRoute(const ColumnRoute& route, const ModelConfig* model, const ProviderConfig* provider);

    void markFirstToken(qint64 ttftMs);
    void appendText(const QString& delta);
    // A piece of the model's reasoning (thinking), streamed before or beside the answer.
    void appendReasoning(const QString& delta);
    // A streamed piece of the answer: tool call pieces gather into toolCalls() as they come
    // (the finished call's list replaces them); other kinds are not shown by the workbench.
    void appendPart(const AnswerPart& part);
    void reportUsage(const TokenUsage& usage);
    void complete(const CallResult& result);
    void fail(const CallError& error, const CallResult& partial);

    // Routed columns: what the router decided, the model it runs now, each failover.
    void setRouteDecision(const QString& tier, const QString& ruleName, const QString& why);
    void setRoutedModel(const ModelConfig& model, const ProviderConfig& provider);
    void addFailover(const QString& fromModel, const QString& toModel, const CallError& error);
    // The answer so far is void (a failover restarts it on another model).
    void discardText();

    // Keeps the last question, its files and this column's answer as a turn of its conversation,
    // so the next request carries them; `toolResults` answer its tool calls (one per call). False
    // (nothing kept) when there is no answer to keep.
    bool keepTurn(const QStringList& toolResults = {});
    void clearConversation();

signals:
    void begun();
    void stateChanged(ColumnState state);
    void textAppended(const QString& delta);
    void reasoningAppended(const QString& delta);
    void toolCallsChanged();
    void textDiscarded();
    // Decision, model or failovers of a routed column changed.
    void routeChanged();
    // Figures change on every token while streaming; views should repaint them on a timer.
    void figuresChanged();
    void ended(ColumnState state);

private:
    void setState(ColumnState state);
    void estimateUsage();
    void updateCost();
    void releaseCall();

    ColumnSpec m_spec;
    ModelConfig m_model;
    ProviderConfig m_provider;
    ChatRequest m_request;
    ColumnState m_state = ColumnState::Idle;
    QString m_text;
    QString m_reasoning;
    QList<ToolCall> m_toolCalls;
    QString m_finishReason;
    ColumnFigures m_figures;
    CallError m_error;
    bool m_usageReported = false;
    QElapsedTimer m_clock;
    qint64 m_firstTokenAtMs = -1; // on m_clock; the call's own ttft excludes queueing
    ColumnRoute m_route;
    QList<ConversationTurn> m_conversation;
    QString m_question;
    QList<Attachment> m_attachments;
    ColumnExchange m_exchange; // the offered tools of this turn
    QStringList m_notes;
    QPointer<QObject> m_call;
    std::function<void()> m_cancelCall;
};
