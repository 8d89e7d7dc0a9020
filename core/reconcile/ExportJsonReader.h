#pragma once

#include "core/reconcile/InvoiceParseError.h"
#include "core/reconcile/JsonPath.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

// Typed reads from an export's JSON for the parsers. The first value of the wrong shape becomes
// the error, with its JSON path, what was expected, what was found and its place in the text;
// after that every read returns nothing, so a parser just checks failed() at the end.
class ExportJsonReader final
{
public:
    enum class Need
    {
        Required,
        Optional, // missing or null reads as "not given"
    };

    explicit ExportJsonReader(const QByteArray& json);

    bool failed() const { return m_error.has_value(); }
    const std::optional<InvoiceParseError>& error() const { return m_error; }

    QJsonArray array(const QJsonObject& object, const JsonPath& at, const QString& key);
    QJsonObject object(const QJsonValue& value, const JsonPath& at);
    QString string(const QJsonObject& object, const JsonPath& at, const QString& key, Need need);
    std::optional<double> number(const QJsonObject& object, const JsonPath& at, const QString& key, Need need);
    // A whole number of at least 0 (tokens, requests).
    std::optional<qint64> count(const QJsonObject& object, const JsonPath& at, const QString& key, Need need);
    // A number written as a decimal string ("123.45"), as Anthropic sends amounts.
    std::optional<double> decimalString(const QJsonObject& object, const JsonPath& at, const QString& key);
    // The UTC day of Unix seconds (OpenAI) or of an RFC 3339 time (Anthropic).
    std::optional<QDate> day(const QJsonObject& object, const JsonPath& at, const QString& key);

    void fail(const JsonPath& at, const QString& expected, const QJsonValue& found);

private:
    QByteArray m_json;
    std::optional<InvoiceParseError> m_error;
};
