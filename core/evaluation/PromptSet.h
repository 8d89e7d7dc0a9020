#pragma once

#include "core/evaluation/GraderSpec.h"
#include "core/evaluation/PromptTools.h"
#include "core/evaluation/ProviderTools.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QString>

// One prompt of an evaluation: what is sent, what a good answer is, and the graders of its own
// (used instead of the set's when given).
struct PromptItem
{
    QString id;
    QString prompt;
    QString expected; // may be empty
    QList<GraderSpec> graders;
    int line = 0; // 1-based line in the file it came from
    QString system; // the system prompt sent before it; may be empty
    PromptTools tools; // offered to every model; empty: none
    // Offered to one model instead (a promptfoo provider entry's config.tools, for a prompt with
    // no tools of its own): model name as evaluated -> its tools.
    QMap<QString, PromptTools> modelTools;

    const PromptTools& toolsFor(const QString& model) const
    {
        const auto it = modelTools.constFind(model);
        return it != modelTools.cend() ? *it : tools;
    }

    bool operator==(const PromptItem&) const = default;
};

// The prompts of an evaluation, read completely or not at all from
//   - CSV with a header: `prompt` and optionally `id`, `system`, `expected`, `grader` (KIND[:ARG], as
//     `--grader` takes it; further grader columns `grader2`, ...), `tools` and `tool_choice` (JSON);
//   - JSONL: {"id": ..., "prompt": ..., "system"?: ..., "expected"?: ..., "grader"?: "KIND[:ARG]" or
//     {"kind": ...}, "graders"?: [...], "tools"?: [...], "tool_choice"?: ...} one a line;
//   - a promptfoo-style YAML file (PromptfooFile): `prompts` templates, `tests` with `vars`/`assert`.
// The first thing it cannot read is the error, "FILE:LINE: what (field)", and no prompt is kept.
// A line longer than the limit is refused after reading the limit, never loaded whole.
class PromptSet final
{
    Q_DECLARE_TR_FUNCTIONS(PromptSet)

public:
    static constexpr qint64 kMaxLineBytes = 8 * 1024 * 1024;
    static constexpr qint64 kMaxFileBytes = 256 * 1024 * 1024;

    // By the file's suffix: .csv, .jsonl (or .ndjson), .yaml/.yml.
    static PromptSet read(const QString& path, qint64 maxLineBytes = kMaxLineBytes);
    static PromptSet readCsv(const QString& path, const QByteArray& content);
    static PromptSet readJsonl(const QString& path, const QByteArray& content);
    // The file's bytes, refused (error set) when a line or the whole file is over the limits.
    static QByteArray readBounded(const QString& path, qint64 maxLineBytes, QString* error);

    static PromptSet failed(const QString& error);
    static PromptSet of(QList<PromptItem> items);
    // The set with `tools` offered by every prompt that offers none of its own.
    PromptSet withTools(const PromptTools& tools) const;
    // The tools the file's provider entries offer (promptfoo `providers[].config.tools`), not yet
    // given to any model.
    PromptSet withProviderTools(QList<ProviderTools> entries) const;
    const QList<ProviderTools>& providerTools() const { return m_providerTools; }
    // Each provider entry's tools given to the model it names, for every prompt with no tools of its
    // own (ProviderTools::match: refused, nullopt with *error, when an entry names no model).
    std::optional<PromptSet> forModels(const QStringList& models, QString* error) const;

    bool ok() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    const QList<PromptItem>& items() const { return m_items; }
    int size() const { return int(m_items.size()); }

    // The form kept with an evaluation in the ledger, so a resumed run asks the same prompts.
    QJsonArray toJson() const;
    static PromptSet fromJson(const QJsonArray& array);

private:
    QList<PromptItem> m_items;
    QList<ProviderTools> m_providerTools;
    QString m_error;
};
