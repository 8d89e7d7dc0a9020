#pragma once

#include "app/cli/CliCommand.h"
#include "core/batch/BatchJob.h"
#include "core/batch/BatchWire.h"

#include <memory>

class BatchClient;
class BatchStore;

// `switchyard batch submit FILE.jsonl --model M | status ID | results ID [--wait] | cancel ID |
// list`, each with [--json]: a provider's batch API (OpenAI's and Azure OpenAI's Batch API,
// Anthropic's Message Batches, Mistral's batch jobs, Gemini's Batch API) at about half the price, the jobs kept in the
// ledger so that status and results work from any later process, each result recorded once (source "batch", at the
// batch rates). A job holds its worst case at the batch rates in the ledger from its submit until its results are
// recorded (then its real cost counts) or it fails (released): every process's budgets count it.
// Exit codes: 0 done; 2 a refusing budget has no room for the batch's worst case at the batch
// rates (nothing sent); 75 the job has not finished yet (results without --wait); 65 the input
// file does not parse (FILE:LINE:COL named) or the provider failed the job; 64 bad usage (unknown
// model, a provider without a batch API, a model without batch prices); 1 other errors. Nothing
// is sent before the whole file and the model are checked.
class BatchCommand : public CliCommand
{
    Q_OBJECT

public:
    static constexpr int ExitOverBudget = 2;
    static constexpr int ExitUnparsable = 65;
    static constexpr int ExitNotFinished = 75;

    BatchCommand();
    ~BatchCommand() override;

    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    enum class Action
    {
        Submit,
        Status,
        Results,
        Cancel,
        List,
    };
    void submit(Engine& engine);
    void list();
    // Status and results: the job from the ledger, polled.
    void follow(Engine& engine);
    void statusReceived(Engine& engine, const BatchStatus& status);
    void resultsReceived(Engine& engine, const QList<BatchResult>& results);
    void printStatus(const BatchStatus& status);
    void finish(int exitCode);
    // Replaces the job's budget hold by what its results cost once the ledger has their rows.
    void settleHold(Engine& engine, double costUsd, int exitCode);

    Action m_action = Action::List;
    QString m_argument; // the file or the job id
    QString m_model;
    bool m_json = false;
    bool m_wait = false;
    int m_pollSeconds = 30;
    std::unique_ptr<BatchStore> m_store;
    BatchClient* m_client = nullptr;
    BatchJob m_job;
    qint64 m_holdId = 0; // submit: the ledger's hold for the job's worst case
};
