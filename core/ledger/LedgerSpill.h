#pragma once

#include "core/ledger/LedgerRecords.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Rows the writer could not commit before it had to stop (another program held the write lock
// past every retry, or the PostgreSQL server was gone), kept next to the ledger as
// `<ledger>.pending.json` (for a server: in this machine's data directory) and written on the next
// open. Exactly once: the spill's id is stored in the ledger's meta table in the same transaction
// as its rows, so a spill found again after a crash between commit and removal is not replayed.
struct LedgerSpill
{
    QString id; // uuid, new for every spill written
    QList<RequestRecord> requests;
    QList<VoteRecord> votes;

    bool isEmpty() const { return requests.isEmpty() && votes.isEmpty(); }
    // The meta table key that marks this spill as written.
    QString metaKey() const { return QStringLiteral("spill:") + id; }

    static QString pathFor(const QString& ledgerPath);
    // A spool file of rows set aside while the ledger could not be written, beside the spill:
    // "<spill without .json>-<UTC ms>-<id>.json", so that names sort oldest first.
    static QString spoolPathFor(const QString& ledgerPath, const QString& id);
    // The spool files there are for a ledger, oldest first.
    static QStringList spoolsFor(const QString& ledgerPath);
    // One request as the spill keeps it, as a compact JSON object (also the crash journal's).
    // withTools false: without the tools and tool_choice (the crash journal, written as each call
    // ends, leaves out the tens of KB of tool definitions an agent repeats on every request).
    static void appendRequestJson(QByteArray& out, const RequestRecord& record, bool withTools = true);
    static RequestRecord requestFromJson(const QJsonObject& object);
    // Atomic (QSaveFile), readable by the owner only: it may hold prompts.
    bool save(const QString& path, QString* error) const;
    // nullopt with *error when the file cannot be read or is not a spill.
    static std::optional<LedgerSpill> load(const QString& path, QString* error);
};
