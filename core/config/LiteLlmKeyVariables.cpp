#include "core/config/LiteLlmKeyVariables.h"

#include <QCryptographicHash>

namespace {
QByteArray hashOf(const QString& key)
{
    return QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

LiteLlmKeyVariables::LiteLlmKeyVariables(Environment environment)
    : m_environment(std::move(environment))
{
}

QString LiteLlmKeyVariables::stem(const QUrl& base)
{
    QString name = QStringLiteral("SWITCHYARD_KEY_");
    for (const QChar c : hostText(base).toUpper()) {
        name += (c.isLetterOrNumber() && c.unicode() < 128) ? c : QLatin1Char('_');
    }
    return name;
}

QString LiteLlmKeyVariables::hostText(const QUrl& base)
{
    const QString host = base.host().isEmpty() ? QStringLiteral("custom") : base.host();
    return base.port() > 0 ? QStringLiteral("%1:%2").arg(host).arg(base.port()) : host;
}

LiteLlmKeyVariable LiteLlmKeyVariables::variableFor(const QUrl& base, const QString& literalKey, int line)
{
    const QByteArray hash = hashOf(literalKey);
    const QString first = stem(base);
    for (int n = 1;; ++n) {
        const QString name = n == 1 ? first : QStringLiteral("%1_%2").arg(first).arg(n);
        const qsizetype known = std::find_if(m_variables.cbegin(), m_variables.cend(),
                                             [&](const LiteLlmKeyVariable& v) { return v.name == name; })
            - m_variables.cbegin();
        if (known < m_variables.size()) {
            if (m_hashes.at(known) == hash) {
                return m_variables.at(known);
            }
            continue;
        }
        // A variable that already holds another key belongs to an earlier import: never overwrite its meaning.
        const QString current = m_environment ? m_environment(name) : QString();
        if (!current.isEmpty() && hashOf(current) != hash) {
            continue;
        }
        LiteLlmKeyVariable variable { name, hostText(base), line, !current.isEmpty() };
        m_variables.append(variable);
        m_hashes.append(hash);
        return variable;
    }
}
