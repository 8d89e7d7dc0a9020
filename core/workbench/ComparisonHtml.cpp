#include "core/workbench/ComparisonHtml.h"

#include "core/workbench/BestValues.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace ComparisonHtml {

namespace {
// The export's strings, in ComparisonExport's context: translated once for every format.
QString exportText(const char* text)
{
    return QCoreApplication::translate("ComparisonExport", text);
}

// Answers are Markdown; core has no Markdown renderer, so keep paragraphs and fenced code blocks,
// which is what matters when reading answers side by side.
QString answerHtml(const QString& text)
{
    QString html;
    QString paragraph;
    bool inCode = false;
    auto flush = [&] {
        if (!paragraph.trimmed().isEmpty()) {
            html += QStringLiteral("<p>")
                + paragraph.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))
                + QStringLiteral("</p>\n");
        }
        paragraph.clear();
    };
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const auto& line : lines) {
        if (line.trimmed().startsWith(QLatin1String("```"))) {
            if (inCode) {
                html += QStringLiteral("</code></pre>\n");
            } else {
                flush();
                html += QStringLiteral("<pre><code>");
            }
            inCode = !inCode;
            continue;
        }
        if (inCode) {
            html += line.toHtmlEscaped() + QLatin1Char('\n');
        } else if (line.trimmed().isEmpty()) {
            flush();
        } else {
            paragraph += line + QLatin1Char('\n');
        }
    }
    if (inCode) {
        html += QStringLiteral("</code></pre>\n");
    }
    flush();
    return html;
}

// Reasoning folded away (it can be long), tool calls as name and arguments; everything escaped.
QString extrasHtml(const ColumnSnapshot& c)
{
    QString html;
    if (!c.reasoning.isEmpty()) {
        html += QStringLiteral("<details class=\"reasoning\"><summary>%1</summary>\n%2</details>\n")
                    .arg(exportText("Reasoning").toHtmlEscaped(), answerHtml(c.reasoning));
    }
    if (!c.toolCalls.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>\n").arg(exportText("Tool calls").toHtmlEscaped());
        for (const ToolCall& call : c.toolCalls) {
            html += QStringLiteral("<p><code>%1</code></p><pre><code>%2</code></pre>\n")
                        .arg(call.name.toHtmlEscaped(), prettyArguments(call.arguments).toHtmlEscaped());
        }
    }
    return html;
}

QString filesHtml(const QList<Attachment>& attachments)
{
    QStringList files;
    for (const Attachment& attachment : attachments) {
        files << QStringLiteral("<code>%1</code> (%2)")
                     .arg(attachment.fileName.toHtmlEscaped(), attachment.describe().toHtmlEscaped());
    }
    return exportText("Attached: %1").arg(files.join(QStringLiteral(", ")));
}

// The conversation before the answer, turn by turn, muted: questions with their files, answers
// with their tool calls and the results sent back.
QString exchangeHtml(const ColumnSnapshot& c)
{
    const ColumnExchange& exchange = c.exchange;
    QString html;
    for (qsizetype i = 0; i < exchange.earlier.size(); ++i) {
        const ConversationTurn& turn = exchange.earlier[i];
        html += QStringLiteral("<div class=\"turn\"><h3>%1</h3>\n")
                    .arg(exportText("Turn %1").arg(i + 1).toHtmlEscaped());
        if (!turn.question.isEmpty()) {
            html += QStringLiteral("<blockquote>%1</blockquote>\n").arg(turn.question.toHtmlEscaped());
        }
        if (!turn.attachments.isEmpty()) {
            html += QStringLiteral("<p>%1</p>\n").arg(filesHtml(turn.attachments));
        }
        html += answerHtml(turn.answer);
        for (const ToolCall& call : turn.toolCalls) {
            html += QStringLiteral("<p><code>%1</code></p><pre><code>%2</code></pre>\n")
                        .arg(call.name.toHtmlEscaped(), prettyArguments(call.arguments).toHtmlEscaped());
        }
        if (turn.answered()) {
            html += QStringLiteral("<p><em>%1</em></p><ul>\n").arg(exportText("Tool results sent").toHtmlEscaped());
            for (qsizetype r = 0; r < turn.toolCalls.size(); ++r) {
                html += QStringLiteral("<li><code>%1</code>: %2</li>\n")
                            .arg(turn.toolCalls[r].name.toHtmlEscaped(), turn.toolResults.value(r).toHtmlEscaped());
            }
            html += QStringLiteral("</ul>\n");
        }
        html += QStringLiteral("</div>\n");
    }
    if (!exchange.earlier.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>\n")
                    .arg(exportText("Turn %1").arg(exchange.earlier.size() + 1).toHtmlEscaped());
        if (!exchange.question.isEmpty()) {
            html += QStringLiteral("<blockquote>%1</blockquote>\n").arg(exchange.question.toHtmlEscaped());
        }
        if (!exchange.attachments.isEmpty()) {
            html += QStringLiteral("<p>%1</p>\n").arg(filesHtml(exchange.attachments));
        }
    }
    return html;
}

