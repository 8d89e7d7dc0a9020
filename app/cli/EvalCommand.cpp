#include "app/cli/EvalCommand.h"

#include "app/cli/Console.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/evaluation/EvaluationExport.h"
#include "core/evaluation/EvaluationPlan.h"
#include "core/evaluation/EvaluationRun.h"
#include "core/evaluation/EvaluationSummary.h"
#include "core/evaluation/HistorySet.h"
#include "core/evaluation/PairwiseResults.h"
#include "core/ledger/LedgerQueries.h"

#include <QCommandLineParser>

namespace {
QString percent(double share)
{
    return QStringLiteral("%1%").arg(share * 100.0, 0, 'f', 1);
}

QString padded(const QString& text, int width)
{
    return text.leftJustified(width) + QLatin1Char(' ');
}
} // namespace

EvalCommand::EvalCommand() = default;
EvalCommand::~EvalCommand() = default;

bool EvalCommand::parseImport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Write the prompts of the history as a prompt set (JSONL) to evaluate."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("import-history"), QStringLiteral("import-history"));
    const QCommandLineOption since(QStringLiteral("since"), tr("Requests from this date on (YYYY-MM-DD, UTC)."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption until(QStringLiteral("until"), tr("Requests up to and including this date."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption model(QStringLiteral("model"), tr("Only requests a model answered (its id or name)."),
                                   QStringLiteral("M"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most N prompts, the newest (default 1000)."),
                                   QStringLiteral("N"));
    const QCommandLineOption answers(QStringLiteral("answers-as-expected"),
                                     tr("Write each request's answer as the prompt's expected answer."));
    const QCommandLineOption out(QStringLiteral("out"), tr("The prompt set to write (.jsonl)."),
                                 QStringLiteral("FILE"));
    parser.addOptions({ since, until, model, limit, answers, out });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard eval"), arguments)) {
        return false;
    }
    const QString usage = tr("usage: switchyard eval import-history --since DATE [--until DATE] [--model M] "
                             "[--limit N] [--answers-as-expected] --out SET.jsonl");
    if (parser.positionalArguments() != QStringList { QStringLiteral("import-history") } || !parser.isSet(since)
        || !parser.isSet(out)) {
        Console::fail(usage, 64);
        return false;
    }
    auto day = [](const QString& text) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    };
    m_since = day(parser.value(since));
    if (!m_since.isValid()) {
        Console::fail(tr("--since needs a date as YYYY-MM-DD, not \"%1\"").arg(parser.value(since)), 64);
        return false;
    }
    if (parser.isSet(until)) {
        m_until = day(parser.value(until)).addDays(1);
        if (!m_until.isValid()) {
            Console::fail(tr("--until needs a date as YYYY-MM-DD, not \"%1\"").arg(parser.value(until)), 64);
            return false;
        }
    }
    if (parser.isSet(limit)) {
        bool ok = false;
        m_limit = parser.value(limit).toInt(&ok);
        if (!ok || m_limit < 1) {
            Console::fail(tr("--limit needs a number of 1 or more"), 64);
            return false;
        }
    }
    m_out = parser.value(out);
    if (!m_out.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)) {
        Console::fail(tr("--out %1: the set is written as JSONL; name a .jsonl file").arg(m_out), 64);
        return false;
    }
    m_model = parser.value(model);
    m_answersAsExpected = parser.isSet(answers);
    m_import = true;
    return true;
}

void EvalCommand::runImport(Engine& engine)
{
    if (engine.ledgerPath().isEmpty()) {
        emit done(Console::fail(tr("the ledger is not open; the history is kept there")));
        return;
    }
    LedgerFilter filter;
    filter.from = m_since;
    filter.until = m_until;
    for (RequestSource source : RequestSources::all()) {
        if (source != RequestSource::Evaluation) { // an evaluation's own calls are no history to ask again
            filter.sources.append(RequestSources::id(source));
        }
    }
    if (!m_model.isEmpty()) {
        const ModelConfig* model = engine.resolveModel(m_model, nullptr);
        filter.models = { model ? model->id : m_model };
    }
    LedgerQueries queries(engine.ledgerPath());
    // Repeated prompts are left out, so more rows than the limit are read to fill it.
    const QList<RequestRecord> rows = queries.requests(filter, m_limit * 4);
    if (!queries.errorString().isEmpty()) {
        emit done(Console::fail(tr("cannot read the ledger: %1").arg(queries.errorString())));
        return;
    }
    HistorySet::Result set = HistorySet::of(rows, m_answersAsExpected);
    if (set.written > m_limit) {
        const QList<QByteArray> lines = set.jsonl.split('\n');
        set.jsonl = lines.mid(0, m_limit).join('\n') + '\n';
        set.written = m_limit;
    }
    if (set.written == 0) {
        emit done(Console::fail(tr("no prompt in the history matches (%1)").arg(HistorySet::describe(set))));
        return;
    }
    QString error;
    if (!HistorySet::save(m_out, set.jsonl, &error)) {
        emit done(Console::fail(error));
        return;
    }
    Console::err(tr("%1: %2").arg(m_out, HistorySet::describe(set)) + QLatin1Char('\n'));
    emit done(0);
}

bool EvalCommand::parse(const QStringList& arguments)
{
    for (const QString& argument : arguments) {
        if (!argument.startsWith(u'-')) { // the action
            if (argument == QLatin1String("import-history")) {
                return parseImport(arguments);
            }
            break;
        }
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run a batch evaluation: every prompt of SET (CSV, JSONL or promptfoo YAML) asked of every model, "
           "graded, and kept in the ledger."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("run, or import-history (see its --help)"),
                                 QStringLiteral("run"));
    parser.addPositionalArgument(QStringLiteral("SET"), tr("The prompt set file."), QStringLiteral("SET"));
    const QCommandLineOption models(QStringLiteral("models"), tr("The models to evaluate, comma-separated."),
                                    QStringLiteral("A,B,..."));
    const QCommandLineOption grader(QStringLiteral("grader"),
                                    tr("A grader for the prompts that name none (repeatable): equals[:TEXT], "
                                       "contains[:TEXT], regex:PATTERN, json-valid, json-schema-valid:SCHEMA, "
                                       "numeric[:TOLERANCE], tool-call:NAME, llm-judge:MODEL[:THRESHOLD], "
                                       "llm-pairwise:JUDGE[:BASELINE]. "
                                       "Default: contains the expected answer."),
                                    QStringLiteral("KIND[:ARG]"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         tr("Cells in flight at once (default 4); each provider's own limit applies "
                                            "too."),
                                         QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the results as one JSON object."));
    const QCommandLineOption exportTo(QStringLiteral("export"),
                                      tr("Also write the results to FILE (.csv, .jsonl or .html)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption resume(QStringLiteral("resume"), tr("Ask the cells of evaluation ID not done yet."),
                                    QStringLiteral("ID"));
    const QCommandLineOption tools(QStringLiteral("tools"),
                                   tr("Offer the tools in FILE (OpenAI's tools list, or an object with \"tools\" and "
                                      "\"tool_choice\") with every prompt that offers none of its own."),
                                   QStringLiteral("FILE"));
    parser.addOptions({ models, grader, concurrency, json, exportTo, resume, tools });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard eval"), arguments)) {
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    const bool resuming = parser.isSet(resume);
    if (positional.isEmpty() || positional.first() != QLatin1String("run") || positional.size() > 2
        || (positional.size() != 2 && !resuming)) {
        Console::fail(tr("usage: switchyard eval run SET --models A,B,... [--grader KIND[:ARG]] [--concurrency N] "
                         "[--json] [--export FILE] [--tools FILE] [--resume ID]"),
                      64);
        return false;
    }
    m_set = positional.value(1);
    for (const QString& model : parser.value(models).split(u',', Qt::SkipEmptyParts)) {
        if (!m_models.contains(model.trimmed())) {
            m_models.append(model.trimmed());
        }
    }
    if (m_models.isEmpty() && !resuming) {
        Console::fail(tr("--models is required"), 64);
        return false;
    }
    for (const QString& text : parser.values(grader)) {
        QString error;
        const auto spec = GraderSpec::parse(text, &error);
        if (!spec) {
            Console::fail(tr("--grader %1: %2").arg(text, error), 64);
            return false;
        }
        m_graders.append(*spec);
    }
    if (parser.isSet(concurrency)) {
        bool ok = false;
        m_concurrency = parser.value(concurrency).toInt(&ok);
        if (!ok || m_concurrency < 1 || m_concurrency > 64) {
            Console::fail(tr("--concurrency needs a number from 1 to 64"), 64);
            return false;
        }
    }
    if (resuming) {
        bool ok = false;
        m_resume = parser.value(resume).toLongLong(&ok);
        if (!ok || m_resume <= 0) {
            Console::fail(tr("--resume needs an evaluation id"), 64);
            return false;
        }
        if (!m_set.isEmpty() || !m_models.isEmpty() || !m_graders.isEmpty() || parser.isSet(tools)) {
            Console::fail(tr("--resume takes the prompts, models, graders and tools the evaluation started with; "
                             "give no SET, --models, --grader or --tools"),
                          64);
            return false;
        }
    }
    m_tools = parser.value(tools);
    m_json = parser.isSet(json);
    m_export = parser.value(exportTo);
    if (!m_export.isEmpty() && !EvaluationExport::formatOf(m_export)) {
        Console::fail(tr("--export %1: expected a .csv, .jsonl or .html file").arg(m_export), 64);
        return false;
    }
    return true;
}

void EvalCommand::run(Engine& engine)
{
    if (m_import) {
        runImport(engine);
        return;
    }
    if (!engine.ledger()) {
        emit done(Console::fail(tr("the ledger is not open; an evaluation keeps its results there")));
        return;
    }
    EvaluationInfo info;
    if (m_resume == 0) {
        QString error;
        const PromptSet prompts = PromptSet::read(m_set);
        if (prompts.ok() && !prompts.forModels(m_models, &error)) {
            // A promptfoo provider entry whose tools would go to no model: the file's fault.
            emit done(Console::fail(error, ExitUnparsable));
            return;
        }
        PromptTools offered;
        if (!m_tools.isEmpty() && prompts.ok()) {
            const auto read = PromptTools::readFile(m_tools, &error);
            if (!read) {
                emit done(Console::fail(error, ExitUnparsable));
                return;
            }
            offered = *read;
        }
        const auto planned = EvaluationPlan::of(m_set, prompts, m_graders, m_models, &error, offered);
        if (!planned) {
            // A prompt that nothing grades: the set can name its grader here.
            emit done(Console::fail(prompts.ok() ? tr("%1 with --grader").arg(error) : error, ExitUnparsable));
            return;
        }
        info = *planned;
    }
    m_store = std::make_unique<EvaluationStore>(engine.ledgerPath());
    QString error;
    if (!m_store->open(&error)) {
        emit done(Console::fail(tr("cannot open the ledger: %1").arg(error)));
        return;
    }
    m_run = new EvaluationRun(engine, *m_store, this);
    m_run->setConcurrency(m_concurrency);
    connect(m_run, &EvaluationRun::cellFinished, this, [this](int index) {
        const EvaluationCell& cell = m_run->cells().at(index);
        const QString verdict = cell.state == CellState::Failed ? tr("call failed: %1").arg(cell.error)
            : cell.grade.passed()                               ? tr("pass")
            : cell.grade.outcome == GradeOutcome::Fail          ? tr("fail: %1").arg(cell.grade.reason)
                                                                : tr("error: %1").arg(cell.grade.reason);
        Console::err(tr("[%1/%2] %3 x %4: %5")
                         .arg(m_run->doneCount())
                         .arg(m_run->cells().size())
                         .arg(cell.promptId, cell.model, verdict)
                     + QLatin1Char('\n'));
    });
    connect(m_run, &EvaluationRun::storeFailed, this, [](const QString& message) {
        Console::err(tr("the ledger did not take a cell: %1").arg(message) + QLatin1Char('\n'));
    });
    connect(m_run, &EvaluationRun::finished, this, &EvalCommand::report);
    const bool started = m_resume == 0 ? m_run->start(info, &error) : m_run->resumeEvaluation(m_resume, &error);
    if (!started) {
        emit done(Console::fail(error));
        return;
    }
    if (!m_json) {
        Console::err(tr("Evaluation %1: %2 prompts x %3 models")
                         .arg(m_run->evaluationId())
                         .arg(m_run->info().prompts.size())
                         .arg(m_run->info().models.size())
                     + QLatin1Char('\n') + EvaluationPlan::describeGraders(m_run->info()) + QLatin1Char('\n'));
    }
}

void EvalCommand::report()
{
    const EvaluationInfo& info = m_run->info();
    const QList<EvaluationCell>& cells = m_run->cells();
    if (!m_export.isEmpty()) {
        QString error;
        if (!EvaluationExport::write(m_export, info, cells, &error)) {
            emit done(Console::fail(error));
            return;
        }
    }
    const QList<ModelSummary> summaries = EvaluationSummary::of(cells, info.models);
    const auto suggestion = EvaluationSummary::cheapestPassing(summaries);
    if (m_json) {
        Console::printJson(EvaluationExport::resultJson(info, cells));
    } else {
        int width = int(tr("model").size());
        for (const QString& model : info.models) {
            width = qMax(width, int(model.size()));
        }
        Console::out(padded(tr("model"), width) + padded(tr("pass rate"), 10) + padded(tr("95% interval"), 14)
                     + padded(tr("cost"), 12) + padded(tr("per pass"), 12) + padded(tr("p50"), 9) + tr("p95")
                     + QLatin1Char('\n'));
        for (const ModelSummary& s : summaries) {
            Console::out(padded(s.model, width) + padded(percent(s.passRate), 10)
                         + padded(percent(s.wilsonLow) + QLatin1Char('-') + percent(s.wilsonHigh), 14)
                         + padded(s.unpricedCalls > 0 ? tr("unpriced") : Money::format(s.costUsd), 12)
                         + padded(s.costPerPass ? Money::format(*s.costPerPass) : tr("n/a"), 12)
                         + padded(tr("%1 ms").arg(s.p50LatencyMs), 9) + tr("%1 ms").arg(s.p95LatencyMs)
                         + QLatin1Char('\n'));
        }
        const QString baseline = PairwiseResults::baseline(info);
        for (const QString& model : info.models) {
            if (!baseline.isEmpty() && model != baseline) {
                const PairwiseResults::Tally tally = PairwiseResults::tally(baseline, cells, model);
                Console::out(tr("%1 against %2: %3 won, %4 tied, %5 lost")
                                 .arg(model, baseline)
                                 .arg(tally.wins)
                                 .arg(tally.ties)
                                 .arg(tally.losses)
                             + QLatin1Char('\n'));
            }
        }
        Console::out(suggestion.model.isEmpty()
                         ? suggestion.reason + QLatin1Char('\n')
                         : tr("Cheapest model that passes: %1. %2").arg(suggestion.model, suggestion.reason)
                             + QLatin1Char('\n'));
    }
    if (info.status != EvaluationStatus::Complete) {
        const int notDone = int(cells.size()) - m_run->doneCount();
        emit done(Console::fail(
            tr("%n cell(s) not done; ask them with: switchyard eval run --resume %1", nullptr, notDone).arg(info.id),
            ExitIncomplete));
        return;
    }
    emit done(0);
}
