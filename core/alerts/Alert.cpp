#include "core/alerts/Alert.h"

#include <QJsonArray>

QJsonObject Alert::toJson() const
{
    QJsonObject evidence {
        { QStringLiteral("value"), value },
        { QStringLiteral("threshold"), threshold },
        { QStringLiteral("count"), count },
        { QStringLiteral("window_seconds"), windowSec },
        { QStringLiteral("example_request_ids"), QJsonArray::fromStringList(exampleRequestIds) },
    };
    return {
        { QStringLiteral("kind"), AlertKinds::id(kind) },
        { QStringLiteral("subject"), subject },
        { QStringLiteral("state"), firing ? QStringLiteral("firing") : QStringLiteral("cleared") },
        { QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("summary"), summary },
        { QStringLiteral("evidence"), evidence },
    };
}
