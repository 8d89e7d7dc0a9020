#pragma once

#include "core/ledger/LedgerRecords.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

// "New evaluation set from selection...": the prompts of the history runs selected, written as a
// JSONL prompt set (HistorySet). The user picks whose answer, if any, becomes each prompt's
// expected answer, and the file. Nothing is written until OK.
class EvaluationSetDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationSetDialog)

public:
    // records: every row of the runs selected (each run's columns share a compare group).
    EvaluationSetDialog(const QList<RequestRecord>& records, const QString& suggestedPath, QWidget* parent = nullptr);
    ~EvaluationSetDialog() override;

    QComboBox* expectedFrom() const { return m_expected; }
    QLineEdit* path() const { return m_path; }
    // The set written on accept (empty before).
    QString writtenPath() const { return m_written; }
    QString errorText() const;

    void accept() override;

private:
    void browse();

    QList<RequestRecord> m_records;
    QComboBox* m_expected;
    QLineEdit* m_path;
    QLabel* m_error;
    QString m_written;
};
