#include "core/ledger/PostgresCopy.h"

#include <QSqlDriver>
#include <QVariant>
#include <QtEndian>

#include <libpq-fe.h>

#include <cstring>
#include <utility>

namespace {
// PGCOPY\n\377\r\n\0, then the flags (no OIDs) and the length of the header extension.
constexpr char kSignature[] = "PGCOPY\n\377\r\n";
constexpr qsizetype kSignatureSize = 11;

QString serverError(PGconn* connection, const PGresult* result)
{
    const char* message = result ? PQresultErrorMessage(result) : nullptr;
    if (!message || !*message) {
        message = PQerrorMessage(connection);
    }
    return QString::fromUtf8(message).trimmed();
}
} // namespace

PostgresCopy::~PostgresCopy()
{
    if (PGconn* connection = std::exchange(m_connection, nullptr)) {
        PQputCopyEnd(connection, "abandoned by the client");
        while (PGresult* result = PQgetResult(connection)) {
            PQclear(result);
        }
    }
}

pg_conn* PostgresCopy::connection(const QSqlDatabase& db)
{
    if (!db.isOpen() || !db.driver()) {
        return nullptr;
    }
    const QVariant handle = db.driver()->handle();
    // QPSQL hands out its PGconn*; Qt 6.4 names the type by the struct behind the typedef.
    const char* type = handle.isValid() ? handle.typeName() : nullptr;
    if (!type || (qstrcmp(type, "PGconn*") != 0 && qstrcmp(type, "pg_conn*") != 0)) {
        return nullptr;
    }
    return *static_cast<PGconn* const*>(handle.data());
}

namespace {
PGresult* execParams(PGconn* connection, const QByteArray& sql, const QList<QByteArray>& parameters)
{
    QList<const char*> values;
    for (const QByteArray& parameter : parameters) {
        values << parameter.constData();
    }
    return PQexecParams(connection, sql.constData(), int(values.size()), nullptr, values.constData(), nullptr, nullptr,
                        0);
}
} // namespace

bool PostgresCopy::exec(pg_conn* connection, const QByteArray& sql, const QList<QByteArray>& parameters, QString* error)
{
    PGresult* result = execParams(connection, sql, parameters);
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    if (!ok) {
        *error = serverError(connection, result);
    }
    PQclear(result);
    return ok;
}

bool PostgresCopy::queryColumn(pg_conn* connection, const QByteArray& sql, const QList<QByteArray>& parameters,
                               QList<QByteArray>* column, QString* error)
{
    PGresult* result = execParams(connection, sql, parameters);
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
    if (!ok) {
        *error = serverError(connection, result);
    } else {
        const int rows = PQntuples(result);
        column->clear();
        column->reserve(rows);
        for (int row = 0; row < rows; ++row) {
            column->append(QByteArray(PQgetvalue(result, row, 0), PQgetlength(result, row, 0)));
        }
    }
    PQclear(result);
    return ok;
}

QByteArray PostgresCopy::textArray(const QStringList& values)
{
    QByteArray out = "{";
    for (const QString& value : values) {
        if (out.size() > 1) {
            out += ',';
        }
        out += arrayElement(value);
    }
    return out + '}';
}

QByteArray PostgresCopy::arrayElement(const QString& text)
{
    QByteArray out = "\"";
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + '"';
}

bool PostgresCopy::start(pg_conn* connection, const QString& table, const QString& columns, QString* error)
{
    m_connection = nullptr;
    m_sendFailed = false;
    m_data.clear();
    const QByteArray sql = QStringLiteral("COPY %1(%2) FROM STDIN (FORMAT binary)").arg(table, columns).toUtf8();
    PGresult* result = PQexec(connection, sql.constData());
    const bool copying = PQresultStatus(result) == PGRES_COPY_IN;
    if (!copying) {
        *error = serverError(connection, result);
    }
    PQclear(result);
    if (!copying) {
        return false;
    }
    m_connection = connection;
    m_data.reserve(kChunkBytes + kChunkBytes / 4);
    m_data.append(kSignature, kSignatureSize);
    put32(0); // flags
    put32(0); // header extension length
    return true;
}

void PostgresCopy::sendChunk()
{
    if (!m_sendFailed && PQputCopyData(m_connection, m_data.constData(), int(m_data.size())) != 1) {
        m_sendFailed = true;
    }
    m_data.resize(0); // keeps the capacity for the next chunk
}

void PostgresCopy::put32(qint32 value)
{
    const qint32 big = qToBigEndian(value);
    m_data.append(reinterpret_cast<const char*>(&big), sizeof big);
}

void PostgresCopy::beginRow(int fields)
{
    if (m_data.size() >= kChunkBytes) {
        sendChunk();
    }
    const qint16 big = qToBigEndian(qint16(fields));
    m_data.append(reinterpret_cast<const char*>(&big), sizeof big);
}

void PostgresCopy::add(qint64 value)
{
    put32(8);
    const qint64 big = qToBigEndian(value);
    m_data.append(reinterpret_cast<const char*>(&big), sizeof big);
}

void PostgresCopy::add(double value)
{
    quint64 bits = 0;
    static_assert(sizeof bits == sizeof value);
    std::memcpy(&bits, &value, sizeof bits);
    put32(8);
    const quint64 big = qToBigEndian(bits);
    m_data.append(reinterpret_cast<const char*>(&big), sizeof big);
}

void PostgresCopy::add(const QString& text)
{
    // Length first: reserve it, write the UTF-8 in place, then fill it in.
    const qsizetype at = m_data.size();
    put32(0);
    m_data.append(text.toUtf8());
    const qint32 big = qToBigEndian(qint32(m_data.size() - at - 4));
    std::memcpy(m_data.data() + at, &big, sizeof big);
}

void PostgresCopy::addNull()
{
    put32(-1);
}

bool PostgresCopy::finish(QString* error)
{
    if (!m_connection) {
        return false;
    }
    const qint16 trailer = qToBigEndian(qint16(-1));
    m_data.append(reinterpret_cast<const char*>(&trailer), sizeof trailer);
    sendChunk();
    PGconn* connection = std::exchange(m_connection, nullptr);
    const bool sent = !m_sendFailed;
    // End the COPY whatever happened, so the connection leaves the copy state.
    bool ok = PQputCopyEnd(connection, sent ? nullptr : "the client could not send the rows") == 1 && sent;
    QString failure = ok ? QString() : serverError(connection, nullptr);
    m_sqlState.clear();
    while (PGresult* result = PQgetResult(connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && failure.isEmpty()) {
            failure = serverError(connection, result);
            m_sqlState = QByteArray(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        }
        PQclear(result);
    }
    m_data.clear();
    m_data.squeeze();
    if (!failure.isEmpty()) {
        *error = failure;
        return false;
    }
    return true;
}
