#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>

class Engine;
class GatewayServer;
class GatewayTrafficModel;
class QAction;

// The GUI's "Local Gateway" switch: a GatewayServer on 127.0.0.1 wired to the engine as
// `switchyard serve` is, started and stopped by a checkable action, with its traffic in a model.
// The port comes from the settings ("gateway/port", default 4000 like the CLI).
class LocalGateway : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Running,
        Error,
    };
    Q_ENUM(State)

    static constexpr quint16 DefaultPort = 4000;

    explicit LocalGateway(Engine& engine, QObject* parent = nullptr);
    ~LocalGateway() override;

    // Checkable; checked while the gateway listens.
    QAction* toggleAction() const { return m_toggle; }
    GatewayTrafficModel* traffic() const { return m_traffic; }
    GatewayServer* server() const { return m_server; }

    State state() const { return m_state; }
    // Why the last start failed (State::Error).
    QString errorString() const { return m_error; }
    // The port to listen on next (the settings' value); port() while running is the bound one.
    static quint16 configuredPort();
    static void setConfiguredPort(quint16 port);
    // Web page origins allowed to call the gateway ("gateway/allowedOrigins"; none by default).
    static QStringList configuredOrigins();
    static void setConfiguredOrigins(const QStringList& origins);
    // The client keys file in the engine's home dir (the same `switchyard keys` and serve use).
    QString clientKeysPath() const;
    // Applies the allowed origins to the running gateway (and to the next start).
    void applyAccessSettings();
    quint16 port() const;
    // The base URL an OpenAI SDK is pointed at, e.g. http://127.0.0.1:4000/v1.
    QUrl endpoint() const;
    int inFlight() const;

    bool start();
    void stop();

signals:
    void stateChanged(LocalGateway::State state);

private:
    void setState(State state);
    void setChecked(bool checked);

    Engine& m_engine;
    GatewayServer* m_server = nullptr;
    GatewayTrafficModel* m_traffic;
    QAction* m_toggle;
    State m_state = State::Stopped;
    QString m_error;
};
