#pragma once

#include "core/ledger/LedgerQueryTypes.h"

#include <QString>

// Writes the request history to CSV or JSON Lines, streaming rows from the ledger into a
// QSaveFile so a failed export never leaves a half-written file. Only record fields are
// written (the ledger holds nothing else). Runs on the calling thread with its own connection.
class LedgerExport
{
public:
    explicit LedgerExport(const QString& ledgerPath);

    // One row per request; attempts and failovers as counts, the offered tools by name. Unpriced
    // cost is an empty cell.
    bool exportCsv(const QString& filePath, const LedgerFilter& filter = {});
    // One JSON object per line, with the attempts and failovers nested and the system prompt, tools
    // and tool_choice the row keeps (each left out when it has none); unpriced cost is null.
    bool exportJsonl(const QString& filePath, const LedgerFilter& filter = {});

    QString errorString() const { return m_error; }
    qint64 exportedRows() const { return m_rows; }

private:
    enum class Format
    {
        Csv,
        Jsonl
    };
    bool write(const QString& filePath, const LedgerFilter& filter, Format format);

    QString m_ledgerPath;
    QString m_error;
    qint64 m_rows = 0;
};
