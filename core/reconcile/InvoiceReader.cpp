#include "core/reconcile/InvoiceReader.h"

#include "core/reconcile/AnthropicExportParser.h"
#include "core/reconcile/OpenAiExportParser.h"
#include "core/reconcile/OpenRouterExportParser.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("InvoiceReader", text);
}

InvoiceImport failure(InvoiceParseError error, const QString& fileName)
{
    error.file = fileName;
    InvoiceImport result;
    result.error = error;
    return result;
}

InvoiceImport parseJson(const QByteArray& bytes, const QString& fileName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition place = TextPosition::ofJsonError(bytes, parseError);
        InvoiceParseError error;
        error.line = place.line;
        error.column = place.column;
        error.expected = QCoreApplication::translate("InvoiceReader", "expected JSON");
        error.found = parseError.errorString();
        return failure(error, fileName);
    }
    // One page, or the pages of a paginated download in an array.
    QList<std::pair<QJsonObject, JsonPath>> pages;
    if (document.isArray()) {
        const QJsonArray array = document.array();
        for (qsizetype i = 0; i < array.size(); ++i) {
            pages << std::pair { array.at(i).toObject(), JsonPath().index(i) };
        }
    } else {
        pages << std::pair { document.object(), JsonPath() };
    }
    const QJsonObject first = pages.isEmpty() ? QJsonObject() : pages.first().first;
    std::optional<InvoiceFormat> format = OpenAiExportParser::detectJson(first);
    if (!format) {
        format = AnthropicExportParser::detectJson(first);
    }
    if (!format) {
        InvoiceParseError error;
        error.line = 1;
        error.column = 1;
        error.expected = QCoreApplication::translate(
            "InvoiceReader",
            "expected an OpenAI costs or usage page (\"object\": \"page\") or an Anthropic usage or "
            "cost report (\"data\" with \"starting_at\")");
        error.found = QCoreApplication::translate("InvoiceReader", "the fields %1")
                          .arg(first.keys().join(QStringLiteral(", ")));
        return failure(error, fileName);
    }
    ExportJsonReader json(bytes);
    InvoiceImport result;
    result.format = format;
    for (const auto& [page, at] : pages) {
        result.lines += InvoiceFormats::provider(*format) == InvoiceProvider::OpenAi
            ? OpenAiExportParser::parseJson(*format, page, at, json)
            : AnthropicExportParser::parseJson(*format, page, at, json);
    }
    if (json.failed()) {
        return failure(*json.error(), fileName);
    }
    return result;
}

InvoiceImport parseCsv(const QByteArray& bytes, const QString& fileName)
{
    ExportCsvReader csv(Csv::parse(bytes));
    std::optional<InvoiceFormat> format;
    if (!csv.failed()) {
        format = OpenAiExportParser::detectCsv(csv);
        if (!format) {
            format = AnthropicExportParser::detectCsv(csv);
        }
        if (!format) {
            format = OpenRouterExportParser::detectCsv(csv);
        }
        if (!format) {
            csv.fail(
                1, QString(),
                QCoreApplication::translate(
                    "InvoiceReader", "expected the header of an OpenAI, Anthropic or OpenRouter usage or cost export"),
                QCoreApplication::translate("InvoiceReader", "the columns %1").arg(csv.header().join(u',')));
        }
    }
    InvoiceImport result;
    if (format) {
        result.format = format;
        switch (InvoiceFormats::provider(*format)) {
        case InvoiceProvider::OpenAi:
            result.lines = OpenAiExportParser::parseCsv(*format, csv);
            break;
        case InvoiceProvider::Anthropic:
            result.lines = AnthropicExportParser::parseCsv(*format, csv);
            break;
        case InvoiceProvider::OpenRouter:
            result.lines = OpenRouterExportParser::parseCsv(csv);
            break;
        }
    }
    if (csv.failed()) {
        return failure(*csv.error(), fileName);
    }
    return result;
}
} // namespace

InvoiceImport InvoiceReader::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        InvoiceParseError error;
        error.expected = tr("expected a readable file");
        error.found = file.errorString();
        return failure(error, path);
    }
    return parse(file.readAll(), path);
}

InvoiceImport InvoiceReader::parse(const QByteArray& bytes, const QString& fileName)
{
    qsizetype start = 0;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        start = 3;
    }
    while (start < bytes.size() && QByteArrayView(" \t\r\n").contains(bytes.at(start))) {
        ++start;
    }
    if (start >= bytes.size()) {
        InvoiceParseError error;
        error.line = 1;
        error.expected = tr("expected a usage or cost export");
        error.found = tr("an empty file");
        return failure(error, fileName);
    }
    // Without the byte order mark, which keeps lines and columns where an editor shows them.
    const QByteArray text = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    const char first = bytes.at(start);
    return first == '{' || first == '[' ? parseJson(text, fileName) : parseCsv(text, fileName);
}
