#pragma once

#include "app/cli/CliCommand.h"

// `switchyard explain [--json] [--tag T] PROMPT`: which rule fires, which tier and chain, and
// which models would be skipped right now and why. Sends nothing. With --body FILE it explains a
// gateway client's request body instead (its model, images, tools), as `serve` would route it.
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
    bool m_json = false;
};
