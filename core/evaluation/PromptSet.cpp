#include "core/evaluation/PromptSet.h"

#include "core/common/Csv.h"
#include "core/evaluation/PromptfooFile.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {
QString place(const QString& path, int line)
{
    return QStringLiteral("%1:%2").arg(path).arg(line);
}

// Ids name cells in the ledger and in reports: each must be there once.
QString checkIds(const QString& path, const QList<PromptItem>& items)
{
    QHash<QString, int> seen;
    for (const PromptItem& item : items) {
        if (seen.contains(item.id)) {
            return PromptSet::tr("%1: id \"%2\" is used again (first on line %3)")
                .arg(place(path, item.line), item.id)
                .arg(seen.value(item.id));
        }
        seen.insert(item.id, item.line);
    }
    if (items.isEmpty()) {
        return PromptSet::tr("%1: no prompts").arg(path);
    }
    return {};
}

// A grader given as "KIND[:ARG]", as {"kind": ...}, or a list of those.
bool readGraders(const QJsonValue& value, const QString& field, QList<GraderSpec>* graders, QString* error)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!readGraders(array.at(i), QStringLiteral("%1[%2]").arg(field).arg(i), graders, error)) {
                return false;
            }
        }
        return true;
    }
    QString why;
    std::optional<GraderSpec> spec;
    if (value.isString()) {
        spec = GraderSpec::parse(value.toString(), &why);
    } else if (value.isObject()) {
        spec = GraderSpec::fromJson(value.toObject(), &why);
    } else {
        why = PromptSet::tr("must be \"KIND[:ARG]\", an object with \"kind\", or a list of them");
    }
    if (!spec) {
        *error = QStringLiteral("%1: %2").arg(field, why);
        return false;
    }
    graders->append(*spec);
    return true;
}

QString readJsonRow(const QByteArray& line, PromptItem* item)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return PromptSet::tr("invalid JSON at column %1: %2").arg(parseError.offset + 1).arg(parseError.errorString());
    }
    if (!document.isObject()) {
        return PromptSet::tr("expected a JSON object");
    }
    const QJsonObject object = document.object();
    static const QSet<QString> known { QStringLiteral("id"),     QStringLiteral("prompt"),
                                       QStringLiteral("system"), QStringLiteral("expected"),
                                       QStringLiteral("grader"), QStringLiteral("graders"),
                                       QStringLiteral("tools"),  QStringLiteral("tool_choice") };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            return PromptSet::
                tr("unknown field \"%1\" (known: id, prompt, system, expected, grader, graders, tools, tool_choice)")
                    .arg(it.key());
        }
    }
    const QJsonValue id = object.value(QStringLiteral("id"));
    if (id.isUndefined()) {
        return PromptSet::tr("missing field \"id\"");
    }
    if (id.isString() && !id.toString().isEmpty()) {
        item->id = id.toString();
    } else if (id.isDouble()) {
        item->id = QString::number(id.toDouble(), 'g', 17);
    } else {
        return PromptSet::tr("field \"id\" must be a non-empty string or a number");
    }
    const QJsonValue prompt = object.value(QStringLiteral("prompt"));
    if (prompt.isUndefined()) {
        return PromptSet::tr("missing field \"prompt\"");
    }
    if (!prompt.isString() || prompt.toString().trimmed().isEmpty()) {
        return PromptSet::tr("field \"prompt\" must be a non-empty string");
    }
    item->prompt = prompt.toString();
    const QJsonValue system = object.value(QStringLiteral("system"));
    if (system.isString()) {
        item->system = system.toString();
    } else if (!system.isUndefined() && !system.isNull()) {
        return PromptSet::tr("field \"system\" must be a string");
    }
    const QJsonValue expected = object.value(QStringLiteral("expected"));
    if (expected.isString()) {
        item->expected = expected.toString();
    } else if (expected.isDouble()) {
        item->expected = QString::number(expected.toDouble(), 'g', 17);
    } else if (!expected.isUndefined() && !expected.isNull()) {
        return PromptSet::tr("field \"expected\" must be a string or a number");
    }
    QString error;
    for (const QString& field : { QStringLiteral("grader"), QStringLiteral("graders") }) {
        const QJsonValue graders = object.value(field);
        if (!graders.isUndefined() && !readGraders(graders, field, &item->graders, &error)) {
            return error;
        }
    }
    const auto tools = PromptTools::fromJson(object.value(QStringLiteral("tools")),
                                             object.value(QStringLiteral("tool_choice")), &error);
    if (!tools) {
        return error;
    }
    item->tools = *tools;
    return {};
}

// A CSV cell holding JSON (tools, tool_choice); empty: absent. tool_choice may be a bare word.
bool jsonCell(const QString& text, const QString& field, bool bareWord, QJsonValue* value, QString* error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *value = QJsonValue::Undefined;
        return true;
    }
    if (bareWord && !trimmed.startsWith(u'{')) {
        *value = trimmed;
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = PromptSet::tr("%1: invalid JSON at column %2: %3")
                     .arg(field)
                     .arg(parseError.offset + 1)
                     .arg(parseError.errorString());
        return false;
    }
    *value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    return true;
}
} // namespace

