#pragma once

#include "core/ledger/PrimaryReview.h"

#include <QCoreApplication>

// What "reconsider your primary" tells the user, in one place for the dashboard's Primaries card
// and the routing editor's mark (PrimaryChains says what is asked).
class PrimaryAdvice final
{
    Q_DECLARE_TR_FUNCTIONS(PrimaryAdvice)

public:
    // "11.0 %" ("11,0 %" in German), "—" without requests.
    static QString failoverRate(const PrimaryReview::Row& row);
    // The provider's share of good attempts, "—" without attempts.
    static QString uptime(const PrimaryReview::Health& health);
    // "gpt-4o failed over on 11.0 % of 100 requests; openai was up for 89.0 % of its attempts."
    static QString evidence(const PrimaryReview::Row& row);
    // For a marked row: "Promote claude-haiku: 100.0 % of its attempts succeeded.", or why there is
    // nothing to promote; empty for a row that is not marked.
    static QString suggestion(const PrimaryReview::Row& row);
    // "Marked: failed over on more than 10 % of at least 10 requests."
    static QString thresholdNote(const FailoverRateRule& rule);
};
