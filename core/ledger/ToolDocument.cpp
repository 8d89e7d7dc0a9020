#include "core/ledger/ToolDocument.h"

#include <QCryptographicHash>
#include <QJsonDocument>

ToolDocument ToolDocument::of(const QJsonArray& tools)
{
    if (tools.isEmpty()) {
        return {};
    }
    ToolDocument document;
    document.json = QJsonDocument(tools).toJson(QJsonDocument::Compact);
    document.hash = QString::fromLatin1(QCryptographicHash::hash(document.json, QCryptographicHash::Sha256).toHex());
    return document;
}

QJsonArray ToolDocument::parse(const QString& json)
{
    return json.isEmpty() ? QJsonArray() : QJsonDocument::fromJson(json.toUtf8()).array();
}

QString ToolDocument::insertSql()
{
    return QStringLiteral("INSERT INTO tool_documents(hash, tools) VALUES(?, ?) ON CONFLICT(hash) DO NOTHING");
}

QString ToolDocument::deleteOrphansSql()
{
    return QStringLiteral("DELETE FROM tool_documents WHERE NOT EXISTS"
                          " (SELECT 1 FROM requests r WHERE r.tools_hash = tool_documents.hash)");
}
