#include <QCoreApplication>

int runHttpBenchmarks(const QStringList& args);

// `bench-http [--quick]`
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return runHttpBenchmarks(app.arguments());
}
