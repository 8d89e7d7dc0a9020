#pragma once

#include "core/common/ProviderTypes.h"

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableView;
class ReconcileModel;

// "Reconcile with invoice...": pick a provider's usage or cost export, see it next to the
// ledger per day x model with drift above the threshold and missing rows highlighted. Reading
// and comparing is core's (InvoiceReader, Reconciler); this only shows the result.
class ReconcileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconcileDialog)

public:
    struct Sources
    {
        QString ledgerPath;
        QList<ProviderConfig> providers; // which ledger providers a provider's bill covers
        QList<ModelConfig> models; // Switchyard ids -> upstream model names
    };

    explicit ReconcileDialog(const Sources& sources, QWidget* parent = nullptr);

    // Reads the export and compares it; false (and errorText()) when it cannot be read.
    bool openFile(const QString& path);
    void setThresholdPercent(double percent);

    ReconcileModel* model() const { return m_model; }
    QString summaryText() const;
    QString errorText() const;

public slots:
    // Asks for a file (FileDialogs, so tests can answer) and opens it.
    void chooseFile();

private:
    void compare();

    Sources m_sources;
    QString m_path;
    QLineEdit* m_fileEdit;
    QDoubleSpinBox* m_threshold;
    QLabel* m_summary;
    QLabel* m_error;
    QTableView* m_table;
    ReconcileModel* m_model;
};
