#include "core/common/ModelNamePattern.h"

ModelNamePattern::ModelNamePattern(const QString& text)
    : m_text(text)
{
    QStringList literals = text.split(QLatin1Char('*'));
    for (QString& literal : literals) {
        literal = QRegularExpression::escape(literal);
    }
    const QString regex = literals.join(QStringLiteral("(.*)"));
    m_regex.setPattern(QRegularExpression::anchoredPattern(regex));
    m_regex.setPatternOptions(QRegularExpression::DotMatchesEverythingOption);
}

std::optional<QStringList> ModelNamePattern::match(const QString& name) const
{
    if (isPattern(name) || !isPattern(m_text)) {
        return std::nullopt;
    }
    const QRegularExpressionMatch found = m_regex.match(name);
    if (!found.hasMatch()) {
        return std::nullopt;
    }
    QStringList parts;
    for (int i = 1; i <= m_regex.captureCount(); ++i) {
        parts.append(found.captured(i));
    }
    return parts;
}

QString ModelNamePattern::fill(const QString& upstream, const QStringList& parts, const QString& requested)
{
    if (!isPattern(upstream)) {
        return upstream;
    }
    if (parts.size() > starCount(upstream)) {
        return requested;
    }
    QString filled = upstream;
    for (const QString& part : parts) {
        const qsizetype star = filled.indexOf(QLatin1Char('*'));
        filled.replace(star, 1, part);
    }
    return filled;
}
