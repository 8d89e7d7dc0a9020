#pragma once

#include "core/sandbox/SandboxTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

// OpenAI's POST /embeddings as the sandbox answers it, as pure functions: the request read and
// checked as OpenAI checks it, deterministic unit vectors (the same input and model give the same
// vector every run; a shortened one is the full one cut and normalised again, as text-embedding-3
// does), and the bodies in OpenAI's layout (tests/data/wire-next/openai-embeddings-*.json,
// openai-error-404-embeddings-model-not-found.json).
namespace SandboxEmbeddings {

struct Request
{
    QString model;
    QStringList inputs; // each input as text (token arrays as their numbers), for the vectors
    QList<qint64> inputTokens; // what each input is billed as
    bool base64 = false; // encoding_format "base64": little-endian float32, base64
    int dimensions = 0; // 0: the model's own
};

// An answer other than the vectors: status and OpenAI's error body.
struct Refusal
{
    int status = 400;
    QByteArray body;
};

// False with *refusal set when the body is no valid embeddings request (before any model check).
bool parse(const QByteArray& body, Request* request, Refusal* refusal);
// What OpenAI answers for the model: a refusal when it is unknown (404 model_not_found), answers
// no embeddings (a chat model), or cannot do what was asked (dimensions, input too long).
// `model` is null when no embeddings model of that name exists; `chatModel` whether a chat
// model does.
bool check(const Request& request, const SandboxEmbeddingModel* model, bool chatModel, Refusal* refusal);

QList<float> vector(const QString& model, const QString& input, int dimensions);
// {"object":"list","data":[{"object":"embedding","index":i,"embedding":[...] or "base64"}],
//  "model","usage":{"prompt_tokens","total_tokens"}} in OpenAI's 2-space layout.
QByteArray response(const Request& request, const SandboxEmbeddingModel& model);
qint64 promptTokens(const Request& request);

// OpenAI's error envelope in its 4-space layout with a final newline.
QByteArray errorBody(const QString& message, const QByteArray& type, const QString& param, const QByteArray& code);

} // namespace SandboxEmbeddings
