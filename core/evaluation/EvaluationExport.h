#pragma once

#include "core/evaluation/EvaluationStore.h"
#include "core/evaluation/EvaluationSummary.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// An evaluation's results as files: CSV and JSONL one cell a row (money as plain numbers), HTML
// the matrix (rows prompts, columns models) with the totals per model and the suggestion (money
// through Money::format). The JSON object is what `eval run --json` prints.
class EvaluationExport final
{
    Q_DECLARE_TR_FUNCTIONS(EvaluationExport)

public:
    enum class Format
    {
        Csv,
        Jsonl,
        Html,
    };
    // By the file's suffix (.csv, .jsonl, .html/.htm).
    static std::optional<Format> formatOf(const QString& path);

    static QByteArray csv(const EvaluationInfo& info, const QList<EvaluationCell>& cells);
    static QByteArray jsonl(const EvaluationInfo& info, const QList<EvaluationCell>& cells);
    static QByteArray html(const EvaluationInfo& info, const QList<EvaluationCell>& cells);
    static QByteArray of(Format format, const EvaluationInfo& info, const QList<EvaluationCell>& cells);
    // Writes atomically; false with the reason.
    static bool write(const QString& path, const EvaluationInfo& info, const QList<EvaluationCell>& cells,
                      QString* error);

    static QJsonObject cellJson(const EvaluationCell& cell);
    static QJsonObject summaryJson(const ModelSummary& summary);
    // {"evaluation", "status", "models": [summaries], "cheapest", "cells": [...]}
    static QJsonObject resultJson(const EvaluationInfo& info, const QList<EvaluationCell>& cells);
};
