#pragma once

#include "core/sandbox/SandboxText.h"
#include "core/sandbox/SandboxTypes.h"
#include "core/sandbox/SandboxWire.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Google's native Gemini API as the sandbox speaks it: generateContent and
// streamGenerateContent?alt=sse (model and stream in the path), the request checked field by field
// as Google's JSON parser does (an unknown name is a 400 INVALID_ARGUMENT naming it), the answer
// with thought parts when includeThoughts asks, function calls whole with a thought signature
// (checked when the call comes back), Google Search grounding and usageMetadata; errors in the
// google.rpc.Status envelope (see tests/data/wire/gemini-*).
namespace SandboxGemini {

// "/models/<model>:generateContent" or ":streamGenerateContent" -> model and stream flag.
bool parsePath(QByteArrayView rest, QString* model, bool* stream);

// What a request asks beyond SandboxWire::Call.
struct Extras
{
    bool includeThoughts = false;
    bool googleSearch = false;
};

// A generateContent body; false with the whole 400 error body when Gemini would refuse it.
bool parseRequest(const QByteArray& body, const QString& model, bool stream, SandboxWire::Call* call, Extras* extras,
                  QByteArray* errorBody);

// Google's error envelope: {"error":{"code","message","status","details"}}. code picks the
// status and details ("API_KEY_INVALID", "RESOURCE_EXHAUSTED" with a RetryInfo, ...); empty:
// the usual one for the HTTP status.
QByteArray errorBody(int status, const QByteArray& code, const QByteArray& message = {}, int retryAfterSec = -1);

// The searches the sandbox runs for a grounded prompt: two queries, so that a price per query
// and one per grounded prompt differ.
QStringList searchQueries(const QString& lastUserText);
// The signature the sandbox gives a function call of this model (thinking models only).
QString thoughtSignature(const QString& model, const QString& functionName);

// The whole answer; usage as Gemini counts it (thoughts apart from candidates). filtered: the
// safety filter stopped the answer (finishReason SAFETY, no content, the blocked rating).
QByteArray response(const QString& model, const QByteArray& responseId, const SandboxText::Reply& reply,
                    const SandboxWire::PromptUsage& prompt, const QStringList& queries, bool withUsage,
                    bool filtered = false);
// One stream event: a text or thought piece (reasoning), with the usage so far.
QByteArray pieceEvent(const QString& model, const QByteArray& responseId, const QString& piece, bool thought,
                      const SandboxWire::PromptUsage& prompt, int answerTokens, int thoughtTokens, bool withUsage);
// The last stream event: the function call (if any), finishReason, grounding and the final usage.
QByteArray lastEvent(const QString& model, const QByteArray& responseId, const SandboxText::Reply& reply,
                     const SandboxWire::PromptUsage& prompt, const QStringList& queries, bool withUsage,
                     bool filtered = false);
// An error in the middle of a 200 stream, as one data event.
QByteArray errorEvent(int status);

// GET models: {"models":[{"name":"models/...",...}],"nextPageToken"}; pageSize 0 = all.
QByteArray modelList(const QList<SandboxModel>& models, int pageSize, int pageStart);

} // namespace SandboxGemini
