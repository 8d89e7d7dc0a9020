#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

// HTTP/1.1 response parsing as a pure class, for the in-thread loopback transport: bytes in,
// status, headers and de-chunked body bytes out. Knows Content-Length, chunked and
// read-until-close bodies, 1xx interim responses, and nothing of sockets.
class HttpResponseParser
{
public:
    enum class State
    {
        Head,
        Body,
        Complete,
        Error
    };

    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;
    static constexpr qsizetype kMaxChunkLineBytes = 1024;

    // HEAD requests and 204/304 answers have no body whatever the headers say.
    void setNoBodyExpected(bool noBody) { m_noBody = noBody; }

    // Parses what it can; body bytes are appended to `body`.
    State feed(QByteArrayView bytes, QByteArray& body);
    // The peer closed the connection: completes a read-until-close body, else an error.
    State finishOnClose();

    State state() const { return m_state; }
    bool headComplete() const { return m_state == State::Body || m_state == State::Complete; }
    int status() const { return m_status; }
    // Header names in lower case, in arrival order.
    const QList<std::pair<QByteArray, QByteArray>>& headers() const { return m_headers; }
    QByteArray header(QByteArrayView lowerName) const;
    // Whether the connection may carry another request once this response is complete.
    bool keepAlive() const { return m_keepAlive; }
    const QByteArray& errorText() const { return m_error; }

private:
    enum class BodyMode
    {
        None,
        Length,
        Chunked,
        UntilClose
    };
    enum class ChunkState
    {
        Size,
        Data,
        DataEnd,
        Trailer
    };

    bool parseHead();
    void parseBody(QByteArray& body);
    void parseChunked(QByteArray& body);
    void fail(const char* text);

    QByteArray m_in;
    qsizetype m_pos = 0;
    State m_state = State::Head;
    BodyMode m_mode = BodyMode::None;
    ChunkState m_chunkState = ChunkState::Size;
    qint64 m_remaining = 0;
    int m_status = 0;
    bool m_http10 = false;
    bool m_keepAlive = true;
    bool m_noBody = false;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    QByteArray m_error;
};
