#pragma once

#include "core/batch/BatchState.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

// A batch job as the ledger keeps it: enough to poll it and record its results after a restart.
struct BatchJob
{
    QString id; // the provider's id (batch_..., msgbatch_..., Gemini's without its "batches/")
    QString providerId;
    QString modelId; // Switchyard's model id
    QString upstreamModel;
    QString inputName; // the input file's name
    QList<std::pair<QString, QString>> prompts; // custom_id -> the prompt's text, in input order
    int requestCount = 0;
    BatchState state = BatchState::Validating;
    QDateTime submittedAt; // UTC
    QDateTime updatedAt; // the last status seen
    QDateTime recordedAt; // when its results went to the ledger; invalid: not yet

    QString promptOf(const QString& customId) const
    {
        for (const auto& [id, prompt] : prompts) {
            if (id == customId) {
                return prompt;
            }
        }
        return {};
    }
};