QByteArray PromptSet::readBounded(const QString& path, qint64 maxLineBytes, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read: %2").arg(path, file.errorString());
        return {};
    }
    QByteArray content;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QByteArray line = file.readLine(maxLineBytes + 1);
        if (line.size() > maxLineBytes || (!line.endsWith('\n') && !file.atEnd())) {
            *error = tr("%1: the line is longer than %2 MiB")
                         .arg(place(path, lineNumber))
                         .arg(double(maxLineBytes) / (1024 * 1024));
            return {};
        }
        if (content.size() + line.size() > kMaxFileBytes) {
            *error = tr("%1: the file is larger than %2 MiB").arg(place(path, lineNumber)).arg(kMaxFileBytes >> 20);
            return {};
        }
        content += line;
    }
    if (file.error() != QFileDevice::NoError) {
        *error = tr("%1: cannot read: %2").arg(path, file.errorString());
        return {};
    }
    return content;
}

PromptSet PromptSet::read(const QString& path, qint64 maxLineBytes)
{
    QString error;
    const QByteArray content = readBounded(path, maxLineBytes, &error);
    if (!error.isEmpty()) {
        return failed(error);
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        return readCsv(path, content);
    }
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson")) {
        return readJsonl(path, content);
    }
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")) {
        return PromptfooFile::read(path, content);
    }
    return failed(tr("%1: unknown kind of prompt file (expected .csv, .jsonl or .yaml)").arg(path));
}

PromptSet PromptSet::readCsv(const QString& path, const QByteArray& content)
{
    const Csv::Table table = Csv::parse(content);
    if (!table.error.isEmpty()) {
        return failed(QStringLiteral("%1: %2").arg(place(path, table.errorLine), table.error));
    }
    if (table.records.isEmpty()) {
        return failed(tr("%1: no header (expected a column \"prompt\")").arg(path));
    }
    const Csv::Record& header = table.records.first();
    int idColumn = -1;
    int promptColumn = -1;
    int expectedColumn = -1;
    int systemColumn = -1;
    int toolsColumn = -1;
    int choiceColumn = -1;
    QList<int> graderColumns;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        if (name == QLatin1String("id")) {
            idColumn = i;
        } else if (name == QLatin1String("prompt")) {
            promptColumn = i;
        } else if (name == QLatin1String("expected")) {
            expectedColumn = i;
        } else if (name == QLatin1String("system")) {
            systemColumn = i;
        } else if (name == QLatin1String("tools")) {
            toolsColumn = i;
        } else if (name == QLatin1String("tool_choice")) {
            choiceColumn = i;
        } else if (name.startsWith(QLatin1String("grader"))) {
            graderColumns.append(i);
        } else {
            return failed(
                tr("%1: unknown column \"%2\" (known: id, prompt, system, expected, grader, tools, tool_choice)")
                    .arg(place(path, header.line), header.fields.at(i)));
        }
    }
    if (promptColumn < 0) {
        return failed(tr("%1: missing column \"prompt\"").arg(place(path, header.line)));
    }
    QList<PromptItem> items;
    for (qsizetype r = 1; r < table.records.size(); ++r) {
        const Csv::Record& record = table.records.at(r);
        if (record.fields.size() == 1 && record.fields.first().isEmpty()) {
            continue; // a blank line
        }
        if (record.fields.size() != header.fields.size()) {
            return failed(tr("%1: %2 fields, the header has %3")
                              .arg(place(path, record.line))
                              .arg(record.fields.size())
                              .arg(header.fields.size()));
        }
        PromptItem item;
        item.line = record.line;
        item.id = idColumn >= 0 ? record.fields.at(idColumn).trimmed() : QString::number(r);
        if (item.id.isEmpty()) {
            return failed(tr("%1: field \"id\" is empty").arg(place(path, record.line)));
        }
        item.prompt = record.fields.at(promptColumn);
        if (item.prompt.trimmed().isEmpty()) {
            return failed(tr("%1: field \"prompt\" is empty").arg(place(path, record.line)));
        }
        if (expectedColumn >= 0) {
            item.expected = record.fields.at(expectedColumn);
        }
        if (systemColumn >= 0) {
            item.system = record.fields.at(systemColumn);
        }
        QJsonValue tools(QJsonValue::Undefined);
        QJsonValue choice(QJsonValue::Undefined);
        QString why;
        const bool readTools
            = (toolsColumn < 0 || jsonCell(record.fields.at(toolsColumn), QStringLiteral("tools"), false, &tools, &why))
            && (choiceColumn < 0
                || jsonCell(record.fields.at(choiceColumn), QStringLiteral("tool_choice"), true, &choice, &why));
        const auto offered = readTools ? PromptTools::fromJson(tools, choice, &why) : std::nullopt;
        if (!offered) {
            return failed(QStringLiteral("%1: %2").arg(place(path, record.line), why));
        }
        item.tools = *offered;
        for (int column : graderColumns) {
            const QString text = record.fields.at(column).trimmed();
            if (text.isEmpty()) {
                continue;
            }
            const auto spec = GraderSpec::parse(text, &why);
            if (!spec) {
                return failed(
                    QStringLiteral("%1: %2: %3").arg(place(path, record.line), header.fields.at(column), why));
            }
            item.graders.append(*spec);
        }
        items.append(item);
    }
    const QString duplicate = checkIds(path, items);
    return duplicate.isEmpty() ? of(items) : failed(duplicate);
}

