#include "core/ledger/Ledger.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerUrl.h"
#include "core/ledger/LedgerWriter.h"

#include "core/common/Clock.h"
#include "core/common/RequestId.h"

#include <QFile>

Ledger::Ledger(QObject* parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("ledger-writer"));
}

Ledger::~Ledger()
{
    close();
}

bool Ledger::open(const QString& path)
{
    close();
    m_errorString.clear();
    m_openError = LedgerOpenError::None;
    {
        LedgerConnection connection(path, QStringLiteral("open"));
        QString error;
        if (!connection.open(m_busyTimeoutMs, &error)) {
            const LedgerSchema::Result result = LedgerSchema::classify(connection.lastError());
            m_openError = result.error;
            m_errorString = result.error == LedgerOpenError::Io
                ? (LedgerUrl::isUrl(path) ? error : tr("Cannot open the ledger file %1: %2").arg(path, error))
                : result.message;
            return false;
        }
        const LedgerSchema::Result result = LedgerSchema::prepare(connection.database());
        if (!result.ok()) {
            m_openError = result.error;
            m_errorString = result.message;
            return false;
        }
    }
    m_path = path;
    m_writer = new LedgerWriter(path, m_busyTimeoutMs);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_writer, &LedgerWriter::start);
    connect(m_writer, &LedgerWriter::committed, this, [this](int count) { emit recorded(count); });
    connect(m_writer, &LedgerWriter::flushed, this, &Ledger::flushed);
    connect(m_writer, &LedgerWriter::pruned, this, &Ledger::pruned);
    connect(m_writer, &LedgerWriter::writeFailed, this, &Ledger::writeFailed);
    connect(m_writer, &LedgerWriter::writeStalled, this, [this](const QString& reason) {
        m_stallReason = reason;
        emit writeStalled(reason);
    });
    connect(m_writer, &LedgerWriter::writeResumed, this, [this] {
        m_stallReason.clear();
        emit writeResumed();
    });
    m_thread.start();
    return true;
}

void Ledger::close()
{
    if (!m_writer) {
        return;
    }
    QMetaObject::invokeMethod(m_writer, &LedgerWriter::stop, Qt::QueuedConnection);
    // Shutdown only: waits for the last commit so nothing queued is lost on a clean exit.
    m_thread.wait();
    m_closeReport = { m_writer->spilledCount(), m_writer->spillPath(), m_writer->spillError() };
    m_stallReason.clear();
    delete m_writer;
    m_writer = nullptr;
}

void Ledger::record(RequestRecord record)
{
    if (!m_writer) {
        emit writeFailed(tr("The ledger is not open; a request was not recorded."));
        return;
    }
    if (!m_storePrompts) {
        // An answer tells as much as the prompt it answers: neither is kept.
        record.prompt.clear();
        record.answer.clear();
        record.reasoning.clear();
        record.toolCalls.clear();
        record.exchange.clear();
        record.system.clear();
        record.tools = {};
        record.toolChoice = QJsonValue(QJsonValue::Undefined);
    }
    if (record.id.isEmpty()) {
        record.id = RequestIds::create();
    }
    if (!record.startedAt.isValid()) {
        record.startedAt = Clock::instance().currentDateTimeUtc();
    }
    m_writer->enqueue(record);
}

void Ledger::recordVote(const VoteRecord& vote)
{
    if (!m_writer) {
        emit writeFailed(tr("The ledger is not open; a vote was not recorded."));
        return;
    }
    VoteRecord copy = vote;
    if (!copy.at.isValid()) {
        copy.at = Clock::instance().currentDateTimeUtc();
    }
    m_writer->enqueueVote(copy);
}

void Ledger::flush()
{
    if (m_writer) {
        QMetaObject::invokeMethod(m_writer, &LedgerWriter::flush, Qt::QueuedConnection);
    }
}

void Ledger::deleteOlderThan(int days)
{
    if (m_writer) {
        const QDateTime cutoff = Clock::instance().currentDateTimeUtc().addDays(-days);
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, cutoff] { writer->deleteOlderThan(cutoff); }, Qt::QueuedConnection);
    }
}

QString Ledger::moveAside(const QString& path)
{
    const QString stamp = Clock::instance().currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = QStringLiteral("%1.damaged-%2").arg(path, stamp);
    for (int n = 2; QFile::exists(target); ++n) {
        target = QStringLiteral("%1.damaged-%2-%3").arg(path, stamp).arg(n);
    }
    if (!QFile::rename(path, target)) {
        return {};
    }
    for (const char* suffix : { "-wal", "-shm" }) {
        const QString side = path + QLatin1String(suffix);
        if (QFile::exists(side)) {
            QFile::rename(side, target + QLatin1String(suffix));
        }
    }
    return target;
}
