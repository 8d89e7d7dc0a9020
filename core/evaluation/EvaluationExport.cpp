#include "core/evaluation/EvaluationExport.h"

#include "core/common/Csv.h"
#include "core/common/Money.h"
#include "core/evaluation/PairwiseResults.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <functional>

namespace {
QJsonValue money(const std::optional<double>& usd)
{
    return usd ? QJsonValue(*usd) : QJsonValue(QJsonValue::Null);
}

QString plainMoney(const std::optional<double>& usd)
{
    return usd ? Money::plain(*usd) : QString();
}

QString percent(double share)
{
    return QLocale().toString(share * 100, 'f', 1) + QStringLiteral(" %");
}

// {"name", "arguments"} each, the arguments as the model wrote them.
QJsonArray toolCalls(const QList<ToolCall>& calls)
{
    QJsonArray array;
    for (const ToolCall& call : calls) {
        array.append(
            QJsonObject { { QStringLiteral("name"), call.name }, { QStringLiteral("arguments"), call.arguments } });
    }
    return array;
}

QString compact(const QJsonArray& array)
{
    return array.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}
} // namespace

std::optional<EvaluationExport::Format> EvaluationExport::formatOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        return Format::Csv;
    }
    if (suffix == QLatin1String("jsonl")) {
        return Format::Jsonl;
    }
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        return Format::Html;
    }
    return std::nullopt;
}

QJsonObject EvaluationExport::cellJson(const EvaluationCell& cell)
{
    QJsonObject object {
        { QStringLiteral("prompt_id"), cell.promptId },          { QStringLiteral("model"), cell.model },
        { QStringLiteral("state"), CellStates::id(cell.state) }, { QStringLiteral("cost_usd"), money(cell.costUsd) },
        { QStringLiteral("latency_ms"), cell.latencyMs },        { QStringLiteral("request_id"), cell.requestId }
    };
    if (cell.state == CellState::Done) {
        object.insert(QStringLiteral("outcome"), GradeOutcomes::id(cell.grade.outcome));
        object.insert(QStringLiteral("passed"), cell.grade.passed());
        object.insert(QStringLiteral("score"),
                      cell.grade.score ? QJsonValue(*cell.grade.score) : QJsonValue(QJsonValue::Null));
        object.insert(QStringLiteral("reason"), cell.grade.reason);
        object.insert(QStringLiteral("answer"), cell.answer);
        if (!cell.verdicts.isEmpty()) {
            object.insert(QStringLiteral("graders"), GraderVerdict::toJson(cell.verdicts));
        }
        if (!cell.toolCalls.isEmpty()) {
            object.insert(QStringLiteral("tool_calls"), toolCalls(cell.toolCalls));
        }
    } else {
        object.insert(QStringLiteral("error"), cell.error);
    }
    if (!cell.judgeRequestId.isEmpty()) {
        object.insert(QStringLiteral("judge_cost_usd"), money(cell.judgeCostUsd));
        object.insert(QStringLiteral("judge_request_id"), cell.judgeRequestId);
    }
    return object;
}

QJsonObject EvaluationExport::summaryJson(const ModelSummary& summary)
{
    return { { QStringLiteral("model"), summary.model },
             { QStringLiteral("graded"), summary.graded },
             { QStringLiteral("passes"), summary.passes },
             { QStringLiteral("errors"), summary.errors },
             { QStringLiteral("failed_calls"), summary.failedCalls },
             { QStringLiteral("pass_rate"), summary.passRate },
             { QStringLiteral("pass_rate_ci95"), QJsonArray { summary.wilsonLow, summary.wilsonHigh } },
             { QStringLiteral("cost_usd"), summary.unpricedCalls > 0 ? QJsonValue() : QJsonValue(summary.costUsd) },
             { QStringLiteral("judge_cost_usd"), summary.judgeCostUsd },
             { QStringLiteral("cost_per_pass_usd"), money(summary.costPerPass) },
             { QStringLiteral("cost_per_prompt_usd"), money(summary.costPerPrompt) },
             { QStringLiteral("p50_latency_ms"), summary.p50LatencyMs },
             { QStringLiteral("p95_latency_ms"), summary.p95LatencyMs } };
}

