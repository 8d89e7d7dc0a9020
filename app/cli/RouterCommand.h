#pragma once

#include "app/cli/CliCommand.h"

// `switchyard router train FILE.jsonl [--weak KEY] [--strong KEY]`: trains the learned router
// (cross-validated, in a worker thread) and saves it as router.model in the home directory;
// prints the cross-validation curve and the chosen settings' APGR, CPT(50%), CPT(80%).
// `switchyard router train --votes --weak MODEL --strong MODEL [FILE.jsonl]`: also (or only) from
// the workbench's votes in the ledger: each voted comparison that had both models is a prompt the
// strong model won (strong 1, weak 0), the weak one won (1, 0) or that tied (1, 1).
// `switchyard router train --evaluation ID --weak MODEL --strong MODEL [FILE.jsonl]` (repeatable,
// with --votes too): every prompt of evaluation ID both models answered and had graded, a pass
// scored 1 and anything else 0.
// `switchyard router score FILE.jsonl`: one {"id": ..., "p_strong": ...} line per row with the
// saved router, or nothing at all when a row cannot be read.
// Exit codes: 0 done; 65 the file does not parse (the message names file:line); 1 no usable
// router (missing, damaged, another format version) or training failed; 64 bad usage.
class RouterCommand : public CliCommand
{
    Q_OBJECT

public:
    static constexpr int ExitUnparsable = 65;

    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;
    bool needsEngine() const override { return false; }

private:
    void train();
    void score();

    enum class Action
    {
        Train,
        Score,
    };
    Action m_action = Action::Train;
    QString m_file;
    QString m_weak;
    QString m_strong;
    bool m_votes = false;
    QList<qint64> m_evaluations;
};
