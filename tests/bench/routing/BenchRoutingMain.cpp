#include <QCoreApplication>
#include <QStringList>

int runRoutingBenchmarks(const QStringList& args);

// `bench-routing [rounds]`: the routing figures alone, until switchyard-bench lists them.
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return runRoutingBenchmarks(app.arguments().mid(1));
}