QJsonObject EvaluationExport::resultJson(const EvaluationInfo& info, const QList<EvaluationCell>& cells)
{
    const QList<ModelSummary> summaries = EvaluationSummary::of(cells, info.models);
    const QString baseline = PairwiseResults::baseline(info);
    QJsonArray models;
    for (const ModelSummary& summary : summaries) {
        QJsonObject object = summaryJson(summary);
        if (!baseline.isEmpty() && summary.model != baseline) {
            // Pairwise judging: the games against the baseline (a pass is a win or a tie).
            const PairwiseResults::Tally tally = PairwiseResults::tally(baseline, cells, summary.model);
            object.insert(QStringLiteral("versus_baseline"),
                          QJsonObject { { QStringLiteral("baseline"), baseline },
                                        { QStringLiteral("wins"), tally.wins },
                                        { QStringLiteral("ties"), tally.ties },
                                        { QStringLiteral("losses"), tally.losses } });
        }
        models.append(object);
    }
    QJsonArray cellArray;
    for (const EvaluationCell& cell : cells) {
        QJsonObject object = cellJson(cell);
        if (const auto verdict = PairwiseResults::verdict(baseline, cell)) {
            object.insert(QStringLiteral("versus"), PairwiseVerdicts::id(*verdict));
            object.insert(QStringLiteral("baseline"), baseline);
        }
        cellArray.append(object);
    }
    const auto suggestion = EvaluationSummary::cheapestPassing(summaries);
    QJsonObject result { { QStringLiteral("evaluation"), info.id },
                         { QStringLiteral("status"), EvaluationStatuses::id(info.status) },
                         { QStringLiteral("models"), models },
                         { QStringLiteral("cheapest"),
                           suggestion.model.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(suggestion.model) },
                         { QStringLiteral("best"), suggestion.best },
                         { QStringLiteral("cells"), cellArray } };
    if (!baseline.isEmpty()) {
        result.insert(QStringLiteral("baseline"), baseline);
    }
    return result;
}

QByteArray EvaluationExport::csv(const EvaluationInfo&, const QList<EvaluationCell>& cells)
{
    QString text
        = Csv::line({ QStringLiteral("prompt_id"), QStringLiteral("model"), QStringLiteral("state"),
                      QStringLiteral("outcome"), QStringLiteral("score"), QStringLiteral("reason"),
                      QStringLiteral("cost_usd"), QStringLiteral("judge_cost_usd"), QStringLiteral("latency_ms"),
                      QStringLiteral("answer"), QStringLiteral("tool_calls"), QStringLiteral("graders") });
    for (const EvaluationCell& cell : cells) {
        const bool done = cell.state == CellState::Done;
        text += Csv::line({ cell.promptId, cell.model, CellStates::id(cell.state),
                            done ? GradeOutcomes::id(cell.grade.outcome) : QString(),
                            cell.grade.score ? QString::number(*cell.grade.score) : QString(),
                            done ? cell.grade.reason : cell.error, plainMoney(cell.costUsd),
                            plainMoney(cell.judgeCostUsd), QString::number(cell.latencyMs), cell.answer,
                            compact(toolCalls(cell.toolCalls)), compact(GraderVerdict::toJson(cell.verdicts)) });
    }
    return text.toUtf8();
}

QByteArray EvaluationExport::jsonl(const EvaluationInfo&, const QList<EvaluationCell>& cells)
{
    QByteArray text;
    for (const EvaluationCell& cell : cells) {
        text += QJsonDocument(cellJson(cell)).toJson(QJsonDocument::Compact) + '\n';
    }
    return text;
}

