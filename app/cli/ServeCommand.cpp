#include "ServeCommand.h"

#include "Console.h"
#include "engine/Engine.h"
#include "engine/EngineGateway.h"
#include "gateway/GatewayServer.h"

#include <QCommandLineParser>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int s_signalFds[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalFds[0], &byte, 1);
}
} // namespace

bool ServeCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Serve the OpenAI API (and /v1/messages) on this machine, routed with failover."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), tr("Port (default 4000; 0 picks a free one)."),
                                  QStringLiteral("N"), QStringLiteral("4000"));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  tr("Address (default 127.0.0.1). Beyond loopback a key is required."),
                                  QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption keyEnv(
        QStringLiteral("key-env"),
        tr("Environment variable holding the key clients must send (default SWITCHYARD_GATEWAY_KEY)."),
        QStringLiteral("NAME"), QStringLiteral("SWITCHYARD_GATEWAY_KEY"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), tr("Do not log each request."));
    parser.addOptions({ port, bind, keyEnv, quiet });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard serve"), arguments)) {
        return false;
    }
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535) {
        Console::fail(tr("--port needs a number from 0 to 65535"), 64);
        return false;
    }
    m_port = quint16(portValue);
    if (!m_bind.setAddress(parser.value(bind))) {
        Console::fail(tr("--bind needs an IP address, e.g. 127.0.0.1"), 64);
        return false;
    }
    m_keyEnv = parser.value(keyEnv);
    m_quiet = parser.isSet(quiet);
    return true;
}

void ServeCommand::installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0) {
        return;
    }
    auto* notifier = new QSocketNotifier(s_signalFds[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const auto bytesRead = ::read(s_signalFds[1], &byte, 1);
        Console::err(tr("Stopping; recording what is in flight.\n"));
        emit done(0);
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

void ServeCommand::run(Engine& engine)
{
    m_gateway = new GatewayServer(EngineGateway::dependencies(engine), this);
    GatewayOptions options;
    options.apiKey = qEnvironmentVariable(m_keyEnv.toUtf8().constData()).toUtf8();
    m_gateway->setOptions(options);
    if (!m_gateway->listen(m_bind, m_port)) {
        emit done(Console::fail(m_gateway->errorString()));
        return;
    }
    if (!m_quiet) {
        connect(m_gateway, &GatewayServer::requestFinished, this, [](const GatewayTraffic& traffic) {
            Console::err(QStringLiteral("%1 %2 %3 -> %4 %5 ms%6\n")
                             .arg(traffic.status)
                             .arg(traffic.endpoint, traffic.model,
                                  traffic.finalModel.isEmpty() ? QStringLiteral("-") : traffic.finalModel)
                             .arg(traffic.latencyMs)
                             .arg(traffic.error.isEmpty() ? QString() : QStringLiteral("  ") + traffic.error));
        });
    }
    installSignalHandlers();
    const QString host = m_bind.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(m_bind.toString())
        : m_bind.toString();
    Console::out(
        tr("Switchyard gateway on http://%1:%2/v1 (OpenAI chat/completions, Anthropic messages)%3\n"
           "Models: auto, the routing tiers, groups and %4 models. Ctrl+C stops.\n")
            .arg(host)
            .arg(m_gateway->port())
            .arg(m_gateway->requiresKey() ? tr("; clients must send the key from %1").arg(m_keyEnv) : QString())
            .arg(engine.models().size()));
}
