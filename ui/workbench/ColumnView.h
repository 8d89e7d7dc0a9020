#pragma once

#include "core/workbench/BestValues.h"
#include "core/workbench/ColumnRun.h"
#include "ui/workbench/AnswerDocument.h"

#include <QFrame>
#include <QPointer>

class ElidedLabel;
class QLabel;
class QScrollBar;
class QTextBrowser;
class QTimer;
class QToolButton;

// One workbench column: model and provider, status, figures and the answer. It only adapts a
// ColumnRun: tokens are buffered and appended at the end of the document at most every 16 ms,
// so a token costs the same whether the answer has 10 lines or 10,000. The finished answer is
// rendered as Markdown.
class ColumnView : public QFrame
{
    Q_OBJECT

public:
    explicit ColumnView(ColumnRun* run, QWidget* parent = nullptr);

    ColumnRun* run() const { return m_run; }
    QScrollBar* answerScrollBar() const;
    QTextBrowser* answerView() const { return m_answer; }
    // The model's reasoning, folded away under its toggle until opened.
    QToolButton* reasoningToggle() const { return m_reasoningToggle; }
    QTextBrowser* reasoningView() const { return m_reasoning; }
    void setBest(const QSet<BestValues::Figure>& best);
    const QSet<BestValues::Figure>& best() const { return m_best; }
    // Re-reads model, provider and overrides (after the column's settings changed).
    void refreshHeader();
    // The figures under the header, left to right.
    enum class FigureId
    {
        FirstToken,
        Latency,
        Tokens,
        Speed,
        Cost,
    };
    // Text of a figure as shown, for tests and accessibility.
    QString figureText(FigureId figure) const;
    // The label showing a figure's value (its caption is the label above it).
    QLabel* figureLabel(FigureId figure) const;
    QString statusText() const;
    // Paints pending tokens now instead of at the next 16 ms tick.
    void flush();
    // Marks this column as the run's winner (after a vote).
    void setWinner(bool winner);
    bool isWinner() const { return m_winner; }
    // Marks this column as the one the conversation continues with.
    void setContinuing(bool continuing);
    // The tier, rule and failovers line of a routed column, as shown.
    QString routeText() const;
    // The tool calls as they stream ("Calling get_weather {"city": "Pa…"), empty when none or done.
    QString callingText() const;

signals:
    void rerunRequested();
    void settingsRequested();
    void removeRequested();
    void voteRequested();
    void continueRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Figure
    {
        QLabel* caption = nullptr;
        QLabel* value = nullptr;
    };

    QToolButton* toolButton(const QString& icon, const QString& toolTip);
    Figure addFigure(class FigureGridLayout* grid, FigureId id, const QString& caption);
    void onBegun();
    AnswerDocument::Context answerContext() const;
    void onTextAppended(const QString& delta);
    void onReasoningAppended(const QString& delta);
    void onTextDiscarded();
    void updateRoute();
    void onStateChanged();
    void updateFigures();
    void updateStatus();
    void renderFinal();
    void updateReasoning();
    void updateReasoningToggle();
    void copyAnswer();
    void applyStyle();

    QPointer<ColumnRun> m_run;
    ElidedLabel* m_model;
    ElidedLabel* m_provider;
    QLabel* m_status;
    QToolButton* m_rerun;
    QToolButton* m_copy;
    QToolButton* m_settings;
    QToolButton* m_remove;
    QToolButton* m_vote;
    QToolButton* m_continue;
    QLabel* m_route;
    QLabel* m_calling; // while streaming: the tool calls arriving, before the answer shows them checked
    bool m_winner = false;
    Figure m_ttft;
    Figure m_latency;
    Figure m_tokens;
    Figure m_rate;
    Figure m_cost;
    QFrame* m_errorBanner;
    QLabel* m_errorTitle;
    QLabel* m_errorMessage;
    QTextBrowser* m_answer;
    QToolButton* m_reasoningToggle;
    QTextBrowser* m_reasoning;
    QTimer* m_repaint;
    QString m_pending;
    bool m_reasoningDirty = false;
    bool m_toolCallsDirty = false;
    bool m_figuresDirty = false;
    bool m_applyingStyle = false;
    QSet<BestValues::Figure> m_best;
};
