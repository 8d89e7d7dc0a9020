#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/telemetry/OtlpSettings.h"
#include "core/telemetry/OtlpSpan.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Exports finished requests as OTLP/HTTP JSON spans, off the request path: observe() turns a
// row into spans and queues them; a batch goes out when batchSize spans wait or every intervalMs,
// one POST at a time with a transfer timeout. When the collector is down, slow or refuses, the
// queue stays bounded: spans that do not fit are dropped, a failed batch is dropped, and both are
// counted (droppedSpans(), `switchyard_otlp_spans_dropped_total`), never waited for.
class OtlpExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OtlpExporter)

public:
    explicit OtlpExporter(OtlpSettings settings, QObject* parent = nullptr);
    ~OtlpExporter() override;

    const OtlpSettings& settings() const { return m_settings; }

    // Queues the request's spans (RequestSpans); returns at once.
    void observe(const RequestRecord& record);
    // Sends the next batch now if none is on its way.
    void flush();
    // Before the process ends: sends what waits, batch after batch, then emits drained(), or
    // after `ms` whatever is left (what did not go out is counted as dropped).
    void drain(int ms);

    int queuedSpans() const { return int(m_queue.size()); }
    bool isExporting() const { return m_reply != nullptr; }
    quint64 exportedSpans() const { return m_exported; }
    quint64 droppedSpans() const { return m_dropped; }
    quint64 failedExports() const { return m_failed; }
    int sendingSpans() const { return m_sending; }
    // The exporter's counters in the Prometheus text format, for GET /metrics:
    // switchyard_otlp_spans_exported_total, switchyard_otlp_spans_dropped_total,
    // switchyard_otlp_export_failures_total and the gauge switchyard_otlp_spans_queued.
    QByteArray metricsText() const;

signals:
    void exported(int spans);
    // A batch was dropped: the collector's HTTP status (0: no answer) and what went wrong.
    void exportFailed(int status, const QString& error);
    void drained();

private:
    void onFinished();
    void finishDrain(bool timedOut);

    OtlpSettings m_settings;
    QNetworkAccessManager* m_nam;
    QTimer* m_timer;
    QList<OtlpSpan> m_queue;
    QNetworkReply* m_reply = nullptr;
    int m_sending = 0; // spans in the POST on its way
    bool m_flushQueued = false;
    bool m_draining = false;
    quint64 m_exported = 0;
    quint64 m_dropped = 0;
    quint64 m_failed = 0;
};
