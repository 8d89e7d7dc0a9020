#include "core/workbench/ComparisonExport.h"

#include "core/common/Csv.h"
#include "core/common/Money.h"
#include "core/ledger/LedgerRows.h"
#include "core/workbench/BestValues.h"
#include "core/workbench/ComparisonHtml.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace ComparisonExport {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ComparisonExport", text);
}

BestValues bestOf(const ComparisonSnapshot& snapshot)
{
    QList<BestValues::Candidate> candidates;
    for (const auto& column : snapshot.columns) {
        candidates.append({ column.figures, column.state == ColumnState::Done });
    }
    return BestValues::compute(candidates);
}

QString statusLine(const ColumnSnapshot& column)
{
    QString status = column.statusText.isEmpty() ? ColumnStates::displayName(column.state) : column.statusText;
    if (column.state == ColumnState::Failed && !column.error.message.isEmpty()) {
        status += QStringLiteral(": ") + column.error.message;
    }
    return status;
}

QString tokensInOut(const ColumnFigures& f)
{
    return FigureFormat::tokens(f.usage.promptTokens, f.usage.estimated) + QStringLiteral(" / ")
        + FigureFormat::tokens(f.usage.completionTokens, f.usage.estimated);
}

QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue knownMs(qint64 ms)
{
    return ms >= 0 ? QJsonValue(double(ms)) : QJsonValue(QJsonValue::Null);
}

QString filesList(const QList<Attachment>& attachments)
{
    QStringList files;
    for (const Attachment& attachment : attachments) {
        files << QStringLiteral("`%1` (%2)").arg(attachment.fileName, attachment.describe());
    }
    return files.join(QStringLiteral(", "));
}

QString quoted(const QString& text)
{
    return QStringLiteral("> ") + QString(text).replace(QLatin1Char('\n'), QStringLiteral("\n> ")) + QLatin1Char('\n');
}

QString toolCallsMarkdown(const QList<ToolCall>& calls)
{
    QString md;
    for (const ToolCall& call : calls) {
        md += QStringLiteral("\n`") + call.name + QStringLiteral("`\n\n```json\n")
            + ComparisonHtml::prettyArguments(call.arguments) + QStringLiteral("\n```\n");
    }
    return md;
}

// The column's conversation before its answer, turn by turn: each question with the files it
// carried, each answer with its tool calls and the results sent back; then this turn's files.
QString exchangeMarkdown(const ColumnSnapshot& c, const QList<Attachment>& promptFiles)
{
    const ColumnExchange& exchange = c.exchange;
    QString md;
    for (qsizetype i = 0; i < exchange.earlier.size(); ++i) {
        const ConversationTurn& turn = exchange.earlier[i];
        md += QStringLiteral("**") + tr("Turn %1").arg(i + 1) + QStringLiteral("**\n\n");
        if (!turn.question.isEmpty()) {
            md += quoted(turn.question) + QLatin1Char('\n');
        }
        if (!turn.attachments.isEmpty()) {
            md += tr("Attached: %1").arg(filesList(turn.attachments)) + QStringLiteral("\n\n");
        }
        if (!turn.answer.isEmpty()) {
            md += turn.answer + QLatin1Char('\n');
        }
        if (!turn.toolCalls.isEmpty()) {
            md += QStringLiteral("\n*") + tr("Tool calls") + QStringLiteral("*\n") + toolCallsMarkdown(turn.toolCalls);
        }
        if (turn.answered()) {
            md += QStringLiteral("\n*") + tr("Tool results sent") + QStringLiteral("*\n\n");
            for (qsizetype r = 0; r < turn.toolCalls.size(); ++r) {
                md += QStringLiteral("- `%1`: %2\n").arg(turn.toolCalls[r].name, turn.toolResults.value(r));
            }
        }
        md += QLatin1Char('\n');
    }
    if (!exchange.earlier.isEmpty()) {
        md += QStringLiteral("**") + tr("Turn %1").arg(exchange.earlier.size() + 1) + QStringLiteral("**\n\n");
        if (!exchange.question.isEmpty()) {
            md += quoted(exchange.question) + QLatin1Char('\n');
        }
    }
    if (!exchange.attachments.isEmpty() && (!exchange.earlier.isEmpty() || exchange.attachments != promptFiles)) {
        md += tr("Attached: %1").arg(filesList(exchange.attachments)) + QStringLiteral("\n\n");
    }
    return md;
}

