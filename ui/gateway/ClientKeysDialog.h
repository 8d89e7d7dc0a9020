#pragma once

#include "core/gateway/ClientKeyStore.h"

#include <QDialog>

class QDateEdit;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

// The gateway's client keys: the list (status, expiry, models, limits), a form to create one, a
// revoke button and one that lets the selected key's budget take unpriced models or not. A new key is shown once, to
// copy; only its hash is kept.
class ClientKeysDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ClientKeysDialog(const QString& storePath, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* modelsEdit() const { return m_models; }
    QDoubleSpinBox* dailyBudget() const { return m_daily; }
    QSpinBox* rpm() const { return m_rpm; }
    QCheckBox* allowUnpricedBox() const { return m_allowUnpriced; }
    QPushButton* unpricedButton() const { return m_unpriced; }
    QPushButton* createButton() const { return m_create; }
    QPushButton* revokeButton() const { return m_revoke; }
    // The key just created (empty after the dialog showed it and was closed).
    QLineEdit* newKeyEdit() const { return m_newKey; }

private:
    void reload();
    void createKey();
    void revokeSelected();
    void toggleUnpricedOfSelected();
    void updateButtons();
    const ClientKey* selectedKey() const;
    void showError(const QString& message);

    ClientKeyStore m_store;
    QTableWidget* m_table;
    QLineEdit* m_name;
    QLineEdit* m_models;
    QCheckBox* m_expires;
    QDateEdit* m_expiryDate;
    QDoubleSpinBox* m_daily;
    QDoubleSpinBox* m_monthly;
    QSpinBox* m_rpm;
    QCheckBox* m_allowUnpriced;
    QPushButton* m_create;
    QPushButton* m_revoke;
    QPushButton* m_unpriced;
    QLineEdit* m_newKey;
    QLabel* m_newKeyNote;
    QLabel* m_error;
};
