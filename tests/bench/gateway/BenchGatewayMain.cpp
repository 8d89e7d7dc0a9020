#include <QCoreApplication>
#include <QStringList>

int runGatewayBenchmarks(const QStringList& args);

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return runGatewayBenchmarks(app.arguments().mid(1));
}
