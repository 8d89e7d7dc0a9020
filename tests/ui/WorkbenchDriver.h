#pragma once

#include "core/workbench/ColumnRun.h"
#include "core/workbench/ComparisonRun.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchView.h"

#include <QPlainTextEdit>
#include <QTest>

// Drives the workbench the way a user does, for the UI tests.
namespace WorkbenchDriver {
// Types the prompt into the editor and presses Ctrl+Enter.
inline void typeAndSend(WorkbenchView* workbench, const QString& prompt)
{
    QPlainTextEdit* edit = workbench->promptEditor()->promptEdit();
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, prompt);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
}

// Every column has run and none is still running.
inline bool allEnded(const WorkbenchView* workbench)
{
    for (const auto* column : workbench->comparison()->columns()) {
        if (column->isActive() || column->state() == ColumnState::Idle) {
            return false;
        }
    }
    return true;
}
} // namespace WorkbenchDriver
