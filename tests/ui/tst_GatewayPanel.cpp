#include "UiFixture.h"
#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/gateway/GatewayServer.h"
#include "core/pricing/BudgetTracker.h"
#include "core/sandbox/SandboxServer.h"
#include "core/workbench/ColumnFigures.h"
#include "ui/MainWindow.h"
#include "ui/gateway/GatewayDock.h"
#include "ui/gateway/GatewayPanel.h"
#include "ui/gateway/GatewayTrafficModel.h"
#include "ui/gateway/LocalGateway.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

// The GUI's Local Gateway on a real Engine (sandbox + ledger in a temporary home): the Tools
// menu switch starts it on the configured port, real HTTP requests show up in the traffic table,
// switching off closes the port, and a port in use is reported instead of starting.
class tst_GatewayPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<Engine> m_engine;
    QNetworkAccessManager m_nam;

    static quint16 freePort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            return 0;
        }
        return probe.serverPort();
    }

    struct Answer
    {
        int status = 0;
        QJsonObject json;
    };
    Answer post(quint16 port, const QByteArray& body, const QByteArray& path = "/v1/chat/completions")
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port) + QString::fromLatin1(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = m_nam.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        Answer answer;
        if (reply->isFinished() || finished.wait(20000)) {
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.json = QJsonDocument::fromJson(reply->readAll()).object();
        }
        reply->deleteLater();
        return answer;
    }
    static QByteArray chat(const QString& model, const QString& prompt = QStringLiteral("Say hello"))
    {
        return QJsonDocument(
                   QJsonObject { { QStringLiteral("model"), model },
                                 { QStringLiteral("messages"),
                                   QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                                              { QStringLiteral("content"), prompt } } } } })
            .toJson(QJsonDocument::Compact);
    }
    static QString cell(const GatewayTrafficModel* model, int row, int column)
    {
        return model->index(row, column).data().toString();
    }
    // Whether something accepts connections on the port.
    static bool portAccepts(quint16 port)
    {
        QTcpSocket socket;
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 5000)) {
            return false;
        }
        return !connected.isEmpty();
    }

