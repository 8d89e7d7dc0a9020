#pragma once

#include <QGroupBox>

class AppSettings;
class KeyStore;
class QLabel;
class QLineEdit;
class QPushButton;

// Settings > Shared ledger: a PostgreSQL URL for a ledger shared with a team (empty: this
// computer's SQLite file) and its password, which goes to the OS keychain, never into a file.
// A password typed inside the URL is moved to the keychain too. "Test connection" connects off the
// UI thread and says what it found. The ledger location applies at the next start.
class LedgerLocationBox : public QGroupBox
{
    Q_OBJECT

public:
    // keys: null when the keychain is not in use (the password field is then disabled).
    LedgerLocationBox(AppSettings& settings, KeyStore* keys, QWidget* parent = nullptr);

    // Empty when the fields can be saved; otherwise what is wrong, naming the field.
    QString problem() const;
    // Writes the URL without its password, and the password to the keychain. Call after problem().
    void save();

    QLineEdit* urlEdit() const { return m_url; }

signals:
    void checkFinished(bool ok, const QString& message);

private:
    void testConnection();
    QString password() const;

    AppSettings& m_settings;
    KeyStore* m_keys;
    QLineEdit* m_url;
    QLineEdit* m_password;
    QPushButton* m_test;
    QLabel* m_status;
};
