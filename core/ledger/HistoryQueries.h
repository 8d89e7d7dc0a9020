#pragma once

#include "core/ledger/LedgerQueryTypes.h"
#include "core/ledger/LedgerRecords.h"

#include <functional>
#include <optional>

class LedgerReader;
class QSqlQuery;

// The ledger's raw request rows with their attempts and failovers, newest first: the workbench
// history, a comparison and its votes, and the requests behind a clicked chart element.
class HistoryQueries final
{
public:
    explicit HistoryQueries(LedgerReader& reader);

    // The search text matches prompt, answer, reasoning, tool calls, models, provider, tier, rule,
    // compare group and error message.
    QList<RequestRecord> recentRequests(int limit, int offset = 0, const QString& searchText = QString());
    QList<RequestRecord> requestsInCompareGroup(const QString& group);
    // At most `limit`, by time (index on started_at, or on failovers.at for failedOverOnly), so it
    // works on any old bucket and stops at `limit`.
    QList<RequestRecord> requests(const LedgerFilter& filter, int limit, const RequestMatch& match = {});
    QList<VoteRecord> votesInCompareGroup(const QString& group);
    // Every voted comparison whose latest vote falls in [from, until) (an invalid bound is open),
    // oldest vote first, with its columns: the leaderboard's evidence.
    QList<VotedRun> votedRuns(const QDateTime& from = {}, const QDateTime& until = {});

    // A request's prompt, token counts and stored cost (nullopt: unpriced), for re-pricing.
    struct PricedUsage
    {
        QString prompt;
        TokenUsage usage;
        std::optional<double> costUsd;
    };
    // Every request started at or after `since`, from any source but those `excluded`, that has token
    // counts, in one pass over the rows (no limit): `row` is called for each. False, with the
    // reader's error set, when the ledger could not be read.
    bool scanUsage(const QDateTime& since, const QList<RequestSource>& excluded,
                   const std::function<void(const PricedUsage&)>& row);

private:
    QList<RequestRecord> readRequests(QSqlQuery& query);

    LedgerReader& m_reader;
};
