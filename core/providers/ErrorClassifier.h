#pragma once

#include "core/common/FailureClass.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>

#include <utility>

// Turns provider error responses into CallError. Pure functions over bytes so the rules are a
// table in tst_ErrorClassifier; failover decisions follow from the FailureClass chosen here.
namespace ErrorClassifier {
// A non-2xx HTTP response. Header names lower-case.
CallError classifyHttpError(int httpStatus, const QList<std::pair<QByteArray, QByteArray>>& headers,
                            const QByteArray& body);
// An error object that arrived inside a 200 stream (OpenAI {"error":{...}}, Anthropic
// {"type":"error","error":{...}}, OpenRouter {"error":{"code":502,...}}, Ollama {"error":"..."}).
CallError classifyInBandError(const QJsonObject& payload);
// Azure OpenAI's content filter: the categories that were filtered (or detected, for jailbreak and
// protected material) in a content_filter_result(s) object, in the order written ("hate", "jailbreak").
QStringList filteredCategories(const QJsonObject& results);
// The failure of a call the content filter stopped: the prompt (a 400 content_filter) or the answer
// (finish_reason content_filter with nothing else). Names the categories when known.
CallError contentFiltered(bool prompt, const QStringList& categories, const QString& providerMessage = {});
// "6m0s", "1.574s", "12ms", "172.799999ms", "34.4s", plain seconds "20", or an HTTP-date
// (relative to Clock::instance()) -> milliseconds, rounded up; -1 if unparseable.
qint64 parseDuration(QByteArrayView text);
} // namespace ErrorClassifier
