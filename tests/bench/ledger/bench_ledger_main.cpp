#include <QCoreApplication>
#include <QStringList>

int runLedgerBenchmarks(const QStringList& args);

// Standalone runner until BenchMain.cpp dispatches to runLedgerBenchmarks.
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return runLedgerBenchmarks(app.arguments().mid(1));
}
