#include "core/recording/CallJournal.h"

#include "core/ledger/LedgerSpill.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
const QLatin1String kStart("start");
const QLatin1String kDone("done");

QString tr(const char* text)
{
    return QCoreApplication::translate("CallJournal", text);
}

// Beside the ledger's spill file (for a database server: in this machine's data directory).
QString journalBase(const QString& ledgerPath)
{
    QString spill = LedgerSpill::pathFor(ledgerPath);
    spill.chop(int(qstrlen(".pending.json")));
    return QFileInfo(spill).absoluteFilePath() + QStringLiteral(".journal.");
}

QByteArray lineFor(QLatin1String kind, const RequestRecord& row)
{
    QByteArray line;
    line.reserve(2048); // a row without prompt and answer fits
    line += "{\"";
    line += QByteArrayView(kind.data(), kind.size());
    line += "\":";
    // The system prompt goes in; the tools (an agent's tens of KB, on every call) do not: a row
    // recovered after a crash keeps what was asked, not what it was offered.
    LedgerSpill::appendRequestJson(line, row, false);
    line += "}\n";
    return line;
}

bool writeAll(int fd, const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += n;
    }
    return true;
}

// A process id that still runs (or belongs to someone we may not signal): its journal is live.
bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}
} // namespace

CallJournal::CallJournal(const QString& ledgerPath)
    : m_path(journalBase(ledgerPath) + QString::number(QCoreApplication::applicationPid()))
{
}

CallJournal::~CallJournal()
{
    if (m_fd < 0) {
        return;
    }
    // Rows the ledger has not confirmed stay for the next start, which skips those it holds.
    if (m_open.isEmpty() && m_done.empty()) {
        QFile::remove(m_path);
    }
    ::close(m_fd); // releases the lock
}

bool CallJournal::ensureOpen()
{
    if (m_fd >= 0) {
        return true;
    }
    if (m_failed) {
        return false;
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        m_error = tr("Cannot write the crash journal %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0) {
            ::close(fd);
        }
        m_failed = true;
        return false;
    }
    m_fd = fd;
    return true;
}

