#include "ui/dashboard/RequestListDialog.h"

#include "core/common/Money.h"
#include "core/workbench/ColumnFigures.h"
#include "ui/dashboard/ChartStyle.h"
#include "ui/dashboard/DashboardCsv.h"

#include "ui/common/FileDialogs.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

RequestListDialog::RequestListDialog(const QString& title, quint64 generation, QWidget* parent)
    : QDialog(parent)
    , m_generation(generation)
    , m_status(new QLabel(tr("Loading requests…"), this))
    , m_model(new QStandardItemModel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("requestListDialog"));
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    m_model->setHorizontalHeaderLabels({ tr("Time"), tr("Source"), tr("Tier"), tr("Model"), tr("Provider"),
                                         tr("Status"), tr("Latency"), tr("Tokens in / out"), tr("Cost"),
                                         tr("Failure") });
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* csv = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    connect(csv, &QPushButton::clicked, this, &RequestListDialog::exportCsv);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(960, 520);
}

void RequestListDialog::setRequests(const QList<RequestRecord>& requests, bool truncated)
{
    m_requests = requests;
    m_model->setRowCount(0);
    const QLocale locale;
    for (const RequestRecord& r : requests) {
        QList<QStandardItem*> row;
        auto* time
            = new QStandardItem(locale.toString(r.startedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        time->setData(r.id, Qt::UserRole);
        row << time << new QStandardItem(RequestSources::id(r.source)) << new QStandardItem(r.tier)
            << new QStandardItem(r.finalModel) << new QStandardItem(r.finalProvider)
            << new QStandardItem(RequestStatuses::id(r.status))
            << new QStandardItem(FigureFormat::milliseconds(r.latencyMs))
            << new QStandardItem(QStringLiteral("%1 / %2").arg(ChartStyle::formatCount(r.usage.promptTokens),
                                                               ChartStyle::formatCount(r.usage.completionTokens)))
            << new QStandardItem(r.costUsd ? Money::format(*r.costUsd) : tr("unpriced"))
            << new QStandardItem(r.failureClass);
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    if (requests.isEmpty()) {
        m_status->setText(tr("No matching requests (they may have been pruned from the ledger)."));
    } else {
        m_status->setText(truncated
                              ? tr("Showing the first %n matching request(s), newest first.", "", int(requests.size()))
                              : tr("%n matching request(s), newest first.", "", int(requests.size())));
    }
}

void RequestListDialog::exportCsv()
{
    const QString path = FileDialogs::saveFileName(this, tr("Export requests"), QStringLiteral("requests.csv"),
                                                   tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !DashboardCsv::write(path, DashboardCsv::requests(m_requests), &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
    }
}
