#pragma once

#include "core/http/HttpRequest.h"

#include <QObject>

class HttpConnection;

// Answers one request. Created by HttpServer and handed to the handler; the server deletes it
// (deleteLater) once the response has ended or the client has gone away. A handler that answers
// later must watch clientDisconnected (or hold a QPointer): after it fires the object is about to
// go, and writes made before that are ignored. Objects parented to the responder (timers, streams)
// die with it, which is the easy way to stop work for a client that left.
class HttpResponder : public QObject
{
    Q_OBJECT

public:
    ~HttpResponder() override;

    // Plain response with Content-Length. The connection stays open for the next request unless
    // the client asked to close it.
    void send(int status, const QByteArray& contentType, const QByteArray& body, const HttpHeaders& extraHeaders = {});

    // Streaming response with Transfer-Encoding: chunked (server-sent events).
    void beginStream(int status, const QByteArray& contentType, const HttpHeaders& extraHeaders = {});
    void writeChunk(QByteArrayView data);
    void endStream();

    // Headers added to whichever response this responder sends (e.g. CORS headers decided when
    // the request was admitted, before the handler that answers it runs).
    void addDefaultHeaders(const HttpHeaders& headers) { m_defaultHeaders += headers; }

    // Drops the TCP connection without finishing the response (fault simulation).
    void abortConnection();

    bool isConnected() const { return m_state == State::Idle || m_state == State::Streaming; }
    bool isStreaming() const { return m_state == State::Streaming; }

    static QByteArray reasonPhrase(int status);

signals:
    // The client went away before the response ended.
    void clientDisconnected();

private:
    friend class HttpConnection;
    enum class State
    {
        Idle,
        Streaming,
        Ended,
        Gone
    };

    HttpResponder(HttpConnection* connection, bool keepAlive, bool headOnly);
    void appendHead(QByteArray& out, int status, const QByteArray& contentType, const HttpHeaders& extraHeaders) const;
    void markGone();

    HttpConnection* m_connection;
    HttpHeaders m_defaultHeaders;
    State m_state = State::Idle;
    bool m_keepAlive;
    bool m_headOnly;
};
