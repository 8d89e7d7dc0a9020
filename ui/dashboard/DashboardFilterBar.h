#pragma once

#include "core/common/ProviderTypes.h"
#include "core/ledger/LedgerQueryTypes.h"

#include <QDate>
#include <QWidget>

class FilterMenuButton;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;

enum class DashboardPeriod
{
    Today,
    Last7Days,
    Last30Days,
    Last90Days,
    Custom,
};

// The dashboard's controls: period, provider/model/tier filters, how spend is stacked, and the
// model savings are measured against. Emits changed() on any edit.
class DashboardFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardFilterBar(QWidget* parent = nullptr);

    // Puts `widget` (a button of the page) at the end of the bar's second row.
    void addTrailingWidget(QWidget* widget);

    DashboardPeriod period() const;
    void setPeriod(DashboardPeriod period);
    // Whole local days, both included.
    void setCustomRange(const QDate& first, const QDate& last);
    void setSelection(const QStringList& providers, const QStringList& models, const QStringList& tiers);
    void setAvailable(const QStringList& providers, const QStringList& models, const QStringList& tiers);
    // RequestSources ids; empty = every source.
    void setSources(const QStringList& sourceIds);
    // Gateway client key ids seen in the period, and the ones to show (empty = all).
    void setAvailableClientKeys(const QStringList& keyIds);
    void setClientKeys(const QStringList& keyIds);
    // Savings from routing count routed traffic only (the default) or everything the filters leave.
    bool savingsRoutedOnly() const;
    void setSavingsRoutedOnly(bool routedOnly);
    LedgerSplit split() const;
    void setSplit(LedgerSplit split);
    // The priced models offered as savings reference; the most expensive is the default.
    void setReferenceModels(const QList<ModelConfig>& models);
    QString referenceModel() const;
    ModelPrice referencePrice() const;
    void setReferenceModel(const QString& id);
    void setStatus(const QString& text);

    // The period as of `now`, bounded to whole hours like the ledger's rollups.
    LedgerFilter filter(const QDateTime& now) const;
    LedgerBucket spendBucket(const LedgerFilter& filter) const;
    LedgerBucket timeBucket(const LedgerFilter& filter) const;
    // "today", "in the last 7 days", "from 11/2/26 to 11/9/26"
    QString periodPhrase() const;
    // "Last 7 days", "Custom range": the period as the picker names it.
    QString periodName() const;
    // The filters in force, for an export: "Providers: pa · Sources: Gateway", or that there are none.
    QString filterSummary() const;
    bool hasColumnFilters() const;

signals:
    void changed();

private:
    QComboBox* m_period;
    QDateEdit* m_first;
    QDateEdit* m_last;
    FilterMenuButton* m_providers;
    FilterMenuButton* m_models;
    FilterMenuButton* m_tiers;
    FilterMenuButton* m_sources;
    FilterMenuButton* m_clientKeys;
    QCheckBox* m_routedOnly;
    QComboBox* m_split;
    QComboBox* m_reference;
    QLabel* m_status;
    class QHBoxLayout* m_secondRow = nullptr;
    QList<ModelConfig> m_referenceModels;
};
