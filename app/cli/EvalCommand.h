#pragma once

#include "app/cli/CliCommand.h"
#include "core/evaluation/GraderSpec.h"

#include <QDateTime>

#include <memory>

class EvaluationRun;
class EvaluationStore;

// `switchyard eval run SET --models A,B,... [--grader KIND[:ARG]]... [--concurrency N] [--json]
// [--export FILE] [--tools FILE] [--resume ID]`: every prompt of SET (CSV, JSONL or promptfoo YAML) asked of
// every model through the engine, graded, kept in the ledger; prints the totals per model (pass
// rate with its 95 % interval, cost, cost per pass, p50/p95 latency) and the cheapest model that
// passes, or with --json one object. `--resume ID` asks the cells of evaluation ID not done yet.
// Exit codes: 0 every cell done; 2 some calls failed (resume asks them again); 65 the set does
// not parse (file:line named); 64 bad usage; 1 other errors.
//
// `switchyard eval import-history --since DATE [--until DATE] [--model M] [--limit N]
// [--answers-as-expected] --out SET.jsonl`: the history's prompts (every source but evaluations)
// written as a prompt set (HistorySet), newest first.
class EvalCommand : public CliCommand
{
    Q_OBJECT

public:
    static constexpr int ExitIncomplete = 2;
    static constexpr int ExitUnparsable = 65;

    EvalCommand();
    ~EvalCommand() override;

    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    bool parseImport(const QStringList& arguments);
    void runImport(Engine& engine);
    void report();

    QString m_set;
    QStringList m_models;
    QList<GraderSpec> m_graders;
    QString m_tools; // --tools FILE: offered by every prompt that offers none of its own
    int m_concurrency = 4;
    bool m_json = false;
    QString m_export;
    qint64 m_resume = 0;
    bool m_import = false;
    QDateTime m_since;
    QDateTime m_until;
    QString m_model;
    int m_limit = 1000;
    bool m_answersAsExpected = false;
    QString m_out;
    std::unique_ptr<EvaluationStore> m_store;
    EvaluationRun* m_run = nullptr;
};
