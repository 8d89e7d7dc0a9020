#include "core/common/UrlCitation.h"

#include <QJsonDocument>

QString UrlCitation::annotation(const QString& url, const QString& title, qsizetype start, qsizetype end)
{
    const QJsonObject fields { { QStringLiteral("end_index"), end },
                               { QStringLiteral("start_index"), start },
                               { QStringLiteral("title"), title },
                               { QStringLiteral("url"), url } };
    const QJsonObject object { { QStringLiteral("type"), QStringLiteral("url_citation") },
                               { QStringLiteral("url_citation"), fields } };
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString UrlCitation::fromAnthropic(const QJsonObject& citation, qsizetype start, qsizetype end)
{
    if (citation.value(QLatin1String("type")).toString() != QLatin1String("web_search_result_location")) {
        return {};
    }
    const QString url = citation.value(QLatin1String("url")).toString();
    return url.isEmpty() ? QString() : annotation(url, citation.value(QLatin1String("title")).toString(), start, end);
}

qsizetype UrlCitation::characters(QStringView text)
{
    qsizetype count = text.size();
    for (const QChar c : text) {
        count -= c.isLowSurrogate() ? 1 : 0;
    }
    return count;
}

qsizetype UrlCitation::indexOf(QStringView text, qsizetype characters)
{
    qsizetype index = 0;
    for (qsizetype seen = 0; seen < characters && index < text.size(); ++seen) {
        index += text.at(index).isHighSurrogate() && index + 1 < text.size() ? 2 : 1;
    }
    return index;
}
