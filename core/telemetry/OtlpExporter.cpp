#include "core/telemetry/OtlpExporter.h"

#include "core/common/PrometheusText.h"
#include "core/telemetry/RequestSpans.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

OtlpExporter::OtlpExporter(OtlpSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_nam(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &OtlpExporter::flush);
    m_timer->start(m_settings.intervalMs);
}

OtlpExporter::~OtlpExporter()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void OtlpExporter::observe(const RequestRecord& record)
{
    const QList<OtlpSpan> spans = RequestSpans::fromRecord(record);
    for (const OtlpSpan& span : spans) {
        if (m_queue.size() >= m_settings.maxQueue) {
            ++m_dropped;
        } else {
            m_queue.append(span);
        }
    }
    // A full batch goes out soon, but not from inside whoever recorded the request.
    if (m_queue.size() >= m_settings.batchSize && !m_reply && !m_flushQueued) {
        m_flushQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_flushQueued = false;
            flush();
        });
    }
}

void OtlpExporter::flush()
{
    if (m_reply || m_queue.isEmpty()) {
        return;
    }
    const qsizetype count = qMin<qsizetype>(m_queue.size(), m_settings.batchSize);
    const QList<OtlpSpan> batch = m_queue.mid(0, count);
    m_queue.remove(0, count);
    QNetworkRequest request(m_settings.tracesUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& [name, value] : m_settings.headers) {
        request.setRawHeader(name, value);
    }
    request.setTransferTimeout(m_settings.timeoutMs);
    m_sending = int(count);
    m_reply = m_nam->post(
        request, OtlpSpan::exportRequest(batch, m_settings.serviceName, QCoreApplication::applicationVersion()));
    connect(m_reply, &QNetworkReply::finished, this, &OtlpExporter::onFinished);
}

void OtlpExporter::onFinished()
{
    QNetworkReply* reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const int spans = std::exchange(m_sending, 0);
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        m_exported += spans;
        emit exported(spans);
    } else {
        // Not retried: a collector that is down would only make the queue wait longer.
        m_dropped += spans;
        ++m_failed;
        emit exportFailed(status, reply->errorString());
    }
    if (m_queue.size() >= m_settings.batchSize || (m_draining && !m_queue.isEmpty())) {
        flush();
    }
    if (m_draining && !m_reply) {
        finishDrain(false);
    }
}

void OtlpExporter::drain(int ms)
{
    m_draining = true;
    QTimer::singleShot(ms, this, [this] { finishDrain(true); });
    flush();
    if (!m_reply) {
        QTimer::singleShot(0, this, [this] { finishDrain(false); });
    }
}

void OtlpExporter::finishDrain(bool timedOut)
{
    if (!m_draining) {
        return;
    }
    m_draining = false;
    if (timedOut) {
        m_dropped += quint64(m_queue.size()) + quint64(m_sending);
        m_queue.clear();
    }
    emit drained();
}

QByteArray OtlpExporter::metricsText() const
{
    QByteArray text;
    text += PrometheusText::header("switchyard_otlp_spans_exported_total",
                                   QStringLiteral("Spans the OTLP collector accepted."), "counter");
    text += PrometheusText::sample("switchyard_otlp_spans_exported_total", {}, double(m_exported));
    text += PrometheusText::header(
        "switchyard_otlp_spans_dropped_total",
        QStringLiteral("Spans dropped because the export queue was full or the collector failed."), "counter");
    text += PrometheusText::sample("switchyard_otlp_spans_dropped_total", {}, double(m_dropped));
    text += PrometheusText::header("switchyard_otlp_export_failures_total",
                                   QStringLiteral("OTLP export requests that failed or timed out."), "counter");
    text += PrometheusText::sample("switchyard_otlp_export_failures_total", {}, double(m_failed));
    text += PrometheusText::header("switchyard_otlp_spans_queued", QStringLiteral("Spans waiting to be exported."),
                                   "gauge");
    text += PrometheusText::sample("switchyard_otlp_spans_queued", {}, double(m_queue.size() + m_sending));
    return text;
}
