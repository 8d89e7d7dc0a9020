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
    const QString system = request.systemText();
    if (!system.trimmed().isEmpty()) {
        const QByteArray hash = QCryptographicHash::hash(system.toUtf8(), QCryptographicHash::Sha256).toHex();
        parts << QStringLiteral("system=") + QString::fromLatin1(hash.left(8));
    }
    return parts.join(u' ');
}
