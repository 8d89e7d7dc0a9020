#pragma once

#include "core/workbench/ToolSet.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

// The tools a comparison offers every column: each with its name, description, parameters
// (JSON Schema) and OpenAI's `strict`, edited one by one or as OpenAI's `tools` JSON (pasted, or
// imported from a file). Save refuses a set that cannot be sent and says where it is wrong.
class ToolsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolsDialog)

public:
    explicit ToolsDialog(const ToolSet& tools, QWidget* parent = nullptr);

    // The saved set (after Save).
    const ToolSet& tools() const { return m_saved; }
    // What the dialog says is wrong, empty when nothing is.
    QString problemText() const;
    QTabWidget* tabs() const { return m_tabs; }
    QListWidget* toolList() const { return m_list; }
    QPlainTextEdit* jsonEdit() const { return m_json; }
    QLineEdit* nameEdit() const { return m_name; }
    QPlainTextEdit* parametersEdit() const { return m_parameters; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* importButton() const { return m_import; }
    // Reads a `tools` JSON file into the dialog; false (and the dialog says why) when it cannot.
    bool importFile(const QString& path);
    // Save: true and the set kept when it can be sent.
    bool save();

private:
    // One tool as typed: its parameters stay text until they parse.
    struct Draft
    {
        QString name;
        QString description;
        QString parameters;
        bool strict = false;
    };

    void setDrafts(const ToolSet& tools);
    void showDraft(int row);
    void keepDraft();
    void addTool();
    void removeTool();
    void chooseFile();
    void onTabChanged(int index);
    // Shows a tab without converting what the other one holds.
    void showTab(int index);
    // The set the current tab describes, or nullopt with *error naming the place.
    std::optional<ToolSet> current(QString* error);
    std::optional<ToolSet> fromDrafts(QString* error) const;
    void showProblem(const QString& problem);
    void recheck();

    QTabWidget* m_tabs;
    QListWidget* m_list;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_import;
    QLineEdit* m_name;
    QPlainTextEdit* m_description;
    QCheckBox* m_strict;
    QPlainTextEdit* m_parameters;
    QPlainTextEdit* m_json;
    QLabel* m_problem;
    QList<Draft> m_drafts;
    int m_shown = -1;
    int m_tab = 0;
    bool m_loading = false;
    ToolSet m_saved;
};
