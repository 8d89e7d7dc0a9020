#pragma once

#include "core/http/HttpRequest.h"

// HTTP/1.1 request parsing as a pure class: bytes in, requests or a failure out. Knows request
// lines, header fields (64 KiB cap), Content-Length and chunked bodies, and nothing of sockets.
class HttpParser
{
public:
    enum class Result
    {
        NeedMore,
        Request,
        Error
    };
    struct Failure
    {
        int status = 0; // 400, 413, 431, 501, 505
        QByteArray code;
        QByteArray message;
    };

    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;

    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    void setPeer(const QHostAddress& peer) { m_request.peer = peer; }

    // Bytes read from the connection are appended here.
    QByteArray& buffer() { return m_in; }

    // The next complete request in the buffer, in arrival order. After Error the parser stays failed.
    Result next(HttpRequest* request);
    const Failure& failure() const { return m_failure; }

    // Whether a request's head has been read and its body is still coming.
    bool inBody() const { return m_bodyLength >= 0 || m_chunkState != ChunkState::None; }
    // How many bytes the buffer holds once the body being read (its Content-Length) is complete;
    // -1 when no such body is being read.
    qsizetype bodyEnd() const { return m_chunkState == ChunkState::None ? m_bodyLength : -1; }

    // True once for a request whose head asked for "Expect: 100-continue" and whose body is still to come.
    bool takeContinue();

    // Whether the connection stays open after answering this request.
    static bool keepAlive(const HttpRequest& request);

private:
    enum class ChunkState
    {
        None,
        Size,
        Data,
        Trailer
    };

    Result parseHead();
    Result parseBody();
    Result parseChunked();
    Result fail(int status, const char* code, const char* message);
    bool hasBareLineFeed(QByteArrayView head);

    QByteArray m_in;
    qsizetype m_scanFrom = 0;
    qsizetype m_lineFeedsCheckedTo = 0; // bytes of the head already checked for bare LFs
    HttpRequest m_request; // being parsed
    qint64 m_bodyLength = -1; // >= 0 once the head is parsed
    ChunkState m_chunkState = ChunkState::None;
    qint64 m_chunkRemaining = 0;
    qint64 m_maxBodyBytes = 8 * 1024 * 1024;
    bool m_wantsContinue = false;
    bool m_continueSent = false;
    Failure m_failure;
};
