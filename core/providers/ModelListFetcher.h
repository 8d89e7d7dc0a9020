#pragma once

#include "core/common/ProviderTypes.h"
#include "core/providers/HttpExchange.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class ProviderClient;

// "Fetch models": GET {baseUrl}/models (OpenAI and Anthropic both answer {"data":[{"id":...}]};
// Gemini {"models":[{"name":"models/..."}],"nextPageToken":...}, followed page by page).
// Goes over the provider client's transport with the wire format's auth headers, like a call,
// but outside the per-provider queues: it is a settings-time look-up, not a model call.
class ModelListFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelListFetcher)

public:
    explicit ModelListFetcher(ProviderClient* client, QObject* parent = nullptr);

    // The key is sent the way the provider's wire format wants it, and is never reported back.
    void fetch(const ProviderConfig& provider, const QString& key);
    void abort();
    bool isRunning() const { return m_exchange != nullptr; }
    // Default 15 s; then fetchFailed().
    void setTimeoutMs(int ms) { m_timeout.setInterval(ms); }

    // Pure: the model ids of a /models response, sorted; empty + error on bad JSON. Gemini's list
    // names models "models/<id>" and says which methods each serves: the chat models (those that
    // serve generateContent) are kept, by id; *nextPageToken is set when another page follows.
    static QStringList parseModelList(const QByteArray& json, QString* error = nullptr,
                                      QString* nextPageToken = nullptr);

signals:
    void modelsFetched(const QStringList& modelIds);
    void fetchFailed(const QString& message);

private:
    void exchangeFinished();
    void fail(const QString& message);
    void get(const QUrl& url);

    ProviderClient* m_client;
    QPointer<HttpExchange> m_exchange;
    QByteArray m_body;
    QString m_host;
    QTimer m_timeout;
    QUrl m_url; // the list's first page
    HttpExchange::Headers m_headers;
    QStringList m_ids; // of the pages before
    int m_pages = 0;
};
