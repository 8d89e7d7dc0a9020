#pragma once

#include <QHash>
#include <QList>
#include <QString>

// One row of a router training or scoring file (the format of tests/data/router-train/train.jsonl):
// {"id": "...", "prompt": "...", "source": "...", "scores": {"model-a": 1.0, "model-b": 0.0}}.
struct PromptRow
{
    QString id;
    QString prompt;
    QString source; // optional
    QHash<QString, double> scores; // optional; model key -> score
    int line = 0; // 1-based line in the file
};

// Reads a JSONL prompt file completely or not at all: the first row it cannot read (invalid
// JSON, not an object, missing or mistyped id/prompt/scores, a line longer than the limit) is
// the error, named "FILE:LINE: why", and no rows are returned. A huge line is refused after
// reading the limit, never loaded whole.
class PromptFile final
{
public:
    static constexpr qint64 kMaxLineBytes = 8 * 1024 * 1024;

    static PromptFile read(const QString& path, qint64 maxLineBytes = kMaxLineBytes);

    bool ok() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    const QList<PromptRow>& rows() const { return m_rows; }

    // The score keys every row has, sorted by name (the model pair of a training file).
    QStringList commonScoreKeys() const;
    double meanScore(const QString& key) const;

private:
    QList<PromptRow> m_rows;
    QString m_error;
};
