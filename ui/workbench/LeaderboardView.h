#pragma once

#include "core/workbench/Leaderboard.h"

#include <QWidget>

#include <functional>

class LeaderboardModel;
class QComboBox;
class QLabel;
class QTableView;
class QToolButton;

// The leaderboard from the user's votes: per model or per model and settings, filtered by tier,
// rule, tag and period, with the table and the votes behind it exportable as CSV. Reads through a
// function, so it holds no ledger or SQL itself.
class LeaderboardView : public QWidget
{
    Q_OBJECT

public:
    using Source = std::function<QList<VotedRun>()>;

    enum class Period
    {
        AllTime,
        Last7Days,
        Last30Days,
        Last90Days,
    };

    explicit LeaderboardView(Source source, QWidget* parent = nullptr);

    LeaderboardModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QComboBox* groupingBox() const { return m_grouping; }
    QComboBox* tierBox() const { return m_tier; }
    QComboBox* ruleBox() const { return m_rule; }
    QComboBox* tagBox() const { return m_tag; }
    QComboBox* periodBox() const { return m_period; }
    QLabel* summaryLabel() const { return m_summary; }

    Leaderboard::Grouping grouping() const;
    Leaderboard::Filter filter() const;
    // Every voted run read at the last reload (unfiltered).
    const QList<VotedRun>& runs() const { return m_runs; }

    bool exportTable(const QString& path, QString* errorMessage = nullptr) const;
    bool exportVotes(const QString& path, QString* errorMessage = nullptr) const;

public slots:
    // Reads the votes again (after a vote was stored) and recomputes.
    void reload();
    void exportTableWithDialog();
    void exportVotesWithDialog();

signals:
    // The table was recomputed from the votes.
    void updated();
    void statusMessage(const QString& message);

private:
    void recompute();
    // `shown` gives an entry's text for its value (the value itself when empty).
    void fillChoices(QComboBox* box, const QStringList& values, const QString& anyText,
                     const std::function<QString(const QString&)>& shown = {});

    Source m_source;
    QList<VotedRun> m_runs;
    LeaderboardModel* m_model;
    QTableView* m_table;
    QComboBox* m_grouping;
    QComboBox* m_tier;
    QComboBox* m_rule;
    QComboBox* m_tag;
    QComboBox* m_period;
    QLabel* m_summary;
    QToolButton* m_export;
};
