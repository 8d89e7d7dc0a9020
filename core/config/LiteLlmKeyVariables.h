#pragma once

#include "core/config/LiteLlmConfig.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <functional>

// Names the environment variables that take the place of literal api_keys in a LiteLLM file. A key
// is bound to the host it was written for: its variable is named after that host
// (SWITCHYARD_KEY_API_EXAMPLE_COM), the same key on the same host shares it, and a different key
// for the same host is numbered (..._2), also when the variable already holds another key. Keys are
// compared by hash and never kept.
class LiteLlmKeyVariables final
{
public:
    using Environment = std::function<QString(const QString&)>;

    explicit LiteLlmKeyVariables(Environment environment);

    LiteLlmKeyVariable variableFor(const QUrl& base, const QString& literalKey, int line);
    const QList<LiteLlmKeyVariable>& variables() const { return m_variables; }

    // "SWITCHYARD_KEY_API_EXAMPLE_COM" for https://api.example.com/v1, "..._127_0_0_1_8080" with a port.
    static QString stem(const QUrl& base);
    // "api.example.com", "127.0.0.1:8080".
    static QString hostText(const QUrl& base);

private:
    Environment m_environment;
    QList<LiteLlmKeyVariable> m_variables;
    QList<QByteArray> m_hashes; // parallel to m_variables
};
