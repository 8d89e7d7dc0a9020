#pragma once

#include "core/workbench/ColumnSpec.h"
#include "core/workbench/ModelCatalog.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QPlainTextEdit;
class QSpinBox;

// A column's model and its overrides of the shared temperature, max tokens and system prompt.
class ColumnSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    ColumnSettingsDialog(const ModelCatalog& catalog, const ColumnSpec& spec, QWidget* parent = nullptr);

    ColumnSpec spec() const;

private:
    QComboBox* m_model;
    QCheckBox* m_overrideTemperature;
    QDoubleSpinBox* m_temperature;
    QCheckBox* m_overrideMaxTokens;
    QSpinBox* m_maxTokens;
    QComboBox* m_effort;
    QCheckBox* m_overrideSystem;
    QPlainTextEdit* m_system;
};
