#include <QApplication>
#include <QStringList>

int runDashboardBenchmarks(const QStringList& args);

// Standalone runner: the dashboard needs a QApplication, which switchyard-bench does not create.
int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    return runDashboardBenchmarks(app.arguments().mid(1));
}
