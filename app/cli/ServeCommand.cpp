#include "app/cli/ServeCommand.h"

#include "app/cli/Console.h"
#include "core/alerts/AlertMonitor.h"
#include "core/alerts/WebhookSender.h"
#include "core/engine/Engine.h"
#include "core/engine/EngineAlerts.h"
#include "core/engine/EngineGateway.h"
#include "core/engine/ProviderProbes.h"
#include "core/engine/TeamConfigFiles.h"
#include "core/gateway/ClientKeyStore.h"
#include "core/gateway/GatewayServer.h"
#include "core/gateway/MetricsEndpoint.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerUrl.h"
#include "core/ledger/TeamConfigFollower.h"
#include "core/telemetry/OtlpExporter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QHash>
#include <QProcessEnvironment>
#include <QSocketNotifier>

#include <csignal>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

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
    const QCommandLineOption allowHost(
        QStringLiteral("allow-host"),
        tr("A host name clients may use for this gateway besides localhost and IP addresses (repeatable; "
           "*.example.com for subdomains)."),
        QStringLiteral("NAME"));
    const QCommandLineOption allowOrigin(
        QStringLiteral("allow-origin"),
        tr("A web page origin allowed to call the gateway, e.g. https://app.example (repeatable; none by default)."),
        QStringLiteral("ORIGIN"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     tr("Serve HTTPS with this PEM certificate (chain); needs --tls-key."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), tr("The certificate's unencrypted PEM private key."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption insecureHttp(
        QStringLiteral("insecure-http"),
        tr("Allow plain HTTP beyond loopback (only behind a TLS-terminating proxy on this host)."));
    const QCommandLineOption grace(
        QStringLiteral("grace-seconds"),
        tr("On SIGINT/SIGTERM, how long requests in flight may take to finish (default 10)."), QStringLiteral("S"),
        QStringLiteral("10"));
    const QCommandLineOption metricsPort(
        QStringLiteral("metrics-port"),
        tr("Also serve GET /metrics on this loopback port, without a client key (0 picks a free one)."),
        QStringLiteral("N"));
    const QCommandLineOption otlpEndpoint(
        QStringLiteral("otlp-endpoint"),
        tr("Export a trace of every request to this OpenTelemetry collector (OTLP/HTTP JSON, e.g. "
           "http://127.0.0.1:4318; default: SWITCHYARD_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT)."),
        QStringLiteral("URL"));
    const QCommandLineOption probeEvery(
        QStringLiteral("probe-every"),
        tr("Send a tiny request (max_tokens 1) to each provider every N minutes, so an outage is known before "
           "your requests find it (off by default)."),
        QStringLiteral("MINUTES"));
    const QCommandLineOption probeCap(
        QStringLiteral("probe-cap"),
        tr("What the probes may cost per day in US dollars (default %1); they stop for the day when reached.")
            .arg(ProviderProbes::kDefaultDailyCapUsd),
        QStringLiteral("USD"), QString::number(ProviderProbes::kDefaultDailyCapUsd));
    const QCommandLineOption teamConfig(
        QStringLiteral("team-config"),
        tr("Run on the team's configuration in the ledger database (switchyard team push) and apply each new "
           "version as it is pushed."));
    parser.addOptions({ port, bind, keyEnv, quiet, allowHost, allowOrigin, tlsCert, tlsKey, insecureHttp, grace,
                        metricsPort, otlpEndpoint, probeEvery, probeCap, teamConfig });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard serve"), arguments)) {
        return false;
    }
    m_teamConfig = parser.isSet(teamConfig);
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
    const int graceValue = parser.value(grace).toInt(&ok);
    if (!ok || graceValue < 0 || graceValue > 3600) {
        Console::fail(tr("--grace-seconds needs a number from 0 to 3600"), 64);
        return false;
    }
    m_graceSeconds = graceValue;
    if (parser.isSet(metricsPort)) {
        const uint metricsValue = parser.value(metricsPort).toUInt(&ok);
        if (!ok || metricsValue > 65535) {
            Console::fail(tr("--metrics-port needs a number from 0 to 65535"), 64);
            return false;
        }
        m_metricsPort = int(metricsValue);
    }
    if (parser.isSet(probeEvery)) {
        m_probeMinutes = parser.value(probeEvery).toInt(&ok);
        if (!ok || m_probeMinutes < 1 || m_probeMinutes > 1440) {
            Console::fail(tr("--probe-every needs a number of minutes from 1 to 1440"), 64);
            return false;
        }
    }
    m_probeCapUsd = parser.value(probeCap).toDouble(&ok);
    if (!ok || m_probeCapUsd < 0) {
        Console::fail(tr("--probe-cap needs an amount of US dollars, e.g. 0.10"), 64);
        return false;
    }
    QString traceError;
    m_traces = OtlpSettings::resolve(parser.value(otlpEndpoint), QProcessEnvironment::systemEnvironment(), &traceError);
    if (!traceError.isEmpty()) {
        Console::fail(traceError, 64);
        return false;
    }
    m_keyEnv = parser.value(keyEnv);
    m_quiet = parser.isSet(quiet);
    m_tlsCert = parser.value(tlsCert);
    m_tlsKey = parser.value(tlsKey);
    m_insecureHttp = parser.isSet(insecureHttp);
    if (m_tlsCert.isEmpty() != m_tlsKey.isEmpty()) {
        Console::fail(tr("--tls-cert and --tls-key go together"), 64);
        return false;
    }
    m_allowedHosts = parser.values(allowHost);
    m_allowedOrigins = parser.values(allowOrigin);
    for (const QString& origin : std::as_const(m_allowedOrigins)) {
        if (origin != QLatin1String("*") && !origin.startsWith(QLatin1String("http://"))
            && !origin.startsWith(QLatin1String("https://")) && origin != QLatin1String("null")) {
            Console::fail(tr("--allow-origin needs an origin such as https://app.example, not \"%1\"").arg(origin), 64);
            return false;
        }
    }
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
        onStopSignal();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

void ServeCommand::onStopSignal()
{
    if (++m_stopSignals == 1) {
        Console::err(tr("Stopping: no new requests; %n request(s) in flight have %1 s to finish "
                        "(a second Ctrl+C or SIGTERM cancels them now).\n",
                        nullptr, m_gateway->inFlight())
                         .arg(m_graceSeconds));
        m_gateway->drain(m_graceSeconds * 1000);
        return;
    }
    const int cancelled = m_gateway->cancelInFlight();
    if (cancelled > 0) {
        Console::err(tr("Stopping now: %n request(s) cancelled.\n", nullptr, cancelled));
    }
}

// Alerts go to the webhooks of alerts.json and to stderr, the headless operator's log. A broken
// file is reported and the default rules run without webhooks, as a broken config degrades.
void ServeCommand::startAlerts(Engine& engine)
{
    QStringList errors;
    std::optional<AlertRules> rules
        = AlertRules::load(QDir(engine.homeDir()).filePath(AlertRules::fileName()), &errors);
    for (const QString& error : std::as_const(errors)) {
        Console::err(tr("switchyard: warning: %1 (alerts use the default rules, without webhooks)\n").arg(error));
    }
    auto* alerts = new EngineAlerts(engine, rules.value_or(AlertRules()), this);
    auto print = [](const Alert& alert) {
        Console::err((alert.firing ? tr("alert: [FIRING] %1: %2\n") : tr("alert: [CLEARED] %1: %2\n"))
                         .arg(AlertKinds::displayName(alert.kind), alert.summary));
    };
    connect(alerts->monitor(), &AlertMonitor::fired, this, print);
    connect(alerts->monitor(), &AlertMonitor::cleared, this, print);
    connect(
        alerts->webhooks(), &WebhookSender::gaveUp, this, [](const QUrl& url, const QString&, const QString& error) {
            // The host only: a Slack webhook's path is its secret.
            Console::err(tr("switchyard: warning: an alert could not be delivered to %1: %2\n").arg(url.host(), error));
        });
}

// Spans go to the collector from a queue that never holds a request up; stderr says when the
// collector stops taking them (once, until it takes some again).
void ServeCommand::startTraces(Engine& engine)
{
    if (!m_traces) {
        return;
    }
    engine.setTraceExport(m_traces);
    OtlpExporter* exporter = engine.traceExporter();
    auto failing = std::make_shared<bool>(false);
    connect(exporter, &OtlpExporter::exportFailed, this, [failing](int status, const QString& error) {
        if (!std::exchange(*failing, true)) {
            Console::err(tr("switchyard: warning: the trace collector did not take the spans (%1); they are "
                            "dropped and counted in switchyard_otlp_spans_dropped_total.\n")
                             .arg(status > 0 ? QStringLiteral("HTTP %1").arg(status) : error));
        }
    });
    connect(exporter, &OtlpExporter::exported, this, [failing](int) { *failing = false; });
    // The host only: the URL's path or query may carry a token.
    Console::out(
        tr("Traces (OTLP/HTTP JSON) to %1\n")
            .arg(m_traces->tracesUrl.host() + QLatin1Char(':') + QString::number(m_traces->tracesUrl.port(4318))));
}

// Probe results that change a provider's state go to stderr, and so does the day's cap.
void ServeCommand::followTeamConfig(Engine& engine)
{
    if (!m_teamConfig) {
        return;
    }
    if (!LedgerUrl::isUrl(engine.ledgerPath())) {
        Console::err(tr("--team-config needs a ledger database (--database postgresql://...); serving on this "
                        "home's own configuration.\n"));
        return;
    }
    auto* follower
        = new TeamConfigFollower(engine.ledgerPath(), TeamConfigFiles::appliedVersion(engine.homeDir()), this);
    connect(follower, &TeamConfigFollower::reachabilityChanged, this, [](const QString& error) {
        if (!error.isEmpty()) {
            qWarning().noquote() << tr("The team configuration cannot be read (%1); serving on the version "
                                       "applied last.")
                                        .arg(error);
        }
    });
    connect(follower, &TeamConfigFollower::versionAvailable, this,
            [&engine, follower](const TeamConfigVersion& config) {
                follower->acknowledge(config.version); // applied or refused, it is not offered again
                QString error;
                if (!TeamConfigFiles::apply(engine, config, &error)) {
                    qWarning().noquote() << tr("Not applied: the team configuration's %1 has errors (%2).")
                                                .arg(TeamConfigFiles::describe(config), error);
                    return;
                }
                qInfo().noquote() << tr("Applied the team configuration's %1.").arg(TeamConfigFiles::describe(config));
            });
    follower->start();
}

void ServeCommand::startProbes(Engine& engine)
{
    if (m_probeMinutes <= 0) {
        return;
    }
    auto* probes = new ProviderProbes(engine, this);
    probes->setDailyCapUsd(m_probeCapUsd);
    auto lastOk = std::make_shared<QHash<QString, bool>>();
    connect(probes, &ProviderProbes::probed, this,
            [lastOk](const QString& provider, const QString& model, bool ok, const QString& failureClass) {
                if (lastOk->value(provider, true) != ok || !lastOk->contains(provider)) {
                    Console::err(ok ? tr("probe: %1 answers (%2)\n").arg(provider, model)
                                    : tr("probe: %1 is down (%2: %3)\n").arg(provider, model, failureClass));
                }
                lastOk->insert(provider, ok);
            });
    connect(probes, &ProviderProbes::capReached, this,
            [](const QString& message) { Console::err(tr("probe: %1\n").arg(message)); });
    probes->setInterval(m_probeMinutes * 60 * 1000);
}

void ServeCommand::run(Engine& engine)
{
    m_gateway = new GatewayServer(EngineGateway::dependencies(engine), this);
    GatewayOptions options;
    options.apiKey = qEnvironmentVariable(m_keyEnv.toUtf8().constData()).toUtf8();
    options.allowedHosts = m_allowedHosts;
    options.allowedOrigins = m_allowedOrigins;
    options.clientKeysFile = QDir(engine.homeDir()).filePath(ClientKeyStore::fileName());
    options.tlsCertificateFile = m_tlsCert;
    options.tlsKeyFile = m_tlsKey;
    options.insecureHttp = m_insecureHttp;
    m_gateway->setOptions(options);
    if (!m_gateway->listen(m_bind, m_port)) {
        emit done(Console::fail(m_gateway->errorString()));
        return;
    }
    startAlerts(engine);
    startTraces(engine);
    startProbes(engine);
    followTeamConfig(engine);
    if (m_metricsPort >= 0) {
        auto* endpoint = new MetricsEndpoint([gateway = m_gateway] { return gateway->metricsText(); }, this);
        if (!endpoint->listen(quint16(m_metricsPort))) {
            emit done(Console::fail(
                tr("Cannot serve metrics on port %1: %2").arg(m_metricsPort).arg(endpoint->errorString())));
            return;
        }
        Console::out(tr("Metrics for Prometheus on http://127.0.0.1:%1/metrics\n").arg(endpoint->port()));
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
    Ledger* ledger = engine.ledger();
    if (ledger) {
        connect(ledger, &Ledger::writeStalled, this, [](const QString& reason) {
            Console::err(tr("switchyard: warning: the history database cannot be written (%1); requests are "
                            "kept and written when it can be.\n")
                             .arg(reason));
        });
        connect(ledger, &Ledger::writeResumed, this,
                [] { Console::err(tr("The history database is written again; nothing was lost.\n")); });
    }
    connect(m_gateway, &GatewayServer::drained, this, [this, ledger, traces = engine.traceExporter()] {
        if (ledger) {
            ledger->close(); // commits what is queued, or keeps it on disk for the next start
            const Ledger::CloseReport report = ledger->closeReport();
            if (!report.error.isEmpty()) {
                emit done(Console::fail(tr("%n record(s) could not be written to the history database nor kept in "
                                           "%1: %2",
                                           nullptr, report.spilled)
                                            .arg(QDir::toNativeSeparators(report.spillPath), report.error)));
                return;
            }
            if (report.spilled > 0) {
                Console::err(tr("The history database is still locked: %n record(s) kept in %1 are written at "
                                "the next start.\n",
                                nullptr, report.spilled)
                                 .arg(QDir::toNativeSeparators(report.spillPath)));
            }
        }
        Console::err(tr("Stopped; every request was answered or cancelled, and recorded.\n"));
        if (!traces) {
            emit done(0);
            return;
        }
        // The last spans get two seconds to reach the collector.
        connect(traces, &OtlpExporter::drained, this, [this] { emit done(0); });
        traces->drain(2000);
    });
    installSignalHandlers();
    const QString host = m_bind.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(m_bind.toString())
        : m_bind.toString();
    Console::out(tr("Switchyard gateway on %5://%1:%2/v1 (OpenAI chat/completions, Anthropic messages)%3\n"
                    "Models: auto, the routing tiers, groups and %4 models. Ctrl+C stops.\n")
                     .arg(host)
                     .arg(m_gateway->port())
                     .arg(!m_gateway->clientKeys().isEmpty() ? tr("; clients must send one of the %n client keys",
                                                                  nullptr, int(m_gateway->clientKeys().keys().size()))
                              : m_gateway->requiresKey()     ? tr("; clients must send the key from %1").arg(m_keyEnv)
                                                             : QString())
                     .arg(engine.models().size())
                     .arg(m_tlsCert.isEmpty() ? QStringLiteral("http") : QStringLiteral("https")));
}
