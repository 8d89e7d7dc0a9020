#pragma once

#include "core/ledger/LedgerRecords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

// A prompt set made of ledger rows (the history): one JSONL line a row, {"id", "prompt",
// "system"?, "tools"?, "tool_choice"?, "expected"?}, read back by PromptSet like any set. The id is
// the row's request id; the system prompt, tools and tool_choice are those the row was sent (a
// workbench row keeps them in its exchange; a gateway, `ask` or `route` row in its own columns
// since ledger v15, the tools as OpenAI's function tools, Anthropic's translated; older rows kept
// none), so an evaluation of the set asks every model what the row asked; the expected answer is
// the row's answer when asked for (and the row has one). Rows without a prompt (prompt storage was
// off) are left out, and so is a question asked before with the same system prompt and tools (the
// newest row keeps it), and a row whose tools PromptTools refuses (asked without them, it would
// be another question). Pure.
class HistorySet final
{
    Q_DECLARE_TR_FUNCTIONS(HistorySet)

public:
    struct Result
    {
        QByteArray jsonl;
        int written = 0;
        int withoutPrompt = 0; // rows left out: the ledger kept no prompt
        int repeated = 0; // rows left out: their prompt came in an earlier (newer) row
        int toolsRefused = 0; // rows left out: their tools cannot be offered (PromptTools refuses them)
    };

    // One row a run (a compare group, or a row on its own): the row `model` answered, its answer
    // then the expected one; else (no model given, or that model had no column) the run's first
    // row with its answer left out.
    static QList<RequestRecord> runsAnsweredBy(const QList<RequestRecord>& records, const QString& model);
    // rows: newest first, as the history lists them.
    static Result of(const QList<RequestRecord>& rows, bool answersAsExpected);
    // "12 prompts written; 3 rows without a prompt left out; ..." for a report.
    static QString describe(const Result& result);
    // Writes the set atomically (QSaveFile); false with *error naming the file.
    static bool save(const QString& path, const QByteArray& jsonl, QString* error);
};
