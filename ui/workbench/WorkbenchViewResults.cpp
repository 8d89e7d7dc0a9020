#include "ui/workbench/WorkbenchView.h"

#include "core/common/Money.h"
#include "core/common/RequestSettings.h"
#include "core/workbench/ComparisonExport.h"
#include "ui/common/FileDialogs.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/DiffDialog.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>

// The workbench's reading of a run: best values, the summary line, synchronised scrolling,
// votes, exports and the word diff (WorkbenchView.cpp builds the view and runs the columns).

void WorkbenchView::updateBestValues()
{
    QList<BestValues::Candidate> candidates;
    for (const auto* column : m_run->columns()) {
        candidates.append({ column->figures(), column->state() == ColumnState::Done && m_run->isInCurrentRun(column) });
    }
    const BestValues best = BestValues::compute(candidates);
    const auto views = columnViews();
    for (int i = 0; i < views.size(); ++i) {
        QSet<BestValues::Figure> marks;
        for (auto figure :
             { BestValues::TimeToFirstToken, BestValues::Latency, BestValues::TokensPerSecond, BestValues::Cost }) {
            if (best.isBest(i, figure)) {
                marks.insert(figure);
            }
        }
        views[i]->setBest(marks);
    }
}

void WorkbenchView::updateSummary()
{
    const auto& columns = m_run->columns();
    if (columns.isEmpty()) {
        m_summary->clear();
        return;
    }
    int active = 0;
    int done = 0;
    int failed = 0;
    int stopped = 0;
    double cost = 0;
    bool anyCost = false;
    bool estimated = false;
    for (const auto* column : columns) {
        active += column->isActive();
        done += column->state() == ColumnState::Done;
        failed += column->state() == ColumnState::Failed;
        // Stopped by the user (with or without text so far), or cut off at max tokens: ended unfinished.
        stopped += column->state() == ColumnState::Incomplete || column->state() == ColumnState::Cancelled;
        if (column->figures().costUsd) {
            cost += *column->figures().costUsd;
            anyCost = true;
            estimated = estimated || (column->figures().costEstimated && *column->figures().costUsd > 0);
        }
    }
    QStringList parts { tr("%n column(s)", nullptr, int(columns.size())) };
    if (active > 0) {
        parts.append(tr("%1 answering").arg(active));
    } else if (done + failed + stopped > 0) {
        parts.append(tr("%1 done").arg(done));
        if (stopped > 0) {
            parts.append(tr("%1 stopped").arg(stopped));
        }
        if (failed > 0) {
            parts.append(tr("%1 failed").arg(failed));
        }
        if (anyCost) {
            // "~" as in the columns: a stopped answer is charged for what was generated, estimated.
            parts.append(tr("total %1").arg((estimated ? QStringLiteral("~") : QString()) + Money::format(cost)));
        }
    }
    m_summary->setText(parts.join(QStringLiteral(" \u00b7 ")));
    m_summary->setToolTip(estimated ? tr("Includes estimated costs (~) of answers that did not finish") : QString());
    m_diff->setEnabled(columns.size() >= 2);
}

void WorkbenchView::syncScroll(QScrollBar* source)
{
    if (!m_syncScroll->isChecked() || m_syncing) {
        return;
    }
    m_syncing = true;
    const double ratio = source->maximum() > 0 ? double(source->value()) / source->maximum() : 0.0;
    for (ColumnView* view : columnViews()) {
        QScrollBar* bar = view->answerScrollBar();
        if (bar != source) {
            bar->setValue(qRound(ratio * bar->maximum()));
        }
    }
    m_syncing = false;
}

bool WorkbenchView::exportComparison(const QString& path, QString* errorMessage)
{
    const auto format = ComparisonExport::formatForPath(path);
    if (!format) {
        if (errorMessage) {
            *errorMessage = tr("Choose a file ending in .md, .json, .csv or .html.");
        }
        return false;
    }
    return ComparisonExport::save(m_run->snapshot(), *format, path, errorMessage);
}

bool WorkbenchView::vote(int index)
{
    if (m_run->isRunning() || m_run->compareGroup().isEmpty()) {
        return false;
    }
    ColumnRun* winner = m_run->column(index);
    const auto views = columnViews();
    for (ColumnView* view : views) {
        view->setWinner(winner && view->run() == winner);
    }
    VoteRecord vote;
    vote.compareGroup = m_run->compareGroup();
    vote.winnerModel = winner ? winner->title() : QString();
    vote.winnerSettings = winner ? RequestSettings::describe(winner->request()) : QString();
    vote.tie = winner == nullptr;
    vote.at = QDateTime::currentDateTimeUtc();
    vote.tag = m_voteTag->text().trimmed();
    emit voted(vote);
    emit statusMessage(winner ? tr("Vote stored: %1 wins this run.").arg(winner->title()) : tr("Vote stored: a tie."));
    return true;
}

void WorkbenchView::exportWithDialog()
{
    const QString markdown = tr("Markdown (*.md)");
    const QString json = tr("JSON (*.json)");
    const QString csv = tr("CSV spreadsheet (*.csv)");
    const QString html = tr("Web page (*.html)");
    QString filter = markdown;
    QString path
        = FileDialogs::saveFileName(this, tr("Export Comparison"), tr("comparison.md"),
                                    QStringList { markdown, json, csv, html }.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += filter == json ? QStringLiteral(".json")
            : filter == csv    ? QStringLiteral(".csv")
            : filter == html   ? QStringLiteral(".html")
                               : QStringLiteral(".md");
    }
    QString error;
    if (!exportComparison(path, &error)) {
        QMessageBox::warning(this, tr("Export Comparison"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    emit statusMessage(tr("Exported to %1").arg(QFileInfo(path).fileName()));
}

void WorkbenchView::showDiff()
{
    const auto& columns = m_run->columns();
    if (columns.size() < 2) {
        return;
    }
    QStringList titles;
    QStringList answers;
    for (int i = 0; i < columns.size(); ++i) {
        titles.append(QStringLiteral("%1 \u00b7 %2").arg(i + 1).arg(columns[i]->title()));
        answers.append(columns[i]->text());
    }
    DiffDialog dialog(titles, answers, 0, 1, this);
    dialog.exec();
}
