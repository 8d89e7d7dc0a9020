#include "core/common/RequestSettings.h"

#include <QCryptographicHash>
#include <QStringList>

QString RequestSettings::describe(const ChatRequest& request)
{
    QStringList parts;
    if (request.temperature) {
        parts << QStringLiteral("temperature=%1").arg(*request.temperature, 0, 'g', 3);
    }
    if (request.maxTokens > 0) {
        parts << QStringLiteral("max_tokens=%1").arg(request.maxTokens);
    }
    // A workbench column's effort travels in its body (PromptBody): "reasoning_effort":"high".
    static constexpr QByteArrayView effortKey = "\"reasoning_effort\":\"";
    if (const qsizetype at = request.clientBody.indexOf(effortKey); at >= 0) {
        const qsizetype from = at + effortKey.size();
        const qsizetype end = request.clientBody.indexOf('"', from);
        if (end > from && end - from <= 16) {
            parts << QStringLiteral("reasoning_effort=")
                    + QString::fromLatin1(request.clientBody.mid(from, end - from));
        }
    }
    const QString system = request.systemText();
    if (!system.trimmed().isEmpty()) {
        const QByteArray hash = QCryptographicHash::hash(system.toUtf8(), QCryptographicHash::Sha256).toHex();
        parts << QStringLiteral("system=") + QString::fromLatin1(hash.left(8));
    }
    return parts.join(u' ');
}