private slots:
    void initTestCase()
    {
        UiFixture::initTestCase(QStringLiteral("tst_gatewaypanel"));
        HomeSettings::open()->clear();
        m_engine = std::make_unique<Engine>();
        Engine::Options options = UiFixture::sandboxEngine(m_home.path());
        QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
        m_engine->sandbox()->setTimeScale(0.05);
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        HomeSettings::open()->clear();
    }
    void init() { HomeSettings::open()->remove(QStringLiteral("mainWindow")); }

    void defaultPort_isTheCliDefault()
    {
        HomeSettings::open()->remove(QStringLiteral("gateway/port"));
        QCOMPARE(LocalGateway::configuredPort(), quint16(4000));
        MainWindow window(*m_engine);
        auto* dock = window.findChild<GatewayDock*>();
        QVERIFY(dock);
        QCOMPARE(dock->panel()->endpointEdit()->text(), QStringLiteral("http://127.0.0.1:4000/v1"));
        QCOMPARE(dock->gateway()->state(), LocalGateway::State::Stopped);
    }

    void toggleOn_requestAppearsInTable_toggleOff_closesPort()
    {
        const quint16 port = freePort();
        QVERIFY(port != 0);
        LocalGateway::setConfiguredPort(port);
        MainWindow window(*m_engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<GatewayDock*>();
        QVERIFY(dock);
        auto* toggle = window.findChild<QAction*>(QStringLiteral("localGatewayAction"));
        QVERIFY(toggle);
        QVERIFY(toggle->isCheckable());
        QVERIFY(!toggle->shortcut().isEmpty());
        GatewayTrafficModel* traffic = dock->gateway()->traffic();
        QAbstractItemModelTester tester(traffic, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(traffic, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(traffic, &QAbstractItemModel::modelReset);

        toggle->trigger();
        QVERIFY(toggle->isChecked());
        QCOMPARE(dock->gateway()->state(), LocalGateway::State::Running);
        QVERIFY(dock->isVisible());
        QCOMPARE(dock->panel()->endpointEdit()->text(), QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        QVERIFY(dock->statusMark()->isVisible());
        QVERIFY(dock->statusMark()->text().contains(QString::number(port)));
        QVERIFY(!dock->panel()->portSpin()->isEnabled());

        const Answer answer = post(port, chat(QStringLiteral("sandbox/gpt-4.1-mini")));
        QCOMPARE(answer.status, 200);
        QVERIFY(!answer.json.value(QStringLiteral("choices")).toArray().isEmpty());
        QTRY_COMPARE(traffic->rowCount(), 1);
        QTRY_COMPARE(cell(traffic, 0, GatewayTrafficModel::StatusColumn), QStringLiteral("200 ok"));
        QCOMPARE(cell(traffic, 0, GatewayTrafficModel::ModelColumn), QStringLiteral("sandbox/gpt-4.1-mini"));
        QCOMPARE(cell(traffic, 0, GatewayTrafficModel::RoutedColumn), QStringLiteral("sandbox/gpt-4.1-mini"));
        QCOMPARE(cell(traffic, 0, GatewayTrafficModel::FailoversColumn), QStringLiteral("0"));
        QVERIFY(cell(traffic, 0, GatewayTrafficModel::LatencyColumn).endsWith(QStringLiteral(" ms")));
        QVERIFY(cell(traffic, 0, GatewayTrafficModel::TokensColumn).contains(QStringLiteral(" out")));
        QVERIFY(cell(traffic, 0, GatewayTrafficModel::CostColumn).startsWith(QStringLiteral("$")));
        QVERIFY(!cell(traffic, 0, GatewayTrafficModel::TimeColumn).isEmpty());
        QCOMPARE(inserted.size(), 1); // started, then filled in: one row per request
        QCOMPARE(dock->panel()->table()->model(), traffic);

        // An unknown model is a row too, with its status and the reason in the tooltip.
        QCOMPARE(post(port, chat(QStringLiteral("no-such-model"))).status, 404);
        QTRY_COMPARE(traffic->rowCount(), 2);
        QCOMPARE(cell(traffic, 0, GatewayTrafficModel::StatusColumn), QStringLiteral("404 error"));
        QVERIFY(traffic->index(0, GatewayTrafficModel::StatusColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("no-such-model")));
        QCOMPARE(reset.size(), 0);

        toggle->trigger();
        QVERIFY(!toggle->isChecked());
        QCOMPARE(dock->gateway()->state(), LocalGateway::State::Stopped);
        QVERIFY(!dock->statusMark()->isVisible());
        QVERIFY(!portAccepts(port));
        QCOMPARE(traffic->rowCount(), 2); // the table stays for a look afterwards
    }

    // Web pages are refused unless the user allowed their origin in the panel; the refusal is a
    // row in the traffic table, and an allowed page gets CORS headers.
    void webPageOrigins_refusedUnlessAllowedInThePanel()
    {
        const quint16 port = freePort();
        QVERIFY(port != 0);
        LocalGateway::setConfiguredPort(port);
        LocalGateway::setConfiguredOrigins({});
        MainWindow window(*m_engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<GatewayDock*>();
        auto* toggle = window.findChild<QAction*>(QStringLiteral("localGatewayAction"));
        QVERIFY(dock && toggle);
        GatewayTrafficModel* traffic = dock->gateway()->traffic();
        traffic->clear();
        toggle->trigger();
        QCOMPARE(dock->gateway()->state(), LocalGateway::State::Running);

        auto postFrom = [&](const QByteArray& origin) {
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Origin", origin);
            QNetworkReply* reply = m_nam.post(request, chat(QStringLiteral("sandbox/gpt-4.1-mini")));
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!reply->isFinished()) {
                finished.wait(20000);
            }
            reply->deleteLater();
            return std::pair { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                               reply->rawHeader("Access-Control-Allow-Origin") };
        };
        QCOMPARE(postFrom("https://app.example").first, 403);
        QTRY_COMPARE(traffic->rowCount(), 1);
        QCOMPARE(cell(traffic, 0, GatewayTrafficModel::StatusColumn), QStringLiteral("403 error"));
        QVERIFY(traffic->index(0, GatewayTrafficModel::StatusColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("https://app.example")));

        QLineEdit* origins = dock->panel()->originsEdit();
        QVERIFY(origins->isVisibleTo(&window));
        origins->setText(QStringLiteral("https://app.example/, not-an-origin"));
        emit origins->editingFinished();
        QCOMPARE(origins->text(), QStringLiteral("https://app.example"));
        QCOMPARE(LocalGateway::configuredOrigins(), QStringList { QStringLiteral("https://app.example") });
        auto* error = dock->panel()->findChild<QLabel*>(QStringLiteral("gatewayError"));
        QVERIFY(error && error->isVisibleTo(&window) && error->text().contains(QStringLiteral("not-an-origin")));

        const auto allowed = postFrom("https://app.example");
        QCOMPARE(allowed.first, 200);
        QCOMPARE(allowed.second, QByteArray("https://app.example"));
        QCOMPARE(postFrom("https://other.example").first, 403);
        toggle->trigger();
        LocalGateway::setConfiguredOrigins({});
    }

    void portInUse_unchecksAndShowsTheError()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        LocalGateway::setConfiguredPort(occupant.serverPort());
        MainWindow window(*m_engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<GatewayDock*>();
        auto* toggle = window.findChild<QAction*>(QStringLiteral("localGatewayAction"));
        QVERIFY(dock && toggle);
        QSignalSpy states(dock->gateway(), &LocalGateway::stateChanged);

        toggle->trigger();
        QVERIFY(!toggle->isChecked());
        QCOMPARE(dock->gateway()->state(), LocalGateway::State::Error);
        QCOMPARE(states.size(), 1);
        QVERIFY(dock->isVisible());
        QLabel* error = dock->panel()->errorLabel();
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QString::number(occupant.serverPort())), qPrintable(error->text()));
        QVERIFY(!dock->statusMark()->isVisible());
        QVERIFY(dock->panel()->portSpin()->isEnabled());
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(dock->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/gateway-port-in-use.png")));

        // Another port, and it starts.
        const quint16 port = freePort();
        dock->panel()->portSpin()->setValue(port);
        toggle->trigger();
        QVERIFY(toggle->isChecked());
        QCOMPARE(dock->gateway()->state(), LocalGateway::State::Running);
        QVERIFY(!error->isVisible());
        QVERIFY(portAccepts(port));
        toggle->trigger();
    }

    // A primary that fails: the row names the fallback that answered and counts the failover.
    // Also saves build/screenshots/gateway-panel.png (the window with the dock, a few rows).
    void failover_showsFallbackAndCount_andScreenshot()
    {
        const quint16 port = freePort();
        LocalGateway::setConfiguredPort(port);
        m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::httpError(503));
        MainWindow window(*m_engine);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<GatewayDock*>();
        QVERIFY(dock);
        dock->gateway()->toggleAction()->trigger();
        QCOMPARE(dock->gateway()->state(), LocalGateway::State::Running);
        GatewayTrafficModel* traffic = dock->gateway()->traffic();

        QCOMPARE(post(port, chat(QStringLiteral("auto"), QStringLiteral("What is the capital of France?"))).status,
                 200);
        QTRY_COMPARE(cell(traffic, 0, GatewayTrafficModel::StatusColumn), QStringLiteral("200 ok"));
        QCOMPARE(cell(traffic, 0, GatewayTrafficModel::ModelColumn), QStringLiteral("auto"));
        QCOMPARE(cell(traffic, 0, GatewayTrafficModel::FailoversColumn), QStringLiteral("1"));
        QVERIFY(!cell(traffic, 0, GatewayTrafficModel::RoutedColumn).isEmpty());
        QVERIFY(cell(traffic, 0, GatewayTrafficModel::RoutedColumn) != QStringLiteral("sandbox/gpt-4.1-mini"));
        m_engine->sandbox()->clearFaults();

        QCOMPARE(post(port, chat(QStringLiteral("sandbox/claude-haiku-4-5"))).status, 200);
        QCOMPARE(post(port, chat(QStringLiteral("gpt-5-turbo-preview"))).status, 404);
        QCOMPARE(post(port, chat(QStringLiteral("sandbox/deepseek-chat"), QStringLiteral("Write a haiku about rails.")))
                     .status,
                 200);
        QTRY_COMPARE(traffic->rowCount(), 4);
        QTRY_VERIFY(dock->gateway()->inFlight() == 0);

        QTest::qWait(50); // let the layout settle before grabbing
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(window.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/gateway-window.png")));
        QVERIFY(dock->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/gateway-panel.png")));
        dock->gateway()->toggleAction()->trigger();
    }

    // A row appears when the request starts and is filled in when it ends; a client that goes
    // away shows as such.
    void runningRequest_showsLive_thenClientLeft()
    {
        const quint16 port = freePort();
        LocalGateway::setConfiguredPort(port);
        m_engine->sandbox()->setFault(QStringLiteral("gemini-2.5-flash"),
                                      SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
        MainWindow window(*m_engine);
        auto* dock = window.findChild<GatewayDock*>();
        QVERIFY(dock);
        dock->gateway()->toggleAction()->trigger();
        QCOMPARE(dock->gateway()->state(), LocalGateway::State::Running);
        GatewayTrafficModel* traffic = dock->gateway()->traffic();

        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = m_nam.post(request, chat(QStringLiteral("sandbox/gemini-2.5-flash")));
        QTRY_COMPARE(traffic->rowCount(), 1);
        QCOMPARE(cell(traffic, 0, GatewayTrafficModel::StatusColumn), QStringLiteral("running"));
        QCOMPARE(cell(traffic, 0, GatewayTrafficModel::ModelColumn), QStringLiteral("sandbox/gemini-2.5-flash"));
        QCOMPARE(dock->gateway()->inFlight(), 1);
        auto* summary = dock->panel()->findChild<QLabel*>(QStringLiteral("gatewaySummary"));
        QVERIFY(summary);
        QTRY_VERIFY2(summary->text().contains(QStringLiteral("running: 1")), qPrintable(summary->text()));

        reply->abort();
        reply->deleteLater();
        QTRY_COMPARE(cell(traffic, 0, GatewayTrafficModel::StatusColumn), QStringLiteral("client left"));
        QCOMPARE(traffic->rowCount(), 1);
        QTRY_COMPARE(dock->gateway()->inFlight(), 0);
        m_engine->sandbox()->clearFaults();
        dock->gateway()->toggleAction()->trigger();
    }

    // The router's budget holds already commit what a gateway request cost; recording it in the
    // ledger must not count it a second time.
    void gatewaySpend_countsOnceAgainstBudgets()
    {
        QTemporaryDir home;
        Engine engine;
        Engine::Options options;
        options.homeDir = home.path();
        options.sandbox = true;
        QVERIFY2(engine.open(options), qPrintable(engine.errorString()));
        engine.sandbox()->setTimeScale(0.05);
        const quint16 port = freePort();
        LocalGateway::setConfiguredPort(port);
        MainWindow window(engine);
        // After the window: its settings apply the (unset) budgets to the engine.
        BudgetSettings budgets;
        budgets.global.dailyUsd = 100;
        engine.budgets()->setSettings(budgets);
        auto* dock = window.findChild<GatewayDock*>();
        QVERIFY(dock);
        dock->gateway()->toggleAction()->trigger();
        QCOMPARE(dock->gateway()->state(), LocalGateway::State::Running);

        QCOMPARE(post(port, chat(QStringLiteral("sandbox/claude-haiku-4-5"))).status, 200);
        GatewayTrafficModel* traffic = dock->gateway()->traffic();
        QTRY_COMPARE(traffic->rowCount(), 1);
        QTRY_VERIFY(traffic->traffic(0).status == 200);
        const std::optional<double> cost = traffic->traffic(0).costUsd;
        QVERIFY(cost && *cost > 0);
        double spent = -1;
        for (const ScopeUsage& usage : engine.budgets()->usage()) {
            if (usage.scope.period == BudgetPeriod::Day) {
                spent = usage.spentUsd;
            }
        }
        QVERIFY2(qAbs(spent - *cost) < 1e-9, qPrintable(QStringLiteral("spent %1, cost %2").arg(spent).arg(*cost)));
        dock->gateway()->toggleAction()->trigger();
    }

    void trafficModel_keepsLastRows_newestFirst()
    {
        GatewayTrafficModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxRows(3);
        for (quint64 id = 1; id <= 5; ++id) {
            GatewayTraffic traffic;
            traffic.id = id;
            traffic.model = QStringLiteral("m%1").arg(id);
            model.addStarted(traffic);
        }
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.traffic(0).id, quint64(5));
        QCOMPARE(model.traffic(2).id, quint64(3));
        QCOMPARE(cell(&model, 0, GatewayTrafficModel::StatusColumn), QStringLiteral("running"));

        GatewayTraffic done = model.traffic(1);
        done.status = 200;
        done.finalModel = QStringLiteral("sandbox/x");
        done.failovers = 2;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.addFinished(done);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(&model, 1, GatewayTrafficModel::RoutedColumn), QStringLiteral("sandbox/x"));
        QCOMPARE(cell(&model, 1, GatewayTrafficModel::FailoversColumn), QStringLiteral("2"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // One formatter: a cost reads the same in the gateway panel as in a workbench column, in
    // the user's locale (the dashboard said "$0,0002" where the workbench said "$0.000213").
    void costColumn_readsAsTheWorkbench_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<double>("usd");
        QTest::addColumn<QString>("text");
        QTest::newRow("German, a fraction of a cent") << "de_DE" << 0.000213 << QStringLiteral("$0,000213");
        QTest::newRow("German, dollars") << "de_DE" << 1234.5 << QStringLiteral("$1.234,50");
        QTest::newRow("English, a fraction of a cent") << "en_US" << 0.000213 << QStringLiteral("$0.000213");
        QTest::newRow("English, a quarter") << "en_US" << 0.25 << QStringLiteral("$0.25");
    }
    void costColumn_readsAsTheWorkbench()
    {
        QFETCH(QString, locale);
        QFETCH(double, usd);
        QFETCH(QString, text);
        const QLocale previous;
        QLocale::setDefault(QLocale(locale));
        GatewayTrafficModel model;
        GatewayTraffic traffic;
        traffic.id = 1;
        model.addStarted(traffic);
        traffic.status = 200;
        traffic.costUsd = usd;
        model.addFinished(traffic);
        ColumnFigures figures;
        figures.priced = true;
        figures.costUsd = usd;
        const QString gateway = cell(&model, 0, GatewayTrafficModel::CostColumn);
        const QString workbench = FigureFormat::cost(figures);
        QLocale::setDefault(previous);
        QCOMPARE(gateway, text);
        QCOMPARE(workbench, text);
    }
};

QTEST_MAIN(tst_GatewayPanel)
#include "tst_GatewayPanel.moc"
