#pragma once

#include "core/workbench/ColumnRun.h"
#include "core/workbench/ComparisonSnapshot.h"
#include "core/workbench/ModelCatalog.h"

#include <QDateTime>
#include <QList>
#include <QObject>

class ProviderCall;
// Signals carry the call by pointer only; the type stays incomplete here.
Q_DECLARE_OPAQUE_POINTER(ProviderCall*)
class ProviderClient;
class RoutedCall;
Q_DECLARE_OPAQUE_POINTER(RoutedCall*)
class Router;

// The workbench's comparison: one prompt, 1-8 columns, each running its own call. Columns stay
// across runs (they are what the user picked); each run re-begins them. One failing column never
// stops the others.
class ComparisonRun : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxColumns = 8;

    explicit ComparisonRun(ProviderClient* client, QObject* parent = nullptr);

    // Runs "Route it" columns; without a router they fail with a message.
    void setRouter(Router* router) { m_router = router; }
    Router* router() const { return m_router; }
    void setCatalog(const ModelCatalog& catalog);
    const ModelCatalog& catalog() const { return m_catalog; }

    const PromptSettings& prompt() const { return m_prompt; }
    void setPrompt(const PromptSettings& prompt) { m_prompt = prompt; }

    const QList<ColumnRun*>& columns() const { return m_columns; }
    ColumnRun* column(int index) const { return m_columns.value(index); }
    int indexOf(const ColumnRun* column) const;
    QList<ColumnSpec> specs() const;
    // nullptr when MaxColumns are already there.
    ColumnRun* addColumn(const ColumnSpec& spec);
    void removeColumn(int index);
    void setColumnSpec(int index, const ColumnSpec& spec);
    void setColumns(const QList<ColumnSpec>& specs);

    // Sends the prompt to every column. Returns false when there is nothing to send.
    bool start();
    // Sends the current prompt to one column only.
    void rerun(int index);
    // Sends the prompt as the next turn of a conversation: to the column at `index` and, when
    // othersFollow, to every other column too. Each column keeps its last answer as a turn and
    // sends its own earlier turns; columns that do not follow keep what they show.
    bool continueConversation(int index, bool othersFollow);
    // Carries on the column's conversation after its tool calls, answered by hand: one result per
    // call, in order (ToolReply). False when the column has no finished tool calls to answer.
    bool answerToolCalls(int index, const QStringList& results);
    void cancel();
    bool isRunning() const;

    // Whether the column was sent the current run's prompt (columns that did not follow a
    // continued conversation still show an earlier turn).
    bool isInCurrentRun(const ColumnRun* column) const { return m_runColumns.contains(column); }
    QString compareGroup() const { return m_compareGroup; }
    QDateTime startedAt() const { return m_startedAt; }
    ComparisonSnapshot snapshot() const;
    // Shows an earlier run (from history or a file): its columns and figures, no calls.
    void restore(const ComparisonSnapshot& snapshot);

signals:
    void columnAdded(int index);
    void columnRemoved(int index);
    void columnSpecChanged(int index);
    void runStarted();
    // A column's call has just started (the engine records it in the ledger under the group and
    // settles its budget hold, ProviderCall::budgetHold). `exchange` is what its row keeps to be
    // reopened as shown (ColumnExchange's JSON).
    void callStarted(ProviderCall* call, const QString& compareGroup, const QString& exchange);
    void routedCallStarted(RoutedCall* call, const ChatRequest& request, const QString& compareGroup,
                           const QString& exchange);
    void columnEnded(int index, ColumnState state);
    // No column is active any more (after start(), rerun() or cancel()).
    void runFinished();

private:
    // Sends the column its request for the current prompt as the next turn of its conversation, or
    // (fromToolResults) the conversation on from the results of its last turn's tool calls.
    void runColumn(ColumnRun* column, bool fromToolResults = false);
    // Runs one column outside a full run (rerun, tool answers), under the run's group.
    void runOne(ColumnRun* column, bool fromToolResults);
    QString exchangeOf(const ColumnRun* column) const;
    void runRouted(ColumnRun* column, const ChatRequest& request);
    // Fails the column, nothing sent, when its model lacks a capability the request needs.
    bool refuseUnsupported(ColumnRun* column, const ChatRequest& request, const ModelConfig& model);
    void beginRun(const QList<ColumnRun*>& columns);
    void onColumnEnded(ColumnRun* column, ColumnState state);

    ProviderClient* m_client;
    Router* m_router = nullptr;
    ModelCatalog m_catalog;
    PromptSettings m_prompt;
    QList<ColumnRun*> m_columns;
    QString m_compareGroup;
    QList<const ColumnRun*> m_runColumns;
    QDateTime m_startedAt;
    bool m_running = false;
    bool m_starting = false;
};
