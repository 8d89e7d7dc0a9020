#include "ui/gateway/ClientKeysDialog.h"

#include "core/common/Clock.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace {
enum Column
{
    NameColumn,
    IdColumn,
    StatusColumn,
    ExpiresColumn,
    ModelsColumn,
    LimitsColumn,
    ColumnCount
};
} // namespace

ClientKeysDialog::ClientKeysDialog(const QString& storePath, QWidget* parent)
    : QDialog(parent)
    , m_store(storePath)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_name(new QLineEdit(this))
    , m_models(new QLineEdit(this))
    , m_expires(new QCheckBox(tr("Expires on"), this))
    , m_expiryDate(new QDateEdit(this))
    , m_daily(new QDoubleSpinBox(this))
    , m_monthly(new QDoubleSpinBox(this))
    , m_rpm(new QSpinBox(this))
    , m_allowUnpriced(new QCheckBox(tr("Let models without a price through the budget (not counted)"), this))
    , m_create(new QPushButton(tr("Create key"), this))
    , m_revoke(new QPushButton(tr("Revoke"), this))
    , m_unpriced(new QPushButton(tr("Allow unpriced models"), this))
    , m_newKey(new QLineEdit(this))
    , m_newKeyNote(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Gateway client keys"));
    m_table->setObjectName(QStringLiteral("clientKeysTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Name"), tr("Id"), tr("Status"), tr("Expires"), tr("Models"), tr("Limits") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ModelsColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ClientKeysDialog::updateButtons);

    m_name->setObjectName(QStringLiteral("clientKeyName"));
    m_name->setPlaceholderText(tr("e.g. cursor on my laptop"));
    m_models->setObjectName(QStringLiteral("clientKeyModels"));
    m_models->setPlaceholderText(tr("all (or e.g. auto, chat, premium)"));
    m_models->setToolTip(tr("Models, groups, tiers and \"auto\" this key may ask for, separated by commas."));
    m_expiryDate->setCalendarPopup(true);
    m_expiryDate->setDate(QDate::currentDate().addDays(90));
    m_expiryDate->setEnabled(false);
    connect(m_expires, &QCheckBox::toggled, m_expiryDate, &QWidget::setEnabled);
    for (QDoubleSpinBox* budget : { m_daily, m_monthly }) {
        budget->setRange(0, 1000000);
        budget->setDecimals(2);
        budget->setPrefix(QStringLiteral("$"));
        budget->setSpecialValueText(tr("no limit"));
    }
    m_daily->setObjectName(QStringLiteral("clientKeyDaily"));
    m_rpm->setObjectName(QStringLiteral("clientKeyRpm"));
    m_rpm->setRange(0, 100000);
    m_rpm->setSpecialValueText(tr("no limit"));
    m_rpm->setSuffix(tr(" per minute"));
    m_create->setObjectName(QStringLiteral("clientKeyCreate"));
    m_revoke->setObjectName(QStringLiteral("clientKeyRevoke"));
    m_revoke->setEnabled(false);
    m_allowUnpriced->setObjectName(QStringLiteral("clientKeyAllowUnpriced"));
    m_allowUnpriced->setToolTip(tr("A model without a price cannot be held against the key's budget, so a key with a "
                                   "budget refuses it unless this is on."));
    m_unpriced->setObjectName(QStringLiteral("clientKeyUnpriced"));
    m_unpriced->setEnabled(false);
    connect(m_create, &QPushButton::clicked, this, &ClientKeysDialog::createKey);
    connect(m_revoke, &QPushButton::clicked, this, &ClientKeysDialog::revokeSelected);
    connect(m_unpriced, &QPushButton::clicked, this, &ClientKeysDialog::toggleUnpricedOfSelected);

    auto* expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expires);
    expiryRow->addWidget(m_expiryDate);
    expiryRow->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Models:"), m_models);
    form->addRow(QString(), expiryRow);
    form->addRow(tr("Daily budget:"), m_daily);
    form->addRow(tr("Monthly budget:"), m_monthly);
    form->addRow(QString(), m_allowUnpriced);
    form->addRow(tr("Requests:"), m_rpm);
    form->addRow(QString(), m_create);
    auto* createBox = new QGroupBox(tr("New key"), this);
    createBox->setLayout(form);

    m_newKey->setObjectName(QStringLiteral("clientKeySecret"));
    m_newKey->setReadOnly(true);
    auto* copy = new QPushButton(tr("Copy"), this);
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_newKey->text()); });
    auto* newKeyRow = new QHBoxLayout;
    newKeyRow->addWidget(m_newKey, 1);
    newKeyRow->addWidget(copy);
    m_newKeyNote->setWordWrap(true);
    m_newKeyNote->setText(tr("Copy the key now and give it to the client: it is not shown again (Switchyard keeps "
                             "only its hash)."));
    for (QWidget* widget : std::initializer_list<QWidget*> { m_newKey, copy, m_newKeyNote }) {
        widget->hide();
    }
    connect(m_newKey, &QLineEdit::textChanged, copy,
            [copy](const QString& text) { copy->setVisible(!text.isEmpty()); });

    m_error->setObjectName(QStringLiteral("clientKeysError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_unpriced, QDialogButtonBox::ActionRole);
    buttons->addButton(m_revoke, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Once a key exists, every request to the gateway must carry one "
                                    "(\"Authorization: Bearer <key>\" or x-api-key)."),
                                 this));
    layout->addWidget(m_table, 1);
    layout->addWidget(createBox);
    layout->addLayout(newKeyRow);
    layout->addWidget(m_newKeyNote);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(760, 560);
    reload();
}

void ClientKeysDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ClientKeysDialog::reload()
{
    if (!m_store.load()) {
        showError(m_store.errorString());
    }
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    m_table->setRowCount(int(m_store.keys().size()));
    int row = 0;
    for (const ClientKey& key : m_store.keys()) {
        QStringList limits;
        if (key.dailyBudgetUsd) {
            limits.append(tr("$%1 a day").arg(*key.dailyBudgetUsd, 0, 'f', 2));
        }
        if (key.monthlyBudgetUsd) {
            limits.append(tr("$%1 a month").arg(*key.monthlyBudgetUsd, 0, 'f', 2));
        }
        if (key.allowUnpriced) {
            limits.append(tr("unpriced models allowed"));
        }
        if (key.requestsPerMinute) {
            limits.append(tr("%1 per minute").arg(*key.requestsPerMinute));
        }
        QString status;
        switch (key.status(now)) {
        case ClientKey::Status::Active:
            status = tr("active");
            break;
        case ClientKey::Status::Revoked:
            status = tr("revoked");
            break;
        case ClientKey::Status::Expired:
            status = tr("expired");
            break;
        }
        const QStringList cells {
            key.name,
            key.id,
            status,
            key.expiresAt ? QLocale().toString(key.expiresAt->toLocalTime().date(), QLocale::ShortFormat) : tr("never"),
            key.allowedModels.isEmpty() ? tr("all") : key.allowedModels.join(QStringLiteral(", ")),
            limits.isEmpty() ? tr("none") : limits.join(QStringLiteral(", ")),
        };
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_table->setItem(row, column, item);
        }
        ++row;
    }
}

void ClientKeysDialog::createKey()
{
    ClientKey settings;
    settings.name = m_name->text().trimmed();
    for (const QString& model : m_models->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        settings.allowedModels.append(model.trimmed());
    }
    if (m_expires->isChecked()) {
        settings.expiresAt = QDateTime(m_expiryDate->date().addDays(1), QTime(0, 0)).toUTC();
    }
    if (m_daily->value() > 0) {
        settings.dailyBudgetUsd = m_daily->value();
    }
    if (m_monthly->value() > 0) {
        settings.monthlyBudgetUsd = m_monthly->value();
    }
    settings.allowUnpriced = m_allowUnpriced->isChecked();
    if (m_rpm->value() > 0) {
        settings.requestsPerMinute = m_rpm->value();
    }
    const std::optional<IssuedClientKey> issued = m_store.create(settings, Clock::instance().currentDateTimeUtc());
    if (!issued) {
        showError(m_store.errorString());
        return;
    }
    showError({});
    m_newKey->setText(QString::fromLatin1(issued->secret));
    m_newKey->show();
    m_newKeyNote->show();
    m_name->clear();
    reload();
}

void ClientKeysDialog::revokeSelected()
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty()) {
        return;
    }
    const QString id = m_table->item(selected.first()->row(), IdColumn)->text();
    if (!m_store.revoke(id, Clock::instance().currentDateTimeUtc())) {
        showError(m_store.errorString());
        return;
    }
    showError({});
    reload();
}

const ClientKey* ClientKeysDialog::selectedKey() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    const QTableWidgetItem* id = selected.isEmpty() ? nullptr : m_table->item(selected.first()->row(), IdColumn);
    return id ? m_store.find(id->text()) : nullptr;
}

void ClientKeysDialog::updateButtons()
{
    const ClientKey* key = selectedKey();
    m_revoke->setEnabled(key != nullptr);
    m_unpriced->setEnabled(key != nullptr);
    m_unpriced->setText(key && key->allowUnpriced ? tr("Refuse unpriced models") : tr("Allow unpriced models"));
}

void ClientKeysDialog::toggleUnpricedOfSelected()
{
    const ClientKey* key = selectedKey();
    if (!key) {
        return;
    }
    const QString id = key->id;
    if (!m_store.setAllowUnpriced(id, !key->allowUnpriced)) {
        showError(m_store.errorString());
        return;
    }
    showError({});
    reload();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, IdColumn)->text() == id) {
            m_table->selectRow(row);
        }
    }
    updateButtons();
}
