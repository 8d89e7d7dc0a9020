#pragma once

#include "../ledger/LedgerTestUtil.h"

#include <QDir>
#include <QString>

// The ledger the reconciliation samples in tests/data/reconcile are written against, recorded
// through the real Ledger and its writer. Per provider (ledger provider ids "openai",
// "anthropic", "openrouter"), 2026-11-03 and 2026-11-04 UTC:
//   openai      d1 gpt-4o x10 (1000+200 tokens, $0.0045 each), gpt-4o-mini x4 (500+100, $0.0003)
//               d2 gpt-4o x5 (as d1; the export bills $0.030: drift -25 %), o3-mini x2 (not on any
//               export: missing at the provider); plus an answer from the response cache (not
//               billed, so not counted)
//   anthropic   d1 claude-sonnet-4 x6 (2000+300, $0.0105); d2 claude-haiku-4-5 x2 (1500+300, $0.01;
//               the cost export says $0.021: drift -4.76 %, under 5 %)
//   openrouter  d1 anthropic/claude-3.5-sonnet x3 ($0.01), openai/gpt-4o-mini x2 ($0.0002);
//               d2 anthropic/claude-3.5-sonnet x1 (missing at the provider)
namespace ReconcileFixture {

inline QString sample(const QString& name)
{
    return QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/reconcile/") + name;
}

inline QList<RequestRecord> records()
{
    using LedgerTestUtil::request;
    using LedgerTestUtil::utc;
    QList<RequestRecord> out;
    auto add = [&](int day, const QString& model, const QString& provider, int count, qint64 prompt, qint64 completion,
                   double cost, const QString& clientKey = QString()) {
        for (int i = 0; i < count; ++i) {
            RequestRecord r = request(utc(2026, 11, day, 9 + i % 12, i), model, provider, cost);
            r.usage.promptTokens = prompt;
            r.usage.completionTokens = completion;
            r.clientKey = clientKey;
            if (!clientKey.isEmpty()) {
                r.source = RequestSource::Gateway;
            }
            out << r;
        }
    };
    add(3, QStringLiteral("gpt-4o"), QStringLiteral("openai"), 10, 1000, 200, 0.0045, QStringLiteral("ck_cursor"));
    add(3, QStringLiteral("gpt-4o-mini"), QStringLiteral("openai"), 4, 500, 100, 0.0003, QStringLiteral("ck_cursor"));
    add(4, QStringLiteral("gpt-4o"), QStringLiteral("openai"), 5, 1000, 200, 0.0045, QStringLiteral("ck_cursor"));
    add(4, QStringLiteral("o3-mini"), QStringLiteral("openai"), 2, 800, 400, 0.002, QStringLiteral("ck_cursor"));
    RequestRecord cached
        = request(LedgerTestUtil::utc(2026, 11, 3, 15), QStringLiteral("gpt-4o"), QStringLiteral("openai"), 0.0045);
    cached.cachedAnswer = true;
    out << cached;
    add(3, QStringLiteral("claude-sonnet-4"), QStringLiteral("anthropic"), 6, 2000, 300, 0.0105);
    add(4, QStringLiteral("claude-haiku-4-5"), QStringLiteral("anthropic"), 2, 1500, 300, 0.01);
    add(3, QStringLiteral("anthropic/claude-3.5-sonnet"), QStringLiteral("openrouter"), 3, 1000, 100, 0.01);
    add(3, QStringLiteral("openai/gpt-4o-mini"), QStringLiteral("openrouter"), 2, 500, 100, 0.0002);
    add(4, QStringLiteral("anthropic/claude-3.5-sonnet"), QStringLiteral("openrouter"), 1, 1000, 100, 0.01);
    return out;
}

// Writes the ledger to `path` (a new file) and waits until it is committed.
inline bool fill(const QString& path)
{
    Ledger ledger;
    return ledger.open(path) && LedgerTestUtil::recordAll(ledger, records());
}

} // namespace ReconcileFixture
