#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <utility>

// One HTTP request and its response, whatever carries it: ProviderCall talks to this, so the
// wire decoding, timeouts and failure classes are the same over Qt's network stack and over
// the in-thread loopback transport. Exactly one finished() ends it, unless abort() came first.
class HttpExchange : public QObject
{
    Q_OBJECT

public:
    enum class Failure
    {
        None,
        TransportLoss, // the connection broke after it was established (reset, closed early)
        Network // refused, unreachable, DNS, TLS, protocol errors
    };

    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    // Provider calls POST; listing a provider's models GETs.
    enum class Method
    {
        Post,
        Get
    };

    using QObject::QObject;
    ~HttpExchange() override;

    // Sends the request; signals are connected by then.
    virtual void start() = 0;
    virtual int status() const = 0;
    // Lower-case names.
    virtual Headers headers() const = 0;
    QByteArray header(QByteArrayView lowerName) const;
    // Body bytes received since the last call.
    virtual QByteArray readAll() = 0;
    virtual Failure failure() const = 0;
    virtual QString errorString() const = 0;
    // Stops at once; no signal follows.
    virtual void abort() = 0;

signals:
    void requestSent();
    void headersReceived();
    void readyRead();
    void finished();
};
