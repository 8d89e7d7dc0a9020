#include "ui/settings/LedgerLocationBox.h"

#include "core/ledger/LedgerCheck.h"
#include "core/ledger/LedgerUrl.h"
#include "core/secrets/KeyStore.h"
#include "core/settings/AppSettings.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QThread>

#include <memory>

LedgerLocationBox::LedgerLocationBox(AppSettings& settings, KeyStore* keys, QWidget* parent)
    : QGroupBox(tr("Shared ledger"), parent)
    , m_settings(settings)
    , m_keys(keys)
    , m_url(new QLineEdit(settings.value(AppSettings::DatabaseUrl).toString()))
    , m_password(new QLineEdit)
    , m_test(new QPushButton(tr("Test connection")))
    , m_status(new QLabel)
{
    m_url->setObjectName(QStringLiteral("databaseUrl"));
    m_url->setPlaceholderText(tr("postgresql://user@host/db (empty: this computer only)"));
    m_url->setToolTip(tr("A PostgreSQL database that a team's apps and gateways share: one spend, one history, "
                         "budgets that hold across all of them"));
    m_password->setObjectName(QStringLiteral("databasePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setEnabled(keys != nullptr);
    m_password->setPlaceholderText(keys ? tr("kept in the keychain; empty: unchanged or PGPASSFILE")
                                        : tr("no keychain: use PGPASSFILE"));
    m_test->setObjectName(QStringLiteral("testDatabase"));
    m_status->setObjectName(QStringLiteral("databaseStatus"));
    m_status->setWordWrap(true);
    const QString fromEnvironment = qEnvironmentVariable("SWITCHYARD_DATABASE_URL");
    m_status->setText(fromEnvironment.isEmpty() ? tr("Applies when Switchyard starts again.")
                                                : tr("SWITCHYARD_DATABASE_URL is set and wins over this: %1")
                                                      .arg(ledgerLocationForDisplay(fromEnvironment)));

    auto* passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_test);
    auto* form = new QFormLayout(this);
    form->addRow(tr("PostgreSQL URL"), m_url);
    form->addRow(tr("Password"), passwordRow);
    form->addRow(QString(), m_status);

    connect(m_test, &QPushButton::clicked, this, &LedgerLocationBox::testConnection);
    connect(m_url, &QLineEdit::textEdited, m_test, [this] { m_test->setEnabled(true); });
}

QString LedgerLocationBox::problem() const
{
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        return {};
    }
    QString error;
    const std::optional<LedgerUrl> url = LedgerUrl::isUrl(text) ? LedgerUrl::parse(text, &error) : std::nullopt;
    if (!url) {
        return tr("Shared ledger: %1")
            .arg(error.isEmpty() ? tr("\"%1\" is not a postgresql:// URL").arg(ledgerLocationForDisplay(text)) : error);
    }
    // Only the URL without its password is kept: without a keychain the password would be lost.
    if (!m_keys && !url->password.isEmpty()) {
        return tr("Shared ledger: without a keychain the password cannot be kept; remove it from the URL "
                  "and put it in PGPASSFILE");
    }
    return {};
}

QString LedgerLocationBox::password() const
{
    if (!m_password->text().isEmpty()) {
        return m_password->text();
    }
    const std::optional<LedgerUrl> url = LedgerUrl::parse(m_url->text().trimmed(), nullptr);
    return url ? url->password : QString();
}

void LedgerLocationBox::save()
{
    const std::optional<LedgerUrl> url = LedgerUrl::parse(m_url->text().trimmed(), nullptr);
    if (!url) {
        m_settings.setValue(AppSettings::DatabaseUrl, QString());
        return;
    }
    const QString password = this->password();
    if (m_keys && !password.isEmpty()) {
        m_keys->writeKey(url->keychainEntry(), password);
        // This process connects with it from now on too (the engine reads it at start).
        LedgerUrl::setPassword(url->redacted(), password);
    }
    m_settings.setValue(AppSettings::DatabaseUrl, url->redacted());
}

void LedgerLocationBox::testConnection()
{
    if (const QString wrong = problem(); !wrong.isEmpty() || m_url->text().trimmed().isEmpty()) {
        const QString message = wrong.isEmpty() ? tr("No URL: the ledger is this computer's SQLite file.") : wrong;
        m_status->setText(message);
        emit checkFinished(false, message);
        return;
    }
    m_test->setEnabled(false);
    m_status->setText(tr("Connecting…"));
    auto result = std::make_shared<LedgerCheck::Result>();
    QThread* thread = QThread::create([result, location = m_url->text().trimmed(), password = password()] {
        *result = LedgerCheck::run(location, password);
    });
    QPointer<LedgerLocationBox> self(this);
    connect(thread, &QThread::finished, thread, [self, result, thread] {
        thread->deleteLater();
        if (!self) {
            return;
        }
        self->m_test->setEnabled(true);
        self->m_status->setText(result->message);
        emit self->checkFinished(result->ok, result->message);
    });
    thread->start();
}
