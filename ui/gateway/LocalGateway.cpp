#include "ui/gateway/LocalGateway.h"

#include "ui/gateway/GatewayTrafficModel.h"

#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/engine/EngineGateway.h"
#include "core/gateway/ClientKeyStore.h"
#include "core/gateway/GatewayServer.h"

#include <QAction>
#include <QDir>
#include <QSettings>
#include <QSignalBlocker>

namespace {
const QString kPortKey = QStringLiteral("gateway/port");
const QString kOriginsKey = QStringLiteral("gateway/allowedOrigins");
} // namespace

LocalGateway::LocalGateway(Engine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_traffic(new GatewayTrafficModel(this))
    , m_toggle(new QAction(tr("Local &Gateway"), this))
{
    m_toggle->setObjectName(QStringLiteral("localGatewayAction"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_toggle->setStatusTip(tr("Serve the OpenAI API on this computer, routed with failover and recorded in the "
                              "ledger, for your scripts, editors and agents."));
    connect(m_toggle, &QAction::toggled, this, [this](bool on) {
        if (on) {
            start();
        } else {
            stop();
        }
    });
}

LocalGateway::~LocalGateway() = default;

quint16 LocalGateway::configuredPort()
{
    bool ok = false;
    const uint port = HomeSettings::open()->value(kPortKey, DefaultPort).toUInt(&ok);
    return ok && port <= 65535 ? quint16(port) : DefaultPort;
}

void LocalGateway::setConfiguredPort(quint16 port)
{
    HomeSettings::open()->setValue(kPortKey, port);
}

QStringList LocalGateway::configuredOrigins()
{
    return HomeSettings::open()->value(kOriginsKey).toStringList();
}

void LocalGateway::setConfiguredOrigins(const QStringList& origins)
{
    HomeSettings::open()->setValue(kOriginsKey, origins);
}

QString LocalGateway::clientKeysPath() const
{
    return QDir(m_engine.homeDir()).filePath(ClientKeyStore::fileName());
}

void LocalGateway::applyAccessSettings()
{
    if (!m_server) {
        return;
    }
    GatewayOptions options = m_server->options();
    options.allowedOrigins = configuredOrigins();
    options.clientKeysFile = clientKeysPath();
    m_server->setOptions(options);
}

quint16 LocalGateway::port() const
{
    return m_state == State::Running ? m_server->port() : configuredPort();
}

QUrl LocalGateway::endpoint() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port()));
}

int LocalGateway::inFlight() const
{
    return m_server ? m_server->inFlight() : 0;
}

bool LocalGateway::start()
{
    if (m_state == State::Running) {
        return true;
    }
    if (!m_server) {
        // One server for the window's life: request ids stay unique in the traffic table, and
        // requests still running when the gateway is switched off finish and are recorded.
        m_server = new GatewayServer(EngineGateway::dependencies(m_engine), this);
        connect(m_server, &GatewayServer::requestStarted, m_traffic, &GatewayTrafficModel::addStarted);
        connect(m_server, &GatewayServer::requestFinished, m_traffic, &GatewayTrafficModel::addFinished);
    }
    applyAccessSettings();
    const quint16 wanted = configuredPort();
    if (!m_server->listen(QHostAddress::LocalHost, wanted)) {
        m_error = tr("The gateway could not listen on 127.0.0.1:%1: %2. Another program may be using the port; "
                     "choose another port.")
                      .arg(wanted)
                      .arg(m_server->errorString());
        setChecked(false);
        setState(State::Error);
        return false;
    }
    m_error.clear();
    setChecked(true);
    setState(State::Running);
    return true;
}

void LocalGateway::stop()
{
    if (m_server) {
        m_server->close();
    }
    setChecked(false);
    if (m_state == State::Running) {
        setState(State::Stopped);
    }
}

void LocalGateway::setChecked(bool checked)
{
    const QSignalBlocker blocker(m_toggle);
    m_toggle->setChecked(checked);
}

void LocalGateway::setState(State state)
{
    if (m_state == state && state != State::Error) {
        return;
    }
    m_state = state;
    emit stateChanged(state);
}
