#include "ui/dashboard/ReconcileDialog.h"

#include "ui/common/FileDialogs.h"
#include "ui/common/StatusColors.h"
#include "ui/dashboard/ReconcileModel.h"

#include "core/common/Money.h"
#include "core/ledger/LedgerQueries.h"
#include "core/reconcile/InvoiceReader.h"
#include "core/reconcile/Reconciler.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

ReconcileDialog::ReconcileDialog(const Sources& sources, QWidget* parent)
    : QDialog(parent)
    , m_sources(sources)
    , m_fileEdit(new QLineEdit(this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new ReconcileModel(this))
{
    setObjectName(QStringLiteral("reconcileDialog"));
    setWindowTitle(tr("Reconcile with invoice"));
    resize(1000, 560);

    m_fileEdit->setObjectName(QStringLiteral("reconcileFile"));
    m_fileEdit->setReadOnly(true);
    m_fileEdit->setPlaceholderText(
        tr("An OpenAI, Anthropic or OpenRouter usage or cost export (JSON from their APIs, CSV from their "
           "dashboards)"));
    auto* choose = new QPushButton(tr("Choose export..."), this);
    choose->setObjectName(QStringLiteral("reconcileChoose"));
    connect(choose, &QPushButton::clicked, this, &ReconcileDialog::chooseFile);

    m_threshold->setObjectName(QStringLiteral("reconcileThreshold"));
    m_threshold->setRange(0, 1000);
    m_threshold->setDecimals(1);
    m_threshold->setValue(5);
    m_threshold->setSuffix(tr(" %"));
    m_threshold->setToolTip(tr("Matched rows that drift more than this are highlighted"));
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_path.isEmpty()) {
            compare();
        }
    });

    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(new QLabel(tr("Export:"), this));
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(choose);
    fileRow->addSpacing(12);
    fileRow->addWidget(new QLabel(tr("Highlight drift above"), this));
    fileRow->addWidget(m_threshold);

    m_summary->setObjectName(QStringLiteral("reconcileSummary"));
    m_summary->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("reconcileError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: %1").arg(StatusColors::name(StatusTone::Bad)));
    m_error->hide();

    m_table->setObjectName(QStringLiteral("reconcileTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ReconcileModel::Model, 220);
    m_table->setColumnWidth(ReconcileModel::Status, 140);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_error);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
}

void ReconcileDialog::chooseFile()
{
    const QString path = FileDialogs::openFileName(this, tr("Choose a usage or cost export"), QString(),
                                                   tr("Exports (*.json *.csv);;All files (*)"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

bool ReconcileDialog::openFile(const QString& path)
{
    m_path = path;
    m_fileEdit->setText(QFileInfo(path).fileName());
    m_fileEdit->setToolTip(QDir::toNativeSeparators(path));
    compare();
    return m_error->isHidden();
}

void ReconcileDialog::setThresholdPercent(double percent)
{
    m_threshold->setValue(percent);
}

QString ReconcileDialog::summaryText() const
{
    return m_summary->text();
}

QString ReconcileDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ReconcileDialog::compare()
{
    auto fail = [this](const QString& message) {
        m_error->setText(message);
        m_error->show();
        m_summary->clear();
        m_model->setReport({});
    };
    const InvoiceImport imported = InvoiceReader::read(m_path);
    if (!imported.ok()) {
        fail(tr("This file cannot be read, nothing was imported: %1").arg(imported.error->message()));
        return;
    }
    if (m_sources.ledgerPath.isEmpty()) {
        fail(tr("There is no history database to compare with."));
        return;
    }
    const InvoiceProvider provider = InvoiceFormats::provider(*imported.format);
    ReconcileOptions options;
    options.thresholdPercent = m_threshold->value();
    options.ledgerProviders = InvoiceProviders::ledgerProviderIds(provider, m_sources.providers);
    for (const ModelConfig& model : std::as_const(m_sources.models)) {
        if (!model.upstreamModel.isEmpty() && model.upstreamModel != model.id) {
            options.upstreamModels.insert(model.id, model.upstreamModel);
        }
    }
    LedgerQueries queries(m_sources.ledgerPath);
    const ReconcileReport report = Reconciler::reconcile(provider, imported.lines, queries, options);
    if (!report.error.isEmpty()) {
        fail(tr("The history cannot be read: %1").arg(report.error));
        return;
    }
    m_error->hide();
    m_model->setReport(report);
    m_table->setColumnHidden(ReconcileModel::Key, !report.byKey);
    m_summary->setText(
        tr("%1, %2 to %3 (UTC): %4 matched, %5 missing in the ledger (spend outside Switchyard), %6 missing at "
           "the provider; %7 highlighted. Provider %8, ledger %9.")
            .arg(InvoiceFormats::displayName(*imported.format), QLocale().toString(report.since, QLocale::ShortFormat),
                 QLocale().toString(report.until, QLocale::ShortFormat))
            .arg(report.matched)
            .arg(report.missingInLedger)
            .arg(report.missingAtProvider)
            .arg(report.flagged)
            .arg(Money::format(report.providerCostUsd), Money::format(report.ledgerCostUsd)));
}
