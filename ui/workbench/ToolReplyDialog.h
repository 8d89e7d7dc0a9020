#pragma once

#include "core/common/ProviderTypes.h"

#include <QDialog>
#include <QList>

class QPlainTextEdit;

// Answers a model's tool calls by hand: each call's name and arguments, and a box for what the
// tool returned. The column then carries on with the results (ComparisonRun::answerToolCalls).
class ToolReplyDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolReplyDialog)

public:
    // exec()'s answer when the user leaves the calls unanswered to type a follow-up question.
    static constexpr int AskInText = 2;

    ToolReplyDialog(const QString& modelName, const QList<ToolCall>& calls, QWidget* parent = nullptr);

    // One result per call, in the calls' order.
    QStringList results() const;
    QPlainTextEdit* resultEdit(int index) const { return m_results.value(index); }

private:
    QList<QPlainTextEdit*> m_results;
};