const char* styleSheet()
{
    return R"(:root{color-scheme:light dark;--fg:#1d1f23;--muted:#666c75;--bg:#fff;--card:#f6f7f9;--line:#dfe2e6;--best:#1a7f37;--bad:#c62828}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8eb;--muted:#9aa1ab;--bg:#17191c;--card:#202328;--line:#33373d;--best:#4ac26b;--bad:#ff6b6b}}
body{font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:2rem auto;max-width:1400px;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .25rem}.meta{color:var(--muted);margin:0 0 1.5rem}
blockquote{margin:0 0 1rem;padding:.5rem 1rem;background:var(--card);border-left:3px solid var(--line);white-space:pre-wrap}
table{border-collapse:collapse;width:100%;margin:1rem 0 2rem}th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:right}
th:first-child,td:first-child,th:nth-child(2),td:nth-child(2){text-align:left}th{color:var(--muted);font-weight:600}
.best{color:var(--best);font-weight:700}.failed{color:var(--bad)}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem}
.column{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;overflow:auto}
.column h2{font-size:1rem;margin:0}.turn{color:var(--muted)}.column h3{font-size:.95rem;margin:1rem 0 .25rem}.reasoning{color:var(--muted);margin:.5rem 0}.column .provider{color:var(--muted);font-size:.9rem;margin-bottom:.5rem}
pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.6rem;overflow:auto}code{font-family:ui-monospace,monospace;font-size:.9em})";
}
} // namespace

QString prettyArguments(const QString& arguments)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(arguments.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || document.isNull()) {
        return arguments;
    }
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

QByteArray page(const ComparisonSnapshot& snapshot)
{
    QList<BestValues::Candidate> candidates;
    for (const auto& column : snapshot.columns) {
        candidates.append({ column.figures, column.state == ColumnState::Done });
    }
    const BestValues best = BestValues::compute(candidates);
    auto cell = [&](int i, BestValues::Figure figure, const QString& text) {
        return best.isBest(i, figure) ? QStringLiteral("<td class=\"best\">%1</td>").arg(text.toHtmlEscaped())
                                      : QStringLiteral("<td>%1</td>").arg(text.toHtmlEscaped());
    };

    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                           "content=\"width=device-width,initial-scale=1\">\n<title>%1</title>\n<style>%2</style>\n"
                           "</head><body>\n")
                .arg(exportText("Switchyard comparison").toHtmlEscaped(), QString::fromUtf8(styleSheet()));
    html += QStringLiteral("<h1>%1</h1>\n").arg(exportText("Switchyard comparison").toHtmlEscaped());
    if (snapshot.startedAt.isValid()) {
        html += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(snapshot.startedAt.toString(Qt::ISODate));
    }
    if (!snapshot.prompt.systemPrompt.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><blockquote>%2</blockquote>\n")
                    .arg(exportText("System prompt").toHtmlEscaped(), snapshot.prompt.systemPrompt.toHtmlEscaped());
    }
    html += QStringLiteral("<h3>%1</h3><blockquote>%2</blockquote>\n")
                .arg(exportText("Prompt").toHtmlEscaped(), snapshot.prompt.prompt.toHtmlEscaped());
    if (!snapshot.prompt.attachments.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>\n").arg(exportText("Attached").toHtmlEscaped());
        for (const Attachment& attachment : snapshot.prompt.attachments) {
            html += QStringLiteral("<li><code>%1</code> (%2)</li>\n")
                        .arg(attachment.fileName.toHtmlEscaped(), attachment.describe().toHtmlEscaped());
        }
        html += QStringLiteral("</ul>\n");
    }

    html += QStringLiteral("<table>\n<tr>");
    for (const QString& header :
         { exportText("Model"), exportText("Provider"), exportText("Status"), exportText("First token"),
           exportText("Latency"), exportText("Tokens in / out"), exportText("Tokens/s"), exportText("Cost") }) {
        html += QStringLiteral("<th>%1</th>").arg(header.toHtmlEscaped());
    }
    html += QStringLiteral("</tr>\n");
    for (int i = 0; i < snapshot.columns.size(); ++i) {
        const auto& c = snapshot.columns[i];
        const auto& f = c.figures;
        const QString status = c.statusText.isEmpty() ? ColumnStates::displayName(c.state) : c.statusText;
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td%3>%4</td>")
                    .arg(c.modelId.toHtmlEscaped(), c.providerName.toHtmlEscaped(),
                         c.state == ColumnState::Failed ? QStringLiteral(" class=\"failed\"") : QString(),
                         status.toHtmlEscaped());
        html += cell(i, BestValues::TimeToFirstToken, FigureFormat::milliseconds(f.ttftMs));
        html += cell(i, BestValues::Latency, FigureFormat::milliseconds(f.latencyMs));
        html += QStringLiteral("<td>%1 / %2</td>")
                    .arg(FigureFormat::tokens(f.usage.promptTokens, f.usage.estimated),
                         FigureFormat::tokens(f.usage.completionTokens, f.usage.estimated));
        html += cell(i, BestValues::TokensPerSecond, FigureFormat::tokensPerSecond(f.tokensPerSecond));
        html += cell(i, BestValues::Cost, FigureFormat::cost(f));
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n<div class=\"columns\">\n");
    for (const auto& c : snapshot.columns) {
        html += QStringLiteral("<section class=\"column\"><h2>%1</h2><div class=\"provider\">%2</div>\n")
                    .arg(c.modelId.toHtmlEscaped(), c.providerName.toHtmlEscaped());
        if (!c.note.isEmpty()) {
            html += QStringLiteral("<div class=\"provider\">%1</div>\n").arg(c.note.toHtmlEscaped());
        }
        if (c.state == ColumnState::Failed) {
            html += QStringLiteral("<p class=\"failed\">%1</p>\n")
                        .arg((c.statusText + QStringLiteral(": ") + c.error.message).toHtmlEscaped());
        }
        html += exchangeHtml(c) + answerHtml(c.text) + extrasHtml(c) + QStringLiteral("</section>\n");
    }
    html += QStringLiteral("</div>\n</body></html>\n");
    return html.toUtf8();
}

} // namespace ComparisonHtml