QJsonArray references(const QList<Attachment>& attachments)
{
    QJsonArray array;
    for (const Attachment& attachment : attachments) {
        array.append(attachment.reference());
    }
    return array;
}
} // namespace

QByteArray toMarkdown(const ComparisonSnapshot& snapshot)
{
    const BestValues best = bestOf(snapshot);
    QString md;
    md += QStringLiteral("# ") + tr("Switchyard comparison") + QStringLiteral("\n\n");
    if (snapshot.startedAt.isValid()) {
        md += QStringLiteral("*") + snapshot.startedAt.toString(Qt::ISODate) + QStringLiteral("*\n\n");
    }
    if (!snapshot.prompt.systemPrompt.isEmpty()) {
        md += QStringLiteral("**") + tr("System prompt") + QStringLiteral("**\n\n> ")
            + QString(snapshot.prompt.systemPrompt).replace(QLatin1Char('\n'), QStringLiteral("\n> "))
            + QStringLiteral("\n\n");
    }
    md += QStringLiteral("**") + tr("Prompt") + QStringLiteral("**\n\n> ")
        + QString(snapshot.prompt.prompt).replace(QLatin1Char('\n'), QStringLiteral("\n> ")) + QStringLiteral("\n\n");
    if (!snapshot.prompt.attachments.isEmpty()) {
        // Referenced by name, kind and size: the bytes stay with the user.
        md += QStringLiteral("**") + tr("Attached") + QStringLiteral("**\n\n");
        for (const Attachment& attachment : snapshot.prompt.attachments) {
            md += QStringLiteral("- `%1` (%2)\n").arg(attachment.fileName, attachment.describe());
        }
        md += QLatin1Char('\n');
    }

    md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
              .arg(tr("Model"), tr("Provider"), tr("Status"), tr("First token"), tr("Latency"), tr("Tokens in / out"),
                   tr("Tokens/s"), tr("Cost"));
    md += QStringLiteral("|---|---|---|---:|---:|---:|---:|---:|\n");
    auto mark = [&](int i, BestValues::Figure figure, const QString& text) {
        return best.isBest(i, figure) ? QStringLiteral("**") + text + QStringLiteral("**") : text;
    };
    for (int i = 0; i < snapshot.columns.size(); ++i) {
        const auto& c = snapshot.columns[i];
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                  .arg(c.modelId, c.providerName,
                       QString(statusLine(c)).replace(QLatin1Char('|'), QStringLiteral("\\|")),
                       mark(i, BestValues::TimeToFirstToken, FigureFormat::milliseconds(c.figures.ttftMs)),
                       mark(i, BestValues::Latency, FigureFormat::milliseconds(c.figures.latencyMs)),
                       tokensInOut(c.figures),
                       mark(i, BestValues::TokensPerSecond, FigureFormat::tokensPerSecond(c.figures.tokensPerSecond)),
                       mark(i, BestValues::Cost, FigureFormat::cost(c.figures)));
    }
    for (const auto& c : snapshot.columns) {
        md += QStringLiteral("\n## ") + c.modelId + QStringLiteral(" (") + c.providerName + QStringLiteral(")\n\n");
        if (!c.note.isEmpty()) {
            md += QStringLiteral("*") + c.note + QStringLiteral("*\n\n");
        }
        if (c.state == ColumnState::Failed) {
            md += QStringLiteral("> ") + statusLine(c) + QStringLiteral("\n\n");
        }
        md += exchangeMarkdown(c, snapshot.prompt.attachments);
        md += c.text.isEmpty() ? QStringLiteral("*") + tr("No answer") + QStringLiteral("*\n")
                               : c.text + QLatin1Char('\n');
        if (!c.reasoning.isEmpty()) {
            md += QStringLiteral("\n**") + tr("Reasoning") + QStringLiteral("**\n\n> ")
                + QString(c.reasoning).replace(QLatin1Char('\n'), QStringLiteral("\n> ")) + QLatin1Char('\n');
        }
        if (!c.toolCalls.isEmpty()) {
            md += QStringLiteral("\n**") + tr("Tool calls") + QStringLiteral("**\n") + toolCallsMarkdown(c.toolCalls);
        }
    }
    return md.toUtf8();
}

