#include "core/routing/RoutedTypes.h"

#include <QCoreApplication>

#include <algorithm>

QString AttemptInfo::outcomeId() const
{
    return outcome == AttemptOutcome::Failed ? FailureClasses::id(error.failureClass) : AttemptOutcomes::id(outcome);
}

QString TierDowngrade::text() const
{
    return QCoreApplication::translate("TierDowngrade", "tier %1 over budget (%2), moved down to tier %3")
        .arg(fromTier, limit, toTier);
}

bool SkipInfo::allIncapable(const QList<SkipInfo>& skipped)
{
    return !skipped.isEmpty() && std::all_of(skipped.cbegin(), skipped.cend(), [](const SkipInfo& skip) {
        return skip.kind == SkipKind::MissingCapability;
    });
}

bool RoutedError::onlyIncapable() const
{
    return attempts.isEmpty() && SkipInfo::allIncapable(skipped);
}

QString RoutedError::details() const
{
    QStringList lines { message };
    for (const TierDowngrade& downgrade : downgrades) {
        lines << QStringLiteral("  ") + downgrade.text();
    }
    for (int i = 0; i < attempts.size(); ++i) {
        const AttemptInfo& attempt = attempts.at(i);
        const QString outcome = attempt.error.isError() ? attempt.error.summary() : attempt.outcomeId();
        lines << QCoreApplication::translate("RoutedError", "  attempt %1: %2 on %3 (%4): %5")
                     .arg(i + 1)
                     .arg(attempt.modelId, attempt.providerId, AttemptReasons::id(attempt.reason), outcome);
    }
    for (const SkipInfo& skip : skipped) {
        lines << QCoreApplication::translate("RoutedError", "  skipped: %1 on %2: %3")
                     .arg(skip.modelId, skip.providerId, skip.reason);
    }
    return lines.join(QLatin1Char('\n'));
}

QString AttemptInfo::serverOf(const QUrl& url)
{
    if (url.host().isEmpty()) {
        return {};
    }
    const int port = url.port(url.scheme() == QLatin1String("http") ? 80 : 443);
    return url.host() + QLatin1Char(':') + QString::number(port);
}