void CallJournal::append(const QByteArray& line)
{
    if (!ensureOpen()) {
        return;
    }
    if (!writeAll(m_fd, line)) {
        m_error = tr("Cannot write the crash journal %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
    }
}

void CallJournal::started(const RecordContext& context)
{
    RequestRecord start;
    start.id = context.requestId;
    start.startedAt = context.startedAt;
    start.source = context.source;
    start.clientKey = context.clientKey;
    start.prompt = m_storePrompts ? context.prompt : QString();
    start.compareGroup = context.compareGroup;
    start.finalModel = context.modelId;
    start.finalProvider = context.providerId;
    const QByteArray line = lineFor(kStart, start);
    m_open.insert(start.id, line);
    append(line);
}

void CallJournal::finished(const RequestRecord& row)
{
    m_open.remove(row.id);
    RequestRecord kept = row;
    if (!m_storePrompts) {
        // An answer tells what was asked: it goes with the prompt, as in the ledger.
        kept.prompt.clear();
        kept.answer.clear();
        kept.reasoning.clear();
        kept.toolCalls.clear();
        kept.exchange.clear();
        kept.system.clear();
    }
    const QByteArray line = lineFor(kDone, kept);
    m_done.push_back({ ++m_seq, line });
    append(line);
    if (++m_sinceCompact >= kCompactEvery && m_barrier < 0 && m_flushRequest) {
        m_barrier = m_seq;
        m_flushRequest();
    }
}

void CallJournal::ledgerFlushed(bool committed)
{
    if (m_barrier < 0) {
        return;
    }
    if (committed) {
        while (!m_done.empty() && m_done.front().seq <= m_barrier) {
            m_done.pop_front();
        }
        compact();
    }
    m_barrier = -1;
    m_sinceCompact = 0;
}

// Rewrites the file with what is still outstanding. The new file is locked before it replaces the
// old one, so a recovering process never sees this journal unlocked.
void CallJournal::compact()
{
    if (m_fd < 0) {
        return;
    }
    const QString next = m_path + QStringLiteral(".next");
    const int fd = ::open(QFile::encodeName(next).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        return; // keep appending to the old file
    }
    bool ok = true;
    for (const QByteArray& line : std::as_const(m_open)) {
        ok = ok && writeAll(fd, line);
    }
    for (const Done& done : m_done) {
        ok = ok && writeAll(fd, done.line);
    }
    if (!ok || ::rename(QFile::encodeName(next).constData(), QFile::encodeName(m_path).constData()) != 0) {
        ::unlink(QFile::encodeName(next).constData());
        ::close(fd);
        return;
    }
    ::close(m_fd);
    m_fd = fd; // the locked new file; its offset is at its end
}

RequestRecord CallJournal::interruptedRow(const RequestRecord& start)
{
    RequestRecord row = start;
    row.status = RequestStatus::Interrupted;
    row.ttftMs = -1;
    row.latencyMs = 0;
    // Nothing came back that could be counted: unpriced, not free.
    row.usage = {};
    row.costUsd.reset();
    row.costEstimated = false;
    row.attempts.clear();
    row.failovers.clear();
    row.errorMessage = tr("Switchyard stopped before this request ended (found in its crash journal); the "
                          "provider may have billed it.");
    return row;
}

CallJournal::Recovery CallJournal::recover(const QString& ledgerPath)
{
    Recovery result;
    const QFileInfo base(journalBase(ledgerPath));
    QDir dir = base.absoluteDir();
    const QString prefix = base.fileName();
    const QStringList names = dir.entryList({ prefix + QLatin1Char('*') }, QDir::Files, QDir::Name);
    if (names.isEmpty()) {
        return result;
    }
    const QString spillPath = LedgerSpill::pathFor(ledgerPath);
    if (QFileInfo::exists(spillPath)) {
        return result; // the spill goes first; the journals wait for the next start
    }
    LedgerSpill spill;
    spill.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<int> held; // descriptors locked while their rows move to the spill
    QStringList taken;
    for (const QString& name : names) {
        QString suffix = name.mid(prefix.size());
        const bool partial = suffix.endsWith(QLatin1String(".next")); // a compaction cut short
        if (partial) {
            suffix.chop(5);
        }
        bool numeric = false;
        const qint64 pid = suffix.toLongLong(&numeric);
        // A live process's journal is its own. This process's id may be that of the one that died
        // (containers reuse ids); the lock below tells whether it is really ours.
        if (!numeric || (pid != QCoreApplication::applicationPid() && processAlive(pid))) {
            continue;
        }
        if (partial) {
            QFile::remove(dir.filePath(name)); // the journal it was to replace is still there
            continue;
        }
        const QString path = dir.filePath(name);
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            continue;
        }
        struct stat opened
        {
        };
        struct stat named
        {
        };
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0 || ::fstat(fd, &opened) != 0
            || ::stat(QFile::encodeName(path).constData(), &named) != 0 || opened.st_ino != named.st_ino) {
            ::close(fd);
            continue; // its owner still holds it, or it was just replaced
        }
        QFile file;
        if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::DontCloseHandle)) {
            ::close(fd);
            continue;
        }
        QHash<QString, RequestRecord> open;
        QStringList order;
        int lineNumber = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            ++lineNumber;
            if (!line.endsWith('\n')) {
                break; // the write the process died in: nothing of it counts
            }
            QJsonParseError error {};
            const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
            const bool start = object.contains(kStart);
            const QJsonObject body = object.value(start ? kStart : kDone).toObject();
            const RequestRecord row = LedgerSpill::requestFromJson(body);
            if (error.error != QJsonParseError::NoError || body.isEmpty() || row.id.isEmpty()) {
                result.problems.append(tr("%1:%2: not a journal line").arg(path).arg(lineNumber));
                continue;
            }
            if (start) {
                if (!open.contains(row.id)) {
                    order.append(row.id);
                }
                open.insert(row.id, row);
            } else {
                open.remove(row.id);
                spill.requests.append(row);
                ++result.answered;
            }
        }
        for (const QString& id : std::as_const(order)) {
            const auto found = open.constFind(id);
            if (found != open.constEnd()) {
                spill.requests.append(interruptedRow(*found));
                ++result.interrupted;
            }
        }
        held.append(fd);
        taken.append(path);
    }
    QString error;
    if (!spill.isEmpty() && !spill.save(spillPath, &error)) {
        result.problems.append(error);
        result.answered = result.interrupted = 0;
        taken.clear(); // kept for the next start
    }
    for (const QString& path : std::as_const(taken)) {
        QFile::remove(path);
    }
    for (const int fd : std::as_const(held)) {
        ::close(fd);
    }
    result.journals = int(taken.size());
    return result;
}
