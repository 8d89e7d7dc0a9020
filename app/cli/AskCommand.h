#pragma once

#include "app/cli/CliCommand.h"
#include "core/common/ProviderTypes.h"

// `switchyard ask --model M [--json] [--no-stream] PROMPT`: one model, answer streamed to stdout.
class AskCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    QString m_model;
    bool m_json = false;
    ChatRequest m_request;
};

// Options and prompt shared by ask and route; prints the error and returns false on bad usage.
bool parseChatOptions(const QString& command, const QStringList& arguments, ChatRequest& request, bool& json,
                      QString* model, QStringList* tags);
