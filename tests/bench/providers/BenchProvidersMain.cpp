#include <QCoreApplication>
#include <QStringList>

int runProviderBenchmarks(const QStringList& args);

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return runProviderBenchmarks(app.arguments().mid(1));
}
