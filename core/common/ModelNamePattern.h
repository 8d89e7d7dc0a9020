#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

// A model name with "*" in it, as LiteLLM's wildcard routing writes them: a model_name such as "*",
// "anthropic/*" or "openai/gpt-4*" that takes the names clients ask for, and an upstream model such
// as "*" or "gpt-4*" that the parts those stars matched are put back into ("anthropic/claude-x"
// asked of "anthropic/*" is sent as "claude-x"). A name without "*" is no pattern.
class ModelNamePattern final
{
public:
    explicit ModelNamePattern(const QString& text);

    static bool isPattern(const QString& name) { return name.contains(QLatin1Char('*')); }

    const QString& text() const { return m_text; }
    // The parts the stars matched, in order, when `name` matches the whole pattern; a name that is
    // itself a pattern never does (nobody can call "anthropic/*").
    std::optional<QStringList> match(const QString& name) const;
    // Of several patterns that match, the longest is the most specific (LiteLLM sorts them by length).
    qsizetype specificity() const { return m_text.size(); }
    // `upstream` with its stars replaced by `parts` in order (LiteLLM's set_deployment_model_name): a
    // fixed upstream stays as it is, and with more parts than stars the whole requested name is sent.
    static QString fill(const QString& upstream, const QStringList& parts, const QString& requested);
    static int starCount(const QString& text) { return int(text.count(QLatin1Char('*'))); }

private:
    QString m_text;
    QRegularExpression m_regex;
};
