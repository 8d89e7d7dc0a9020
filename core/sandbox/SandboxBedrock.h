#pragma once

#include "core/common/AwsSigV4.h"
#include "core/sandbox/SandboxText.h"
#include "core/sandbox/SandboxWire.h"

#include <QByteArray>
#include <QString>

// Amazon Bedrock's Converse API as the sandbox speaks it: the request read off a Converse body
// (model and stream come from the path), the answer as a Converse body or as AWS event-stream
// frames, errors as {"message"} with the name in x-amzn-errortype, and SigV4 checked against the
// sandbox's own test credentials.
namespace SandboxBedrock {

// The test credentials the sandbox accepts (a made-up key pair, nothing AWS knows).
AwsCredentials credentials();

// "/model/<id>/converse[-stream]" (the rest after the provider prefix) -> model id (percent-decoded)
// and stream flag; false for another path.
bool parsePath(QByteArrayView rest, QString* model, bool* stream);

// A Converse body; false with a ValidationException message when it is not one.
bool parseRequest(const QByteArray& body, const QString& model, bool stream, SandboxWire::Call* call,
                  QByteArray* errorMessage);

// The exception name and message of an HTTP error (ThrottlingException for 429...).
struct Error
{
    QByteArray type; // "ThrottlingException"
    QByteArray message;
};
Error errorFor(int status, const QByteArray& code);
QByteArray errorBody(const QByteArray& message); // {"message":"..."}
// The x-amzn-errortype header value, as Bedrock writes it.
QByteArray errorTypeHeader(const QByteArray& type);

QByteArray converseResponse(const SandboxText::Reply& reply, const SandboxWire::PromptUsage& prompt, bool withUsage);

// Stream frames (each a complete event-stream message with Bedrock's "p" padding).
QByteArray messageStart();
QByteArray toolStart(const SandboxText::Reply& reply);
QByteArray textDelta(const QString& piece, int block);
QByteArray reasoningDelta(const QString& piece);
QByteArray toolDelta(const QString& piece, int block);
QByteArray blockStop(int block);
QByteArray messageStop(const SandboxText::Reply& reply);
QByteArray metadata(const SandboxText::Reply& reply, const SandboxWire::PromptUsage& prompt);
// An exception frame in the middle of a stream: throttlingException for 429,
// serviceUnavailableException for 503, internalServerException otherwise.
QByteArray exceptionFrame(int status);

// SigV4 of a request the sandbox received, checked with credentials(); Valid or why not.
AwsSigV4::Verification verify(const QByteArray& method, const QByteArray& path, const QByteArray& query,
                              const QList<std::pair<QByteArray, QByteArray>>& headers, const QByteArray& body);

} // namespace SandboxBedrock
