#include "core/workbench/HistoryEntry.h"

#include "core/providers/JsonObjectEditor.h"

#include <QHash>
#include <QSet>

namespace {
// The column a record answered in its run (kept with its exchange), -1 when unknown. Read without
// parsing the exchange, which may hold tools, turns and files.
int placeOf(const RequestRecord& record)
{
    if (record.exchange.isEmpty()) {
        return -1;
    }
    bool ok = false;
    const int place = JsonObjectEditor(record.exchange.toUtf8()).value("column").toInt(&ok);
    return ok ? place : -1;
}
} // namespace

QList<HistoryEntry> HistoryEntry::group(const QList<RequestRecord>& records)
{
    QList<HistoryEntry> entries;
    QHash<QString, qsizetype> byGroup;
    QHash<QString, QSet<int>> placesByGroup;
    for (const auto& record : records) {
        const QString key = record.compareGroup.isEmpty() ? record.id : record.compareGroup;
        auto it = byGroup.find(key);
        if (it == byGroup.end()) {
            HistoryEntry entry;
            entry.compareGroup = key;
            entry.startedAt = record.startedAt;
            entry.prompt = record.prompt;
            it = byGroup.insert(key, entries.size());
            entries.append(entry);
        }
        HistoryEntry& entry = entries[*it];
        // Every call was paid for; a column sent again in its run (rerun, its tool calls answered)
        // is still one column, shown by its newest answer (records come newest first).
        entry.costUsd += record.costUsd.value_or(0);
        entry.costEstimated = entry.costEstimated || (record.costEstimated && record.costUsd.value_or(0) > 0);
        if (record.startedAt < entry.startedAt) {
            entry.startedAt = record.startedAt;
        }
        const int place = placeOf(record);
        QSet<int>& places = placesByGroup[key];
        if (place >= 0 && places.contains(place)) {
            continue;
        }
        places.insert(place);
        entry.models.prepend(record.finalModel);
        entry.failed += record.status == RequestStatus::Failed;
    }
    return entries;
}

ColumnSnapshot HistoryEntry::columnOf(const RequestRecord& record)
{
    ColumnSnapshot column;
    column.spec.modelId = record.finalModel;
    column.modelId = record.finalModel;
    column.providerId = record.finalProvider;
    column.providerName = record.finalProvider;
    if (!record.tier.isEmpty()) {
        // The router picked this column's model: reopen it as a "Route it" column.
        column.spec = ColumnSpec::routeIt();
        column.route.decided = true;
        column.route.tier = record.tier;
        column.route.ruleName = record.rule;
        column.route.modelId = record.finalModel;
        // Each failover left its model's failed attempt, in order: its HTTP status is what the
        // live column showed ("Server error, HTTP 503").
        qsizetype nextAttempt = 0;
        for (const FailoverRecord& failover : record.failovers) {
            CallError error;
            error.failureClass = FailureClasses::fromId(failover.failureClass);
            error.message = failover.message;
            for (qsizetype i = nextAttempt; i < record.attempts.size(); ++i) {
                const AttemptRecord& attempt = record.attempts.at(i);
                if (attempt.modelId == failover.fromModel && attempt.outcome != AttemptOutcome::Ok) {
                    error.httpStatus = attempt.httpStatus;
                    nextAttempt = i + 1;
                    break;
                }
            }
            column.route.failovers.append({ failover.fromModel, failover.toModel, error });
        }
        column.note = column.route.note();
    }
    if (record.status == RequestStatus::Ok) {
        column.state = ColumnState::Done;
    } else if (record.status == RequestStatus::Failed) {
        column.state = ColumnState::Failed;
    } else if (record.status == RequestStatus::Incomplete) {
        column.state = ColumnState::Incomplete;
    } else {
        column.state = ColumnState::Cancelled;
    }
    column.error.failureClass = FailureClasses::fromId(record.failureClass);
    column.error.message = record.errorMessage;
    // The status the live column showed ("Server error (HTTP 503)") is the last failed attempt's.
    for (auto it = record.attempts.crbegin(); it != record.attempts.crend(); ++it) {
        if (it->outcome == AttemptOutcome::Failed && it->httpStatus > 0) {
            column.error.httpStatus = it->httpStatus;
            break;
        }
    }
    column.text = record.answer;
    column.reasoning = record.reasoning;
    column.toolCalls = record.toolCalls;
    column.settings = record.settings;
    column.exchange = ColumnExchange::fromJson(record.exchange);
    ColumnFigures& f = column.figures;
    f.ttftMs = record.ttftMs;
    f.latencyMs = record.latencyMs;
    f.usage = record.usage;
    f.costUsd = record.costUsd;
    f.priced = record.costUsd.has_value();
    if (record.status != RequestStatus::Ok && record.usage == TokenUsage {}) {
        // Nothing came back, nothing was billed: "—", as the live column showed it.
        f.costUsd.reset();
        f.priced = true;
    }
    f.costEstimated = record.costEstimated;
    f.tokensPerSecond = ColumnFigures::rate(record.usage.completionTokens, record.ttftMs, record.latencyMs);
    return column;
}

ComparisonSnapshot HistoryEntry::snapshotOf(const QList<RequestRecord>& records)
{
    ComparisonSnapshot snapshot;
    QList<RequestRecord> ordered = records;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const RequestRecord& a, const RequestRecord& b) { return a.startedAt < b.startedAt; });
    QHash<int, qsizetype> byPlace;
    for (const auto& record : ordered) {
        ColumnSnapshot column = columnOf(record);
        if (snapshot.compareGroup.isEmpty()) {
            snapshot.compareGroup = record.compareGroup;
            snapshot.startedAt = record.startedAt;
            snapshot.prompt.prompt = record.prompt;
            snapshot.prompt.attachments = column.exchange.attachments;
        }
        // A column sent again in its run (rerun, its tool calls answered) showed its newest answer
        // only, the exchange before it above: one column, as the live run had.
        const int place = column.exchange.column;
        if (const auto it = byPlace.constFind(place); place >= 0 && it != byPlace.cend()) {
            snapshot.columns[*it] = column;
            continue;
        }
        byPlace.insert(place, snapshot.columns.size());
        snapshot.columns.append(column);
    }
    return snapshot;
}
