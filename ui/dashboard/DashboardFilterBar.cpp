#include "ui/dashboard/DashboardFilterBar.h"

#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/FilterMenuButton.h"

#include "core/common/RequestSource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

DashboardFilterBar::DashboardFilterBar(QWidget* parent)
    : QWidget(parent)
    , m_period(new QComboBox(this))
    , m_first(new QDateEdit(this))
    , m_last(new QDateEdit(this))
    , m_providers(new FilterMenuButton(QStringLiteral("providerFilter"), tr("All providers"), tr("%1 providers"), this))
    , m_models(new FilterMenuButton(QStringLiteral("modelFilter"), tr("All models"), tr("%1 models"), this))
    , m_tiers(new FilterMenuButton(QStringLiteral("tierFilter"), tr("All tiers"), tr("%1 tiers"), this))
    , m_sources(new FilterMenuButton(QStringLiteral("sourceFilter"), tr("All sources"), tr("%1 sources"), this))
    , m_clientKeys(new FilterMenuButton(QStringLiteral("clientKeyFilter"), tr("All keys"), tr("%1 keys"), this))
    , m_routedOnly(new QCheckBox(tr("routed traffic only"), this))
    , m_split(new QComboBox(this))
    , m_reference(new QComboBox(this))
    , m_status(new QLabel(this))
{
    m_period->setObjectName(QStringLiteral("periodPicker"));
    m_period->addItems({ tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days"), tr("Custom range") });
    m_period->setCurrentIndex(int(DashboardPeriod::Last7Days));
    for (QDateEdit* edit : { m_first, m_last }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(QDate::currentDate());
        edit->setVisible(false);
    }
    m_first->setDate(QDate::currentDate().addDays(-6));
    QHash<QString, QString> sourceLabels;
    QStringList sourceIds;
    for (RequestSource source : RequestSources::all()) {
        sourceIds << RequestSources::id(source);
        switch (source) {
        case RequestSource::Workbench:
            sourceLabels.insert(sourceIds.constLast(), tr("Workbench"));
            break;
        case RequestSource::Route:
            sourceLabels.insert(sourceIds.constLast(), tr("Routed (switchyard route)"));
            break;
        case RequestSource::Gateway:
            sourceLabels.insert(sourceIds.constLast(), tr("Gateway"));
            break;
        case RequestSource::Cli:
            sourceLabels.insert(sourceIds.constLast(), tr("Command line (switchyard ask)"));
            break;
        case RequestSource::Probe:
            sourceLabels.insert(sourceIds.constLast(), tr("Health probes"));
            break;
        case RequestSource::Batch:
            sourceLabels.insert(sourceIds.constLast(), tr("Batch jobs (switchyard batch)"));
            break;
        case RequestSource::Evaluation:
            sourceLabels.insert(sourceIds.constLast(), tr("Evaluations (switchyard eval)"));
            break;
        }
    }
    m_sources->setLabels(sourceLabels);
    m_sources->setAvailable(sourceIds);
    m_sources->setToolTip(tr("Where the requests came from"));
    m_clientKeys->setToolTip(tr("Gateway client keys (their ids)"));
    m_routedOnly->setObjectName(QStringLiteral("savingsRoutedOnly"));
    m_routedOnly->setChecked(true);
    m_routedOnly->setToolTip(tr("Count savings only on requests the router chose a model for, leaving out "
                                "workbench comparisons and evaluations"));
    m_split->setObjectName(QStringLiteral("splitPicker"));
    m_split->addItem(tr("Stack by model"), int(LedgerSplit::Model));
    m_split->addItem(tr("Stack by provider"), int(LedgerSplit::Provider));
    m_split->addItem(tr("Stack by tier"), int(LedgerSplit::Tier));
    m_reference->setObjectName(QStringLiteral("referencePicker"));
    // Long model ids would widen the bar past half a screen; the list shows them whole.
    m_reference->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_reference->setMinimumContentsLength(18);
    m_reference->setToolTip(tr("Savings are measured against sending every request to this model"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    // Two rows, what is counted above how it is shown: in one row the bar alone needed 1,242 px
    // and held the window above half of a 1920 px screen.
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_period);
    filters->addWidget(m_first);
    filters->addWidget(m_last);
    filters->addSpacing(8);
    filters->addWidget(m_providers);
    filters->addWidget(m_models);
    filters->addWidget(m_tiers);
    filters->addWidget(m_sources);
    filters->addWidget(m_clientKeys);
    filters->addStretch(1);
    // Up here, where the filters leave room: in the second row it held the German window at 1,026 px.
    filters->addWidget(m_status);
    auto* shown = new QHBoxLayout;
    m_secondRow = shown;
    shown->addWidget(m_split);
    shown->addSpacing(8);
    shown->addWidget(new QLabel(tr("Savings vs"), this));
    shown->addWidget(m_reference);
    shown->addWidget(m_routedOnly);
    shown->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(shown);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this](int index) {
        const bool custom = index == int(DashboardPeriod::Custom);
        m_first->setVisible(custom);
        m_last->setVisible(custom);
        emit changed();
    });
    connect(m_first, &QDateEdit::dateChanged, this, &DashboardFilterBar::changed);
    connect(m_last, &QDateEdit::dateChanged, this, &DashboardFilterBar::changed);
    connect(m_routedOnly, &QCheckBox::toggled, this, &DashboardFilterBar::changed);
    for (FilterMenuButton* button : { m_providers, m_models, m_tiers, m_sources, m_clientKeys }) {
        connect(button, &FilterMenuButton::selectionChanged, this, &DashboardFilterBar::changed);
    }
    connect(m_split, &QComboBox::currentIndexChanged, this, &DashboardFilterBar::changed);
    connect(m_reference, &QComboBox::currentIndexChanged, this, &DashboardFilterBar::changed);
}

void DashboardFilterBar::addTrailingWidget(QWidget* widget)
{
    m_secondRow->addWidget(widget);
}

DashboardPeriod DashboardFilterBar::period() const
{
    return DashboardPeriod(m_period->currentIndex());
}

void DashboardFilterBar::setPeriod(DashboardPeriod period)
{
    m_period->setCurrentIndex(int(period));
}

void DashboardFilterBar::setCustomRange(const QDate& first, const QDate& last)
{
    const QSignalBlocker blockFirst(m_first);
    const QSignalBlocker blockLast(m_last);
    m_first->setDate(first);
    m_last->setDate(last);
    if (period() == DashboardPeriod::Custom) {
        emit changed();
    } else {
        setPeriod(DashboardPeriod::Custom);
    }
}

void DashboardFilterBar::setSelection(const QStringList& providers, const QStringList& models, const QStringList& tiers)
{
    m_providers->setSelected(providers);
    m_models->setSelected(models);
    m_tiers->setSelected(tiers);
    emit changed();
}

void DashboardFilterBar::setAvailable(const QStringList& providers, const QStringList& models, const QStringList& tiers)
{
    m_providers->setAvailable(providers);
    m_models->setAvailable(models);
    m_tiers->setAvailable(tiers);
}

void DashboardFilterBar::setSources(const QStringList& sourceIds)
{
    m_sources->setSelected(sourceIds);
    emit changed();
}

void DashboardFilterBar::setAvailableClientKeys(const QStringList& keyIds)
{
    m_clientKeys->setAvailable(keyIds);
}

void DashboardFilterBar::setClientKeys(const QStringList& keyIds)
{
    m_clientKeys->setSelected(keyIds);
    emit changed();
}

bool DashboardFilterBar::savingsRoutedOnly() const
{
    return m_routedOnly->isChecked();
}

void DashboardFilterBar::setSavingsRoutedOnly(bool routedOnly)
{
    m_routedOnly->setChecked(routedOnly);
}

LedgerSplit DashboardFilterBar::split() const
{
    return LedgerSplit(m_split->currentData().toInt());
}

void DashboardFilterBar::setSplit(LedgerSplit split)
{
    m_split->setCurrentIndex(m_split->findData(int(split)));
}

void DashboardFilterBar::setReferenceModels(const QList<ModelConfig>& models)
{
    m_referenceModels.clear();
    for (const ModelConfig& model : models) {
        if (model.price.known && !model.price.isFree()) {
            m_referenceModels << model;
        }
    }
    // Most expensive first: "premium" is the natural default to measure routing against.
    std::stable_sort(
        m_referenceModels.begin(), m_referenceModels.end(), [](const ModelConfig& a, const ModelConfig& b) {
            return a.price.inputPerMTok + a.price.outputPerMTok > b.price.inputPerMTok + b.price.outputPerMTok;
        });
    const QSignalBlocker blocker(m_reference);
    const QString current = referenceModel();
    m_reference->clear();
    for (const ModelConfig& model : m_referenceModels) {
        m_reference->addItem(model.id, model.id);
    }
    m_reference->setEnabled(!m_referenceModels.isEmpty());
    if (m_referenceModels.isEmpty()) {
        m_reference->addItem(tr("no priced model"));
    }
    const int index = m_reference->findData(current);
    m_reference->setCurrentIndex(index >= 0 ? index : 0);
}

QString DashboardFilterBar::referenceModel() const
{
    return m_reference->currentData().toString();
}

ModelPrice DashboardFilterBar::referencePrice() const
{
    for (const ModelConfig& model : m_referenceModels) {
        if (model.id == referenceModel()) {
            return model.price;
        }
    }
    return {};
}

void DashboardFilterBar::setReferenceModel(const QString& id)
{
    m_reference->setCurrentIndex(m_reference->findData(id));
}

void DashboardFilterBar::setStatus(const QString& text)
{
    m_status->setText(text);
}

LedgerFilter DashboardFilterBar::filter(const QDateTime& now) const
{
    LedgerFilter filter;
    qint64 end = now.toSecsSinceEpoch();
    end += (3600 - end % 3600) % 3600;
    filter.until = QDateTime::fromSecsSinceEpoch(end, Qt::UTC);
    switch (period()) {
    case DashboardPeriod::Today:
        filter.from = QDateTime(now.toLocalTime().date(), QTime(0, 0)).toUTC();
        break;
    case DashboardPeriod::Last7Days:
        filter.from = filter.until.addDays(-7);
        break;
    case DashboardPeriod::Last30Days:
        filter.from = filter.until.addDays(-30);
        break;
    case DashboardPeriod::Last90Days:
        filter.from = filter.until.addDays(-90);
        break;
    case DashboardPeriod::Custom:
        filter.from = QDateTime(m_first->date(), QTime(0, 0)).toUTC();
        filter.until = QDateTime(std::max(m_first->date(), m_last->date()).addDays(1), QTime(0, 0)).toUTC();
        break;
    }
    filter.providers = m_providers->selected();
    filter.models = m_models->selected();
    filter.tiers = m_tiers->selected();
    filter.sources = m_sources->selected();
    filter.clientKeys = m_clientKeys->selected();
    return filter;
}

LedgerBucket DashboardFilterBar::spendBucket(const LedgerFilter& filter) const
{
    return filter.from.secsTo(filter.until) <= 2 * 86400 ? LedgerBucket::Hour : LedgerBucket::Day;
}

LedgerBucket DashboardFilterBar::timeBucket(const LedgerFilter& filter) const
{
    return filter.from.secsTo(filter.until) <= 2 * 86400 ? LedgerBucket::Hour : LedgerBucket::Day;
}

QString DashboardFilterBar::periodPhrase() const
{
    switch (period()) {
    case DashboardPeriod::Today:
        return tr("today");
    case DashboardPeriod::Last7Days:
        return tr("in the last 7 days");
    case DashboardPeriod::Last30Days:
        return tr("in the last 30 days");
    case DashboardPeriod::Last90Days:
        return tr("in the last 90 days");
    case DashboardPeriod::Custom:
        break;
    }
    const QLocale locale;
    return tr("from %1 to %2")
        .arg(locale.toString(m_first->date(), QLocale::ShortFormat),
             locale.toString(m_last->date(), QLocale::ShortFormat));
}

QString DashboardFilterBar::periodName() const
{
    return m_period->currentText();
}

QString DashboardFilterBar::filterSummary() const
{
    const std::pair<FilterMenuButton*, QString> filters[] = {
        { m_providers, tr("Providers: %1") }, { m_models, tr("Models: %1") },          { m_tiers, tr("Tiers: %1") },
        { m_sources, tr("Sources: %1") },     { m_clientKeys, tr("Client keys: %1") },
    };
    QStringList parts;
    for (const auto& [button, form] : filters) {
        QStringList names;
        for (const QString& name : button->selected()) {
            names << button->label(name);
        }
        if (!names.isEmpty()) {
            parts << form.arg(names.join(QStringLiteral(", ")));
        }
    }
    return parts.isEmpty() ? tr("No filters: every provider, model, tier, source and key")
                           : tr("Filters: %1").arg(parts.join(QStringLiteral(" · ")));
}

bool DashboardFilterBar::hasColumnFilters() const
{
    return !m_providers->selected().isEmpty() || !m_models->selected().isEmpty() || !m_tiers->selected().isEmpty()
        || !m_sources->selected().isEmpty() || !m_clientKeys->selected().isEmpty();
}