QByteArray toJson(const ComparisonSnapshot& snapshot)
{
    const BestValues best = bestOf(snapshot);
    QJsonArray columns;
    for (int i = 0; i < snapshot.columns.size(); ++i) {
        const auto& c = snapshot.columns[i];
        const auto& f = c.figures;
        QJsonObject usage { { QStringLiteral("promptTokens"), double(f.usage.promptTokens) },
                            { QStringLiteral("completionTokens"), double(f.usage.completionTokens) },
                            { QStringLiteral("cachedTokens"), double(f.usage.cachedTokens) },
                            { QStringLiteral("reasoningTokens"), double(f.usage.reasoningTokens) },
                            { QStringLiteral("estimated"), f.usage.estimated } };
        QJsonArray bestIn;
        const std::pair<BestValues::Figure, const char*> figures[]
            = { { BestValues::TimeToFirstToken, "ttft" },
                { BestValues::Latency, "latency" },
                { BestValues::TokensPerSecond, "tokensPerSecond" },
                { BestValues::Cost, "cost" } };
        for (const auto& [figure, name] : figures) {
            if (best.isBest(i, figure)) {
                bestIn.append(QString::fromLatin1(name));
            }
        }
        QJsonObject column { { QStringLiteral("model"), c.modelId },
                             { QStringLiteral("provider"), c.providerId },
                             { QStringLiteral("status"), ColumnStates::id(c.state) },
                             { QStringLiteral("note"), c.note.isEmpty() ? QJsonValue() : QJsonValue(c.note) },
                             { QStringLiteral("ttftMs"), knownMs(f.ttftMs) },
                             { QStringLiteral("latencyMs"), knownMs(f.latencyMs) },
                             { QStringLiteral("usage"), usage },
                             { QStringLiteral("tokensPerSecond"), optionalNumber(f.tokensPerSecond) },
                             { QStringLiteral("costUsd"), f.priced ? optionalNumber(f.costUsd) : QJsonValue() },
                             { QStringLiteral("costEstimated"), f.costEstimated },
                             { QStringLiteral("priced"), f.priced },
                             { QStringLiteral("best"), bestIn },
                             { QStringLiteral("text"), c.text },
                             { QStringLiteral("reasoning"), c.reasoning },
                             { QStringLiteral("toolCalls"), LedgerRows::toolCallsToJsonArray(c.toolCalls) },
                             { QStringLiteral("requestSettings"), c.settings },
                             { QStringLiteral("settings"), c.spec.toJson() } };
        // The conversation before this answer and the files of each turn (references, no bytes).
        if (!c.exchange.earlier.isEmpty()) {
            column.insert(QStringLiteral("earlierTurns"), ConversationTurn::listToJson(c.exchange.earlier));
            column.insert(QStringLiteral("question"), c.exchange.question);
        }
        if (!c.exchange.attachments.isEmpty()) {
            column.insert(QStringLiteral("attachments"), references(c.exchange.attachments));
        }
        if (!c.exchange.tools.isEmpty()) {
            column.insert(QStringLiteral("tools"), c.exchange.tools.toJson());
        }
        if (c.state == ColumnState::Failed) {
            column.insert(QStringLiteral("error"),
                          QJsonObject { { QStringLiteral("class"), FailureClasses::id(c.error.failureClass) },
                                        { QStringLiteral("httpStatus"), c.error.httpStatus },
                                        { QStringLiteral("message"), c.error.message } });
        }
        columns.append(column);
    }
    QJsonObject prompt { { QStringLiteral("prompt"), snapshot.prompt.prompt },
                         { QStringLiteral("systemPrompt"), snapshot.prompt.systemPrompt },
                         { QStringLiteral("temperature"),
                           snapshot.prompt.temperature ? QJsonValue(*snapshot.prompt.temperature)
                                                       : QJsonValue(QJsonValue::Null) },
                         { QStringLiteral("maxTokens"), snapshot.prompt.maxTokens } };
    if (!snapshot.prompt.attachments.isEmpty()) {
        prompt.insert(QStringLiteral("attachments"), references(snapshot.prompt.attachments));
    }
    QJsonObject root { { QStringLiteral("format"), QStringLiteral("switchyard-comparison") },
                       { QStringLiteral("version"), 1 },
                       { QStringLiteral("compareGroup"), snapshot.compareGroup },
                       { QStringLiteral("startedAt"), snapshot.startedAt.toString(Qt::ISODateWithMs) },
                       { QStringLiteral("prompt"), prompt },
                       { QStringLiteral("columns"), columns } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray toCsv(const ComparisonSnapshot& snapshot)
{
    QString text = QStringLiteral("model,provider,status,failure_class,ttft_ms,latency_ms,prompt_tokens,"
                                  "completion_tokens,tokens_estimated,tokens_per_second,cost_usd,cost_estimated,"
                                  "answer,reasoning,tool_calls,attachments,earlier_turns\r\n");
    // What went with the question: "chart.png (image, 273 bytes); ..." (a follow-up's own files;
    // earlier turns list theirs in earlier_turns).
    const auto describe = [](const QList<Attachment>& files) {
        QStringList attached;
        for (const Attachment& attachment : files) {
            attached << QStringLiteral("%1 (%2)").arg(attachment.fileName, attachment.describe());
        }
        return attached.join(QStringLiteral("; "));
    };
    for (const auto& c : snapshot.columns) {
        const bool ownTurn = !c.exchange.earlier.isEmpty() || !c.exchange.attachments.isEmpty();
        const QString attachments = describe(ownTurn ? c.exchange.attachments : snapshot.prompt.attachments);
        const QString earlier = c.exchange.earlier.isEmpty()
            ? QString()
            : QString::fromUtf8(
                QJsonDocument(ConversationTurn::listToJson(c.exchange.earlier)).toJson(QJsonDocument::Compact));
        const auto& f = c.figures;
        QStringList row { c.modelId,
                          c.providerId,
                          ColumnStates::id(c.state),
                          c.state == ColumnState::Failed ? FailureClasses::id(c.error.failureClass) : QString(),
                          f.ttftMs >= 0 ? QString::number(f.ttftMs) : QString(),
                          f.latencyMs >= 0 ? QString::number(f.latencyMs) : QString(),
                          QString::number(f.usage.promptTokens),
                          QString::number(f.usage.completionTokens),
                          f.usage.estimated ? QStringLiteral("true") : QStringLiteral("false"),
                          f.tokensPerSecond ? QString::number(*f.tokensPerSecond, 'f', 2) : QString(),
                          f.priced && f.costUsd ? Money::plain(*f.costUsd) : QString(),
                          f.costEstimated ? QStringLiteral("true") : QStringLiteral("false"),
                          c.text,
                          c.reasoning,
                          LedgerRows::toolCallsToJson(c.toolCalls),
                          attachments,
                          earlier };
        text += Csv::line(row);
    }
    return text.toUtf8();
}

QByteArray toHtml(const ComparisonSnapshot& snapshot)
{
    return ComparisonHtml::page(snapshot);
}

QByteArray render(const ComparisonSnapshot& snapshot, Format format)
{
    switch (format) {
    case Format::Markdown:
        return toMarkdown(snapshot);
    case Format::Json:
        return toJson(snapshot);
    case Format::Csv:
        return toCsv(snapshot);
    case Format::Html:
        return toHtml(snapshot);
    }
    return {};
}

bool save(const ComparisonSnapshot& snapshot, Format format, const QString& path, QString* errorMessage)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorMessage) {
            *errorMessage = file.errorString();
        }
        return false;
    }
    file.write(render(snapshot, format));
    if (!file.commit()) {
        if (errorMessage) {
            *errorMessage = file.errorString();
        }
        return false;
    }
    return true;
}

std::optional<Format> formatForPath(const QString& path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("md") || ext == QLatin1String("markdown")) {
        return Format::Markdown;
    }
    if (ext == QLatin1String("json")) {
        return Format::Json;
    }
    if (ext == QLatin1String("csv")) {
        return Format::Csv;
    }
    if (ext == QLatin1String("html") || ext == QLatin1String("htm")) {
        return Format::Html;
    }
    return std::nullopt;
}

QString suffix(Format format)
{
    switch (format) {
    case Format::Markdown:
        return QStringLiteral("md");
    case Format::Json:
        return QStringLiteral("json");
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Html:
        return QStringLiteral("html");
    }
    return {};
}

} // namespace ComparisonExport
