#pragma once

#include "core/sandbox/SandboxTypes.h"

#include <QList>

// The simulated providers and models. Several providers, so failover crosses providers; names
// after the real models they stand in for, with their list prices (LiteLLM table) and typical
// first-token latency and token rate.
namespace SandboxCatalogue {

struct Provider
{
    QString id; // "sandbox-openai"
    QString displayName; // "Sandbox OpenAI"
    ProviderKind kind;
    QByteArray pathPrefix; // "/openai/v1"
};

QList<Provider> providers();
QList<SandboxModel> models();
// Embedding models, apart from the chat models: routing and the workbench never pick them.
QList<SandboxEmbeddingModel> embeddingModels();

} // namespace SandboxCatalogue
