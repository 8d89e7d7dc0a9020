#include "ui/workbench/LeaderboardView.h"

#include "core/common/Clock.h"
#include "core/routing/DefaultPolicy.h"
#include "ui/common/FileDialogs.h"
#include "ui/common/Icons.h"
#include "ui/workbench/LeaderboardModel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

LeaderboardView::LeaderboardView(Source source, QWidget* parent)
    : QWidget(parent)
    , m_source(std::move(source))
{
    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("leaderboardGrouping"));
    m_grouping->addItem(tr("Per model"), int(Leaderboard::Grouping::Model));
    m_grouping->addItem(tr("Per model and settings"), int(Leaderboard::Grouping::ModelAndSettings));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("leaderboardPeriod"));
    m_period->addItem(tr("All time"), int(Period::AllTime));
    m_period->addItem(tr("Last 7 days"), int(Period::Last7Days));
    m_period->addItem(tr("Last 30 days"), int(Period::Last30Days));
    m_period->addItem(tr("Last 90 days"), int(Period::Last90Days));
    m_tier = new QComboBox(this);
    m_tier->setObjectName(QStringLiteral("leaderboardTier"));
    m_rule = new QComboBox(this);
    m_rule->setObjectName(QStringLiteral("leaderboardRule"));
    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("leaderboardTag"));
    for (QComboBox* box : { m_grouping, m_period, m_tier, m_rule, m_tag }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(box, &QComboBox::activated, this, &LeaderboardView::recompute);
    }

    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("leaderboardExport"));
    m_export->setText(tr("Export"));
    m_export->setIcon(Icons::icon(QStringLiteral("export")));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("Leaderboard as CSV..."), this, &LeaderboardView::exportTableWithDialog);
    menu->addAction(tr("Votes behind it as CSV..."), this, &LeaderboardView::exportVotesWithDialog);
    m_export->setMenu(menu);

    m_model = new LeaderboardModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("leaderboardTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LeaderboardModel::ModelColumn, QHeaderView::Stretch);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("leaderboardSummary"));
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto* filters = new QHBoxLayout;
    filters->setSpacing(6);
    for (QComboBox* box : { m_grouping, m_period, m_tier, m_rule, m_tag }) {
        filters->addWidget(box);
    }
    filters->addStretch(1);
    filters->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    reload();
}

Leaderboard::Grouping LeaderboardView::grouping() const
{
    return Leaderboard::Grouping(m_grouping->currentData().toInt());
}

Leaderboard::Filter LeaderboardView::filter() const
{
    Leaderboard::Filter filter;
    filter.tier = m_tier->currentData().toString();
    filter.rule = m_rule->currentData().toString();
    filter.tag = m_tag->currentData().toString();
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    switch (Period(m_period->currentData().toInt())) {
    case Period::AllTime:
        break;
    case Period::Last7Days:
        filter.from = now.addDays(-7);
        break;
    case Period::Last30Days:
        filter.from = now.addDays(-30);
        break;
    case Period::Last90Days:
        filter.from = now.addDays(-90);
        break;
    }
    return filter;
}

void LeaderboardView::fillChoices(QComboBox* box, const QStringList& values, const QString& anyText,
                                  const std::function<QString(const QString&)>& shown)
{
    const QString current = box->currentData().toString();
    box->clear();
    box->addItem(anyText, QString());
    for (const QString& value : values) {
        box->addItem(shown ? shown(value) : value, value);
    }
    // A choice that has no votes any more falls back to "any".
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

void LeaderboardView::reload()
{
    m_runs = m_source ? m_source() : QList<VotedRun>();
    fillChoices(m_tier, Leaderboard::tiers(m_runs), tr("Any tier"));
    // The ledger keeps a built-in rule's English name; the list shows it in the UI's language.
    fillChoices(m_rule, Leaderboard::rules(m_runs), tr("Any rule"), &DefaultPolicy::displayName);
    fillChoices(m_tag, Leaderboard::tags(m_runs), tr("Any tag"));
    recompute();
}

void LeaderboardView::recompute()
{
    const Leaderboard::Filter current = filter();
    m_model->setRows(Leaderboard::compute(m_runs, grouping(), current));
    int counted = 0;
    for (const VotedRun& run : m_runs) {
        counted += current.matches(run) ? 1 : 0;
    }
    if (m_runs.isEmpty()) {
        m_summary->setText(tr("No votes yet. Vote for the best answer of a workbench run (or for a tie), and "
                              "your votes add up here."));
    } else {
        m_summary->setText(tr("%n voted run(s) counted. Ratings are Bradley-Terry on the Elo scale (1000 is "
                              "average), with 95 % confidence intervals; a win counts against every other column "
                              "of its run.",
                              nullptr, counted));
    }
    emit updated();
}

bool LeaderboardView::exportTable(const QString& path, QString* errorMessage) const
{
    return Leaderboard::save(Leaderboard::toCsv(m_model->rows()), path, errorMessage);
}

bool LeaderboardView::exportVotes(const QString& path, QString* errorMessage) const
{
    return Leaderboard::save(Leaderboard::votesCsv(m_runs, filter()), path, errorMessage);
}

void LeaderboardView::exportTableWithDialog()
{
    QString path = FileDialogs::saveFileName(this, tr("Export Leaderboard"), tr("leaderboard.csv"),
                                             tr("CSV spreadsheet (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".csv");
    }
    QString error;
    if (!exportTable(path, &error)) {
        QMessageBox::warning(this, tr("Export Leaderboard"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    emit statusMessage(tr("Exported to %1").arg(QFileInfo(path).fileName()));
}

void LeaderboardView::exportVotesWithDialog()
{
    QString path = FileDialogs::saveFileName(this, tr("Export Votes"), tr("votes.csv"), tr("CSV spreadsheet (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".csv");
    }
    QString error;
    if (!exportVotes(path, &error)) {
        QMessageBox::warning(this, tr("Export Votes"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    emit statusMessage(tr("Exported to %1").arg(QFileInfo(path).fileName()));
}