QByteArray EvaluationExport::html(const EvaluationInfo& info, const QList<EvaluationCell>& cells)
{
    const QList<ModelSummary> summaries = EvaluationSummary::of(cells, info.models);
    auto cellAt = [&cells](int prompt, const QString& model) -> const EvaluationCell* {
        for (const EvaluationCell& cell : cells) {
            if (cell.promptIndex == prompt && cell.model == model) {
                return &cell;
            }
        }
        return nullptr;
    };
    QString html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                                  "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
                                  "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
                                  ".pass{background:#e6f4ea}.fail{background:#fce8e6}.error{background:#fef7e0}"
                                  "</style></head><body>\n")
                       .arg(tr("Evaluation %1: %2").arg(info.id).arg(info.name).toHtmlEscaped());
    html += QStringLiteral("<h1>%1</h1>\n").arg(tr("Evaluation %1: %2").arg(info.id).arg(info.name).toHtmlEscaped());
    html += QStringLiteral("<table>\n<tr><th>%1</th>").arg(tr("Prompt").toHtmlEscaped());
    for (const QString& model : info.models) {
        html += QStringLiteral("<th>%1</th>").arg(model.toHtmlEscaped());
    }
    html += QStringLiteral("</tr>\n");
    const auto& items = info.prompts.items();
    for (int p = 0; p < items.size(); ++p) {
        html += QStringLiteral("<tr><th>%1</th>").arg(items.at(p).id.toHtmlEscaped());
        for (const QString& model : info.models) {
            const EvaluationCell* cell = cellAt(p, model);
            if (!cell || cell->state != CellState::Done) {
                html += QStringLiteral("<td>%1</td>")
                            .arg((cell && cell->state == CellState::Failed ? tr("call failed: %1").arg(cell->error)
                                                                           : tr("not asked"))
                                     .toHtmlEscaped());
                continue;
            }
            QString verdict = cell->grade.passed()          ? tr("pass")
                : cell->grade.outcome == GradeOutcome::Fail ? tr("fail")
                                                            : tr("error");
            if (cell->grade.score) {
                verdict += QStringLiteral(" (%1)").arg(*cell->grade.score);
            }
            // Several graders: each one's verdict on a line of the title, and the failing ones in the cell.
            const QString title = cell->verdicts.isEmpty()
                ? cell->grade.reason
                : GraderVerdict::describe(cell->verdicts, QStringLiteral("\n"));
            if (cell->verdicts.size() > 1 && !cell->grade.passed()) {
                verdict += QStringLiteral(": ") + cell->grade.reason;
            }
            html += QStringLiteral("<td class=\"%1\" title=\"%2\">%3<br>%4 · %5</td>")
                        .arg(GradeOutcomes::id(cell->grade.outcome), title.toHtmlEscaped(), verdict.toHtmlEscaped(),
                             (cell->costUsd ? Money::format(*cell->costUsd) : tr("unpriced")).toHtmlEscaped(),
                             tr("%1 ms").arg(cell->latencyMs).toHtmlEscaped());
        }
        html += QStringLiteral("</tr>\n");
    }
    auto totalsRow = [&](const QString& label, const std::function<QString(const ModelSummary&)>& value) {
        html += QStringLiteral("<tr><th>%1</th>").arg(label.toHtmlEscaped());
        for (const ModelSummary& summary : summaries) {
            html += QStringLiteral("<td>%1</td>").arg(value(summary).toHtmlEscaped());
        }
        html += QStringLiteral("</tr>\n");
    };
    totalsRow(tr("Pass rate (95 % interval)"), [](const ModelSummary& s) {
        return QStringLiteral("%1 (%2 – %3)").arg(percent(s.passRate), percent(s.wilsonLow), percent(s.wilsonHigh));
    });
    totalsRow(tr("Cost"),
              [](const ModelSummary& s) { return s.unpricedCalls > 0 ? tr("unpriced") : Money::format(s.costUsd); });
    totalsRow(tr("Cost per pass"),
              [](const ModelSummary& s) { return s.costPerPass ? Money::format(*s.costPerPass) : tr("n/a"); });
    totalsRow(tr("Latency p50 / p95"),
              [](const ModelSummary& s) { return tr("%1 ms / %2 ms").arg(s.p50LatencyMs).arg(s.p95LatencyMs); });
    html += QStringLiteral("</table>\n");
    const auto suggestion = EvaluationSummary::cheapestPassing(summaries);
    html += QStringLiteral("<p>%1</p>\n</body></html>\n")
                .arg((suggestion.model.isEmpty()
                          ? suggestion.reason
                          : tr("Cheapest model that passes: %1. %2").arg(suggestion.model, suggestion.reason))
                         .toHtmlEscaped());
    return html.toUtf8();
}

QByteArray EvaluationExport::of(Format format, const EvaluationInfo& info, const QList<EvaluationCell>& cells)
{
    switch (format) {
    case Format::Csv:
        return csv(info, cells);
    case Format::Jsonl:
        return jsonl(info, cells);
    case Format::Html:
        return html(info, cells);
    }
    return {};
}

bool EvaluationExport::write(const QString& path, const EvaluationInfo& info, const QList<EvaluationCell>& cells,
                             QString* error)
{
    const auto format = formatOf(path);
    if (!format) {
        *error = tr("%1: unknown export format (expected .csv, .jsonl or .html)").arg(path);
        return false;
    }
    QSaveFile file(path);
    const QByteArray bytes = of(*format, info, cells);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
