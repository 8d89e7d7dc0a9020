#pragma once

#include "app/cli/CliCommand.h"

// `switchyard explain [--json] [--tag T] PROMPT`: which rule fires, which tier and chain, and
// which models would be skipped right now and why. Sends nothing. `--model NAME` explains what a
// caller naming NAME gets instead (a group, tier, model or a wildcard that takes the name);
// `--body FILE` a gateway client's request body (its model, images, tools), as `serve` routes it.
class ExplainCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    QString m_prompt;
    QString m_bodyFile;
    bool m_anthropic = false;
    QStringList m_tags;
    QString m_model;
    bool m_json = false;
};
