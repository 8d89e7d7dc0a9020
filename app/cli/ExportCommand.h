#pragma once

#include "app/cli/CliCommand.h"

// `switchyard export litellm-config FILE`, `switchyard export portkey-config FILE` and
// `switchyard export history --format csv|jsonl FILE`. Files are written atomically; keys
// only ever appear as environment variable names.
class ExportCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;
    bool needsConfig() const override { return m_what != QLatin1String("history"); }

private:
    QString m_what;
    QString m_file;
    QString m_format;
};
