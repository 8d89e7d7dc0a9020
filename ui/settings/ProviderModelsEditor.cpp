#include "ui/settings/ProviderModelsEditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Column
{
    ModelColumn,
    InputPriceColumn,
    OutputPriceColumn,
    ContextColumn,
    ColumnCount,
};

QString priceText(const ModelPrice& price, double value)
{
    return price.known ? QString::number(value, 'g', 6) : QString();
}

} // namespace

ProviderModelsEditor::ProviderModelsEditor(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_fetched(new QListWidget)
{
    m_table->setObjectName(QStringLiteral("modelTable"));
    m_table->setHorizontalHeaderLabels({ tr("Model"), tr("Input $/1M"), tr("Output $/1M"), tr("Context window") });
    m_table->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
    auto* addModel = new QPushButton(tr("Add model"));
    connect(addModel, &QPushButton::clicked, this, [this] { m_table->insertRow(m_table->rowCount()); });
    auto* removeModel = new QPushButton(tr("Remove model"));
    connect(removeModel, &QPushButton::clicked, this, [this] { m_table->removeRow(m_table->currentRow()); });
    auto* fetch = new QPushButton(tr("Fetch models"));
    connect(fetch, &QPushButton::clicked, this, &ProviderModelsEditor::fetchRequested);
    auto* test = new QPushButton(tr("Test connection"));
    connect(test, &QPushButton::clicked, this, &ProviderModelsEditor::testRequested);
    m_fetched->setMaximumHeight(100);
    auto* addFetched = new QPushButton(tr("Add checked models"));
    connect(addFetched, &QPushButton::clicked, this, &ProviderModelsEditor::addCheckedRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addModel);
    buttons->addWidget(removeModel);
    buttons->addStretch();
    buttons->addWidget(fetch);
    buttons->addWidget(test);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_fetched);
    layout->addWidget(addFetched, 0, Qt::AlignLeft);
}

void ProviderModelsEditor::setModels(const QList<ModelConfig>& models)
{
    m_table->setRowCount(0);
    for (const ModelConfig& model : models) {
        addModel(model);
    }
    m_fetched->clear();
}

void ProviderModelsEditor::addModel(const ModelConfig& model)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, ModelColumn, new QTableWidgetItem(model.upstreamModel));
    m_table->setItem(row, InputPriceColumn, new QTableWidgetItem(priceText(model.price, model.price.inputPerMTok)));
    m_table->setItem(row, OutputPriceColumn, new QTableWidgetItem(priceText(model.price, model.price.outputPerMTok)));
    m_table->setItem(row, ContextColumn,
                     new QTableWidgetItem(model.contextWindow > 0 ? QString::number(model.contextWindow) : QString()));
}

QList<ModelConfig> ProviderModelsEditor::models(const ProviderConfig& provider,
                                                const QList<ModelConfig>& existing) const
{
    QList<ModelConfig> models;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem* item = m_table->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        const QString upstream = text(ModelColumn);
        if (upstream.isEmpty()) {
            continue;
        }
        ModelConfig model;
        model.id = provider.id + QLatin1Char('/') + upstream;
        for (const ModelConfig& known : existing) {
            if (known.providerId == provider.id && known.upstreamModel == upstream) {
                model = known;
            }
        }
        model.providerId = provider.id;
        model.upstreamModel = upstream;
        bool inOk = false;
        bool outOk = false;
        const double in = text(InputPriceColumn).toDouble(&inOk);
        const double out = text(OutputPriceColumn).toDouble(&outOk);
        model.price.known = inOk && outOk;
        model.price.inputPerMTok = model.price.known ? in : 0;
        model.price.outputPerMTok = model.price.known ? out : 0;
        model.contextWindow = text(ContextColumn).toInt();
        models << model;
    }
    return models;
}

void ProviderModelsEditor::setDeployments(bool deployments)
{
    if (QTableWidgetItem* header = m_table->horizontalHeaderItem(ModelColumn)) {
        header->setText(deployments ? tr("Deployment") : tr("Model"));
    }
}

void ProviderModelsEditor::setFetched(const QStringList& ids)
{
    m_fetched->clear();
    for (const QString& id : ids) {
        auto* item = new QListWidgetItem(id, m_fetched);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
}

QStringList ProviderModelsEditor::fetched() const
{
    QStringList ids;
    for (int i = 0; i < m_fetched->count(); ++i) {
        ids << m_fetched->item(i)->text();
    }
    return ids;
}

QStringList ProviderModelsEditor::takeChecked()
{
    QStringList ids;
    for (int i = 0; i < m_fetched->count(); ++i) {
        QListWidgetItem* item = m_fetched->item(i);
        if (item->checkState() == Qt::Checked) {
            ids << item->text();
            item->setCheckState(Qt::Unchecked);
        }
    }
    return ids;
}
