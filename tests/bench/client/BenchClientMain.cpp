#include <QCoreApplication>
#include <QStringList>

int runClientBenchmarks(const QStringList& args);

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return runClientBenchmarks(app.arguments().mid(1));
}