PromptSet PromptSet::readJsonl(const QString& path, const QByteArray& content)
{
    QList<PromptItem> items;
    int lineNumber = 0;
    for (const QByteArray& line : content.split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty()) {
            continue;
        }
        PromptItem item;
        item.line = lineNumber;
        const QString why = readJsonRow(line, &item);
        if (!why.isEmpty()) {
            return failed(QStringLiteral("%1: %2").arg(place(path, lineNumber), why));
        }
        items.append(item);
    }
    const QString duplicate = checkIds(path, items);
    return duplicate.isEmpty() ? of(items) : failed(duplicate);
}

PromptSet PromptSet::failed(const QString& error)
{
    PromptSet set;
    set.m_error = error;
    return set;
}

PromptSet PromptSet::of(QList<PromptItem> items)
{
    PromptSet set;
    set.m_items = std::move(items);
    return set;
}

PromptSet PromptSet::withProviderTools(QList<ProviderTools> entries) const
{
    PromptSet set = *this;
    set.m_providerTools = std::move(entries);
    return set;
}

std::optional<PromptSet> PromptSet::forModels(const QStringList& models, QString* error) const
{
    const auto taken = ProviderTools::match(m_providerTools, models, error);
    if (!taken) {
        return std::nullopt;
    }
    PromptSet set = *this;
    set.m_providerTools.clear();
    for (PromptItem& item : set.m_items) {
        if (!item.tools.isEmpty()) {
            continue; // a prompt's own tools are offered to every model
        }
        for (auto it = taken->cbegin(); it != taken->cend(); ++it) {
            item.modelTools.insert(it.key(), m_providerTools.at(it.value()).tools);
        }
    }
    return set;
}

PromptSet PromptSet::withTools(const PromptTools& tools) const
{
    PromptSet set = *this;
    for (PromptItem& item : set.m_items) {
        if (item.tools.isEmpty()) {
            item.tools = tools;
        }
    }
    return set;
}

QJsonArray PromptSet::toJson() const
{
    QJsonArray array;
    for (const PromptItem& item : m_items) {
        QJsonArray graders;
        for (const GraderSpec& spec : item.graders) {
            graders.append(spec.toJson());
        }
        QJsonObject object { { QStringLiteral("id"), item.id },
                             { QStringLiteral("prompt"), item.prompt },
                             { QStringLiteral("expected"), item.expected },
                             { QStringLiteral("graders"), graders },
                             { QStringLiteral("line"), item.line } };
        if (!item.system.isEmpty()) {
            object.insert(QStringLiteral("system"), item.system);
        }
        // Kept with the evaluation so that a resume offers the same tools (tools + tool_choice).
        item.tools.addTo(object);
        if (!item.modelTools.isEmpty()) {
            QJsonObject byModel;
            for (auto it = item.modelTools.cbegin(); it != item.modelTools.cend(); ++it) {
                QJsonObject offered;
                it->addTo(offered);
                byModel.insert(it.key(), offered);
            }
            object.insert(QStringLiteral("model_tools"), byModel);
        }
        array.append(object);
    }
    return array;
}

PromptSet PromptSet::fromJson(const QJsonArray& array)
{
    QList<PromptItem> items;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        PromptItem item;
        item.id = object.value(QStringLiteral("id")).toString();
        item.prompt = object.value(QStringLiteral("prompt")).toString();
        item.expected = object.value(QStringLiteral("expected")).toString();
        item.line = object.value(QStringLiteral("line")).toInt();
        item.system = object.value(QStringLiteral("system")).toString();
        QString error;
        const auto tools = PromptTools::fromJson(object.value(QStringLiteral("tools")),
                                                 object.value(QStringLiteral("tool_choice")), &error);
        if (!tools) {
            return failed(error);
        }
        item.tools = *tools;
        const QJsonObject byModel = object.value(QStringLiteral("model_tools")).toObject();
        for (auto it = byModel.constBegin(); it != byModel.constEnd(); ++it) {
            const QJsonObject offered = it->toObject();
            const auto own = PromptTools::fromJson(offered.value(QStringLiteral("tools")),
                                                   offered.value(QStringLiteral("tool_choice")), &error);
            if (!own) {
                return failed(error);
            }
            item.modelTools.insert(it.key(), *own);
        }
        if (!readGraders(object.value(QStringLiteral("graders")), QStringLiteral("graders"), &item.graders, &error)) {
            return failed(error);
        }
        items.append(item);
    }
    return of(items);
}
