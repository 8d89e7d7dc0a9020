#include "core/http/HttpServer.h"

#include <QCoreApplication>
#include <QStringList>

int runGatewayBenchmarks(const QStringList& args);

int main(int argc, char* argv[])
{
    // The event loop `switchyard serve` runs (set before the application exists, as there). Left
    // in the environment: the client and upstream processes run the same loop.
    HttpServer::preferPlainEventLoop();
    QCoreApplication app(argc, argv);
    return runGatewayBenchmarks(app.arguments().mid(1));
}
