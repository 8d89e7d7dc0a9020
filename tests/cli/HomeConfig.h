#pragma once

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// Whether two homes hold the same configuration (providers.json and routing.json as JSON, so
// member order and layout do not count): empty when they do, else the first file that differs
// with both versions, for a test's failure message.
inline QString homeConfigDifference(const QString& homeA, const QString& homeB)
{
    for (const char* name : { "providers.json", "routing.json" }) {
        QFile a(QDir(homeA).filePath(QLatin1String(name)));
        QFile b(QDir(homeB).filePath(QLatin1String(name)));
        if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly)) {
            return QStringLiteral("%1: missing in one of the homes").arg(QLatin1String(name));
        }
        const QJsonObject before = QJsonDocument::fromJson(a.readAll()).object();
        const QJsonObject after = QJsonDocument::fromJson(b.readAll()).object();
        if (before != after) {
            return QStringLiteral("%1 differs:\n%2\nvs\n%3")
                .arg(QLatin1String(name), QString::fromUtf8(QJsonDocument(before).toJson()),
                     QString::fromUtf8(QJsonDocument(after).toJson()));
        }
    }
    return {};
}
