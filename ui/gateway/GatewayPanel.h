#pragma once

#include <QWidget>

class LocalGateway;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;

// The Local Gateway's panel: its state, the endpoint to paste into an OpenAI SDK's base URL, the
// port, and the live traffic table (newest request first).
class GatewayPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GatewayPanel(LocalGateway* gateway, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QLabel* stateLabel() const { return m_state; }
    QLabel* errorLabel() const { return m_errorLabel; }
    QLineEdit* endpointEdit() const { return m_endpoint; }
    QPushButton* startButton() const { return m_start; }
    QSpinBox* portSpin() const { return m_port; }
    QLineEdit* originsEdit() const { return m_origins; }

    void copyEndpoint();

signals:
    void endpointCopied(const QString& url);

private:
    void updateState();
    void updateSummary();
    void applyOrigins();

    LocalGateway* m_gateway;
    QLabel* m_state;
    QPushButton* m_start;
    QLineEdit* m_endpoint;
    QToolButton* m_copy;
    QSpinBox* m_port;
    QLineEdit* m_origins;
    QLabel* m_errorLabel;
    QLabel* m_summary;
    QTableView* m_table;
};
