#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

// The tools a client offered with a request (OpenAI's `tools` array, the form an evaluation's
// PromptTools reads), as the ledger keeps them: agents and IDE assistants send the same 20-40 KB
// of tool definitions on every request, so each distinct document is one row of tool_documents,
// named by the SHA-256 of its canonical JSON, and a request row names it by that hash
// (requests.tools_hash). Canonical: compact, with every object's keys sorted (QJsonObject keeps
// them sorted), so the same tools sent with other spacing or key order are one document.
struct ToolDocument
{
    QByteArray json; // canonical JSON; empty for no tools
    QString hash; // lower-case hex SHA-256 of json; empty for no tools

    bool isEmpty() const { return hash.isEmpty(); }

    static ToolDocument of(const QJsonArray& tools);
    // The document a tool_documents row holds, read back (an empty array for none or unreadable).
    static QJsonArray parse(const QString& json);

    // Insert-or-ignore of (hash, tools), in the writer's transaction (both backends).
    static QString insertSql();
    // Removes the documents no request row names any more: after rows are deleted, in their
    // transaction (requests_tools_hash finds the rows that still name one).
    static QString deleteOrphansSql();
};
