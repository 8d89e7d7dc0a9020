#include "core/reconcile/ExportJsonReader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ExportJsonReader", text);
}

QString describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QCoreApplication::translate("ExportJsonReader", "nothing");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return u'"' + value.toString().left(60) + u'"';
    case QJsonValue::Array:
        return QCoreApplication::translate("ExportJsonReader", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("ExportJsonReader", "an object");
    }
    return {};
}
} // namespace

ExportJsonReader::ExportJsonReader(const QByteArray& json)
    : m_json(json)
{
}

void ExportJsonReader::fail(const JsonPath& at, const QString& expected, const QJsonValue& found)
{
    if (m_error) {
        return;
    }
    const TextPosition place = at.locate(m_json);
    InvoiceParseError error;
    error.line = place.line;
    error.column = place.column;
    error.field = at.text();
    error.expected = expected;
    error.found = describe(found);
    m_error = error;
}

QJsonArray ExportJsonReader::array(const QJsonObject& object, const JsonPath& at, const QString& key)
{
    const QJsonValue value = object.value(key);
    if (!value.isArray()) {
        fail(value.isUndefined() ? at : at.key(key), tr("expected an array \"%1\"").arg(key), value);
        return {};
    }
    return failed() ? QJsonArray() : value.toArray();
}

QJsonObject ExportJsonReader::object(const QJsonValue& value, const JsonPath& at)
{
    if (!value.isObject()) {
        fail(at, tr("expected an object"), value);
        return {};
    }
    return failed() ? QJsonObject() : value.toObject();
}

QString ExportJsonReader::string(const QJsonObject& object, const JsonPath& at, const QString& key, Need need)
{
    const QJsonValue value = object.value(key);
    if ((value.isUndefined() || value.isNull()) && need == Need::Optional) {
        return {};
    }
    if (!value.isString()) {
        fail(value.isUndefined() ? at : at.key(key), tr("expected a text \"%1\"").arg(key), value);
        return {};
    }
    return value.toString();
}

std::optional<double> ExportJsonReader::number(const QJsonObject& object, const JsonPath& at, const QString& key,
                                               Need need)
{
    const QJsonValue value = object.value(key);
    if ((value.isUndefined() || value.isNull()) && need == Need::Optional) {
        return std::nullopt;
    }
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        fail(value.isUndefined() ? at : at.key(key), tr("expected a number \"%1\"").arg(key), value);
        return std::nullopt;
    }
    return failed() ? std::nullopt : std::optional<double>(value.toDouble());
}

std::optional<qint64> ExportJsonReader::count(const QJsonObject& object, const JsonPath& at, const QString& key,
                                              Need need)
{
    const QJsonValue value = object.value(key);
    if ((value.isUndefined() || value.isNull()) && need == Need::Optional) {
        return std::nullopt;
    }
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number != std::floor(number) || number > 9e15) {
        fail(value.isUndefined() ? at : at.key(key), tr("expected a whole number \"%1\"").arg(key), value);
        return std::nullopt;
    }
    return failed() ? std::nullopt : std::optional<qint64>(qint64(number));
}

std::optional<double> ExportJsonReader::decimalString(const QJsonObject& object, const JsonPath& at, const QString& key)
{
    const QJsonValue value = object.value(key);
    bool ok = false;
    const double number = QLocale::c().toDouble(value.toString(), &ok);
    if (!value.isString() || !ok || !std::isfinite(number)) {
        fail(value.isUndefined() ? at : at.key(key), tr("expected a decimal number as text \"%1\"").arg(key), value);
        return std::nullopt;
    }
    return failed() ? std::nullopt : std::optional<double>(number);
}

std::optional<QDate> ExportJsonReader::day(const QJsonObject& object, const JsonPath& at, const QString& key)
{
    const QJsonValue value = object.value(key);
    QDateTime time;
    if (value.isDouble()) {
        time = QDateTime::fromSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);
    } else if (value.isString()) {
        time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    }
    if (!time.isValid()) {
        fail(value.isUndefined() ? at : at.key(key), tr("expected a time \"%1\" (Unix seconds or RFC 3339)").arg(key),
             value);
        return std::nullopt;
    }
    return failed() ? std::nullopt : std::optional<QDate>(time.toUTC().date());
}
