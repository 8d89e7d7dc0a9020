#include "ui/dashboard/RequestListDialog.h"

#include "core/common/FailureClass.h"
#include "core/common/Money.h"
#include "core/workbench/ColumnFigures.h"
#include "ui/common/FileDialogs.h"
#include "ui/dashboard/ChartStyle.h"
#include "ui/dashboard/DashboardCsv.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {
constexpr int kRequestIndexRole = Qt::UserRole + 2;

QString failureName(const QString& id)
{
    bool ok = false;
    const FailureClass failureClass = FailureClasses::fromId(id, &ok);
    return ok ? FailureClasses::displayName(failureClass) : id;
}

QStandardItem* item(const QString& text, const QVariant& sortKey = {})
{
    auto* cell = new QStandardItem(text);
    cell->setData(sortKey.isValid() ? sortKey : QVariant(text), RequestListDialog::kSortRole);
    cell->setToolTip(text);
    return cell;
}

QTableView* readOnlyTable(QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}
} // namespace

RequestListDialog::RequestListDialog(const QString& title, quint64 generation, QWidget* parent)
    : QDialog(parent)
    , m_generation(generation)
    , m_status(new QLabel(tr("Loading requests…"), this))
    , m_model(new QStandardItemModel(this))
    , m_table(readOnlyTable(this))
    , m_attemptsTitle(new QLabel(this))
    , m_attempts(new QStandardItemModel(this))
    , m_attemptsTable(readOnlyTable(this))
{
    setObjectName(QStringLiteral("requestListDialog"));
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    m_status->setObjectName(QStringLiteral("requestListStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model->setHorizontalHeaderLabels({ tr("Time"), tr("Source"), tr("Tier"), tr("Model"), tr("Provider"),
                                         tr("Status"), tr("Latency"), tr("Tokens in / out"), tr("Cost"),
                                         tr("Failure") });
    // Sorted by what the cells stand for: "900 ms" before "1.20 s", $0.10 before $0.09 never.
    m_model->setSortRole(kSortRole);
    m_table->setObjectName(QStringLiteral("requestTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    // Newest first, as the ledger lists them, and the header's arrow says so from the start.
    m_table->sortByColumn(TimeColumn, Qt::DescendingOrder);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                showAttempts(
                    current.isValid() ? m_model->index(current.row(), TimeColumn).data(kRequestIndexRole).toInt() : -1);
            });

    m_attempts->setHorizontalHeaderLabels({ tr("#"), tr("Provider"), tr("Model"), tr("Outcome"), tr("Failure"),
                                            tr("HTTP status"), tr("Latency"), tr("Message") });
    m_attemptsTable->setObjectName(QStringLiteral("attemptsTable"));
    m_attemptsTable->setModel(m_attempts);
    m_attemptsTitle->setObjectName(QStringLiteral("attemptsTitle"));
    QFont bold = m_attemptsTitle->font();
    bold.setBold(true);
    m_attemptsTitle->setFont(bold);
    m_attemptsTitle->setText(tr("Attempts of the selected request"));
    auto* attemptsBox = new QWidget(this);
    auto* attemptsLayout = new QVBoxLayout(attemptsBox);
    attemptsLayout->setContentsMargins(0, 4, 0, 0);
    attemptsLayout->addWidget(m_attemptsTitle);
    attemptsLayout->addWidget(m_attemptsTable, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(attemptsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* csv = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = FileDialogs::saveFileName(this, tr("Export requests"), QStringLiteral("requests.csv"),
                                                       tr("CSV files (*.csv)"));
        if (!path.isEmpty()) {
            exportCsv(path);
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(960, 600);
}

void RequestListDialog::setRequests(const QList<RequestRecord>& requests, bool truncated)
{
    m_requests = requests;
    m_model->setRowCount(0);
    const QLocale locale;
    for (int i = 0; i < requests.size(); ++i) {
        const RequestRecord& r = requests[i];
        QStandardItem* time = item(locale.toString(r.startedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                   r.startedAt.toMSecsSinceEpoch());
        time->setData(r.id, Qt::UserRole);
        time->setData(i, kRequestIndexRole);
        const QString cost = r.costUsd ? Money::format(*r.costUsd) : tr("unpriced");
        m_model->appendRow({ time, item(RequestSources::id(r.source)), item(r.tier), item(r.finalModel),
                             item(r.finalProvider), item(RequestStatuses::id(r.status)),
                             item(FigureFormat::milliseconds(r.latencyMs), r.latencyMs),
                             item(QStringLiteral("%1 / %2").arg(ChartStyle::formatCount(r.usage.promptTokens),
                                                                ChartStyle::formatCount(r.usage.completionTokens)),
                                  r.usage.promptTokens + r.usage.completionTokens),
                             item(cost, r.costUsd ? *r.costUsd : -1.0), item(failureName(r.failureClass)) });
    }
    // Rows arrive newest first; a sort the user picked meanwhile is kept.
    m_table->sortByColumn(m_table->horizontalHeader()->sortIndicatorSection(),
                          m_table->horizontalHeader()->sortIndicatorOrder());
    m_table->resizeColumnsToContents();
    if (requests.isEmpty()) {
        m_status->setText(tr("No matching requests (they may have been pruned from the ledger)."));
        showAttempts(-1);
    } else {
        m_status->setText(truncated
                              ? tr("Showing the first %n matching request(s), newest first.", "", int(requests.size()))
                              : tr("%n matching request(s), newest first.", "", int(requests.size())));
        m_table->selectRow(0);
        m_table->setCurrentIndex(m_model->index(0, TimeColumn));
    }
}

void RequestListDialog::showAttempts(int request)
{
    m_attempts->setRowCount(0);
    if (request < 0 || request >= m_requests.size()) {
        m_attemptsTitle->setText(tr("Attempts of the selected request"));
        return;
    }
    const RequestRecord& r = m_requests[request];
    m_attemptsTitle->setText(
        tr("%n attempt(s) of the request at %1", "", int(r.attempts.size()))
            .arg(QLocale().toString(r.startedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    for (int a = 0; a < r.attempts.size(); ++a) {
        const AttemptRecord& attempt = r.attempts[a];
        QString outcome;
        switch (attempt.outcome) {
        case AttemptOutcome::Ok:
            outcome = tr("answered");
            break;
        case AttemptOutcome::Failed:
            outcome = tr("failed");
            break;
        case AttemptOutcome::HedgeLost:
            outcome = tr("hedge lost");
            break;
        case AttemptOutcome::Cancelled:
            outcome = tr("cancelled");
            break;
        }
        const qint64 latency = attempt.startedAt.isValid() && attempt.endedAt.isValid()
            ? attempt.startedAt.msecsTo(attempt.endedAt)
            : -1;
        const QString failure
            = attempt.failureClass.isEmpty() ? QStringLiteral("—") : failureName(attempt.failureClass);
        m_attempts->appendRow({ item(QLocale().toString(a + 1), a + 1), item(attempt.providerId), item(attempt.modelId),
                                item(outcome), item(failure),
                                item(attempt.httpStatus > 0 ? QString::number(attempt.httpStatus) : QStringLiteral("—"),
                                     attempt.httpStatus),
                                item(FigureFormat::milliseconds(latency), latency), item(attempt.message) });
    }
    m_attemptsTable->resizeColumnsToContents();
}

bool RequestListDialog::exportCsv(const QString& path)
{
    QString error;
    if (!DashboardCsv::write(path, DashboardCsv::requests(m_requests), &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return false;
    }
    m_status->setText(tr("Saved %n request(s) to %1", "", int(m_requests.size())).arg(QDir::toNativeSeparators(path)));
    return true;
}
