#pragma once

#include "common/ProviderTypes.h"

#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QNetworkAccessManager;

// "Fetch models": GET {baseUrl}/models (OpenAI and Anthropic both answer {"data":[{"id":...}]}).
// A settings-time helper, not a provider call, so it does not go through ProviderClient's queues.
class ModelListFetcher : public QObject
{
    Q_OBJECT

public:
    explicit ModelListFetcher(QObject* parent = nullptr);

    // The key is sent the way the provider's wire format wants it, and is never reported back.
    void fetch(const ProviderConfig& provider, const QString& key);
    void abort();
    bool isRunning() const { return m_reply != nullptr; }

    // Pure: the model ids of a /models response, sorted; nullopt-like empty + error on bad JSON.
    static QStringList parseModelList(const QByteArray& json, QString* error = nullptr);

signals:
    void modelsFetched(const QStringList& modelIds);
    void fetchFailed(const QString& message);

private:
    void replyFinished();

    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
};
