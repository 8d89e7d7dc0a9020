#pragma once

#include "core/http/HttpRequest.h"
#include "core/sandbox/SandboxText.h"
#include "core/sandbox/SandboxWire.h"

#include <QObject>
#include <QTimer>

class HttpResponder;

// One streamed reply, paced by a timer: preamble events at once, the first token after the
// model's first-token delay, then one piece per interval, then the closing events. A child of its
// responder, so it stops when the client goes away.
class SandboxStream : public QObject
{
    Q_OBJECT

public:
    struct Plan
    {
        SandboxWire::Wire wire = SandboxWire::Wire::OpenAi;
        QByteArray id;
        QString model;
        qint64 created = 0;
        SandboxText::Reply reply;
        SandboxWire::PromptUsage prompt;
        bool includeUsage = false; // OpenAI: the choices:[] usage chunk before [DONE]
        int topLogprobs = -1; // OpenAI: logprobs with each text token (and this many alternatives)
        bool reportsUsage = true; // Anthropic: usage in message_start / message_delta
        int firstTokenMs = 0;
        int intervalMs = 0;
        int dropAfterTokens = -1; // >= 0: cut the connection after that many tokens
        bool malformed = false; // one data event with broken JSON after a couple of tokens
        bool filtered = false; // Azure: the content filter stops the answer before its first token
        int errorAfterTokens = -1; // >= 0: the provider's in-stream error after that many tokens
        int errorStatus = 500; // which error (429 throttling, 503 unavailable, else internal)
        HttpHeaders headers;
        QStringList searchQueries; // Gemini: the grounding searches, reported with the last event
    };

    SandboxStream(HttpResponder* responder, Plan plan);
    void start();

private:
    void tick();
    bool sendPiece(); // false once the stream has ended or was cut
    void finish();
    void flush();

    HttpResponder* m_responder;
    Plan m_plan;
    QTimer m_timer;
    QByteArray m_out;
    int m_next = 0;
};
