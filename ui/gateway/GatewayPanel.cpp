#include "ui/gateway/GatewayPanel.h"

#include "ui/gateway/ClientKeysDialog.h"
#include "ui/gateway/GatewayTrafficModel.h"
#include "ui/gateway/LocalGateway.h"

#include "ui/common/Icons.h"
#include "ui/common/StatusColors.h"

#include <QAction>
#include <QClipboard>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

GatewayPanel::GatewayPanel(LocalGateway* gateway, QWidget* parent)
    : QWidget(parent)
    , m_gateway(gateway)
    , m_state(new QLabel(this))
    , m_start(new QPushButton(this))
    , m_endpoint(new QLineEdit(this))
    , m_copy(new QToolButton(this))
    , m_port(new QSpinBox(this))
    , m_origins(new QLineEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
{
    m_state->setObjectName(QStringLiteral("gatewayState"));
    m_state->setTextFormat(Qt::RichText);
    m_start->setObjectName(QStringLiteral("gatewayStart"));
    connect(m_start, &QPushButton::clicked, m_gateway->toggleAction(), &QAction::trigger);

    m_endpoint->setObjectName(QStringLiteral("gatewayEndpoint"));
    m_endpoint->setReadOnly(true);
    m_endpoint->setToolTip(tr("Use this as the base URL of an OpenAI SDK; the model may be \"auto\", a routing tier, "
                              "a group or a model id."));
    m_copy->setIcon(Icons::icon(QStringLiteral("copy")));
    m_copy->setToolTip(tr("Copy the endpoint URL"));
    m_copy->setAutoRaise(true);
    connect(m_copy, &QToolButton::clicked, this, &GatewayPanel::copyEndpoint);

    m_port->setObjectName(QStringLiteral("gatewayPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(LocalGateway::configuredPort());
    m_port->setToolTip(tr("The port the gateway listens on, on 127.0.0.1 (applies when it starts)."));
    connect(m_port, &QSpinBox::valueChanged, this, [this](int port) {
        LocalGateway::setConfiguredPort(quint16(port));
        updateState();
    });

    m_origins->setObjectName(QStringLiteral("gatewayOrigins"));
    m_origins->setText(LocalGateway::configuredOrigins().join(QStringLiteral(", ")));
    m_origins->setPlaceholderText(tr("none (e.g. https://app.example)"));
    m_origins->setToolTip(tr("Web pages allowed to call the gateway from a browser, separated by commas. Requests "
                             "from any other page are refused, so a site you visit cannot spend your credit."));
    connect(m_origins, &QLineEdit::editingFinished, this, &GatewayPanel::applyOrigins);

    m_errorLabel->setObjectName(QStringLiteral("gatewayError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral("color: %1;").arg(StatusColors::name(StatusTone::Bad)));
    m_errorLabel->hide();

    m_summary->setObjectName(QStringLiteral("gatewaySummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    m_table->setObjectName(QStringLiteral("gatewayTraffic"));
    m_table->setModel(m_gateway->traffic());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // Wide enough for typical values; model names get the slack.
    const QFontMetrics metrics = m_table->fontMetrics();
    auto widthFor = [&metrics](const QString& sample) { return metrics.horizontalAdvance(sample) + 24; };
    header->resizeSection(GatewayTrafficModel::TimeColumn, widthFor(QStringLiteral("00:00:00")));
    header->resizeSection(GatewayTrafficModel::ModelColumn, widthFor(QStringLiteral("sandbox/claude-haiku-4-5")));
    header->resizeSection(GatewayTrafficModel::RoutedColumn, widthFor(QStringLiteral("sandbox/claude-haiku-4-5")));
    header->resizeSection(GatewayTrafficModel::StatusColumn, widthFor(tr("client left")));
    header->resizeSection(GatewayTrafficModel::FailoversColumn, widthFor(tr("Failovers")));
    header->resizeSection(GatewayTrafficModel::LatencyColumn, widthFor(QStringLiteral("00,000 ms")));
    header->resizeSection(GatewayTrafficModel::TokensColumn, widthFor(QStringLiteral("~0,000 in / 0,000 out")));
    header->resizeSection(GatewayTrafficModel::CostColumn, widthFor(QStringLiteral("$0.000000")));
    // Model names take the room the dock has (the figures keep their widths).
    header->setSectionResizeMode(GatewayTrafficModel::ModelColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(GatewayTrafficModel::RoutedColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(widthFor(QStringLiteral("00:00:00")));

    auto* keys = new QPushButton(tr("Client keys…"), this);
    keys->setObjectName(QStringLiteral("gatewayClientKeys"));
    keys->setToolTip(tr("Keys for the programs and people that use this gateway, with their models and budgets."));
    connect(keys, &QPushButton::clicked, this, [this] {
        ClientKeysDialog dialog(m_gateway->clientKeysPath(), this);
        dialog.exec();
    });

    auto* clear = new QPushButton(tr("Clear"), this);
    clear->setToolTip(tr("Clear the table (the ledger keeps every request)."));
    connect(clear, &QPushButton::clicked, m_gateway->traffic(), &GatewayTrafficModel::clear);

    auto* top = new QGridLayout;
    top->addWidget(m_state, 0, 0, 1, 3);
    top->addWidget(m_start, 0, 3);
    top->addWidget(new QLabel(tr("Endpoint:"), this), 1, 0);
    top->addWidget(m_endpoint, 1, 1);
    top->addWidget(m_copy, 1, 2);
    auto* portRow = new QHBoxLayout;
    portRow->addWidget(new QLabel(tr("Port:"), this));
    portRow->addWidget(m_port);
    top->addLayout(portRow, 1, 3);
    top->addWidget(new QLabel(tr("Web pages:"), this), 2, 0);
    top->addWidget(m_origins, 2, 1, 1, 3);
    top->setColumnStretch(1, 1);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(keys);
    bottom->addWidget(clear);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_gateway, &LocalGateway::stateChanged, this, &GatewayPanel::updateState);
    GatewayTrafficModel* traffic = m_gateway->traffic();
    connect(traffic, &QAbstractItemModel::rowsInserted, this, &GatewayPanel::updateSummary);
    connect(traffic, &QAbstractItemModel::rowsRemoved, this, &GatewayPanel::updateSummary);
    connect(traffic, &QAbstractItemModel::dataChanged, this, &GatewayPanel::updateSummary);
    updateState();
    updateSummary();
}

void GatewayPanel::applyOrigins()
{
    QStringList origins;
    QStringList refused;
    const QStringList parts
        = m_origins->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (QString origin : parts) {
        while (origin.endsWith(QLatin1Char('/'))) {
            origin.chop(1);
        }
        const QUrl url(origin);
        const bool valid = origin == QLatin1String("*")
            || (url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
                && !url.host().isEmpty() && url.path().isEmpty());
        (valid ? origins : refused).append(origin);
    }
    LocalGateway::setConfiguredOrigins(origins);
    m_gateway->applyAccessSettings();
    m_origins->setText(origins.join(QStringLiteral(", ")));
    if (!refused.isEmpty()) {
        m_errorLabel->setText(
            tr("Not an origin (scheme://host[:port]), left out: %1").arg(refused.join(QStringLiteral(", "))));
        m_errorLabel->show();
    } else if (m_gateway->state() != LocalGateway::State::Error) {
        m_errorLabel->hide();
    }
}

void GatewayPanel::copyEndpoint()
{
    const QString url = m_gateway->endpoint().toString();
    QGuiApplication::clipboard()->setText(url);
    emit endpointCopied(url);
}

void GatewayPanel::updateState()
{
    const LocalGateway::State state = m_gateway->state();
    QString color;
    QString text;
    switch (state) {
    case LocalGateway::State::Running:
        color = StatusColors::name(StatusTone::Good);
        text = tr("Running on 127.0.0.1:%1").arg(m_gateway->port());
        break;
    case LocalGateway::State::Stopped:
        color = StatusColors::name(StatusTone::Neutral);
        text = tr("Stopped");
        break;
    case LocalGateway::State::Error:
        color = StatusColors::name(StatusTone::Bad);
        text = tr("Could not start");
        break;
    }
    m_state->setText(
        QStringLiteral("<span style=\"color:%1\">&#9679;</span> <b>%2</b>").arg(color, text.toHtmlEscaped()));
    const bool running = state == LocalGateway::State::Running;
    m_start->setText(running ? tr("Stop") : tr("Start"));
    m_port->setEnabled(!running);
    m_endpoint->setText(m_gateway->endpoint().toString());
    m_errorLabel->setText(m_gateway->errorString());
    m_errorLabel->setVisible(state == LocalGateway::State::Error);
}

void GatewayPanel::updateSummary()
{
    const int rows = m_gateway->traffic()->rowCount();
    // From the rows, not the server: it counts a request in flight only after announcing it.
    const int running = m_gateway->traffic()->runningCount();
    if (rows == 0) {
        m_summary->setText(tr("No requests yet."));
    } else if (running == 0) {
        m_summary->setText(tr("Requests shown: %1").arg(rows));
    } else {
        m_summary->setText(tr("Requests shown: %1 (running: %2)").arg(rows).arg(running));
    }
}
