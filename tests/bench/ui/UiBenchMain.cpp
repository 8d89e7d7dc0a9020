#include <QApplication>

int runUiBenchmarks(const QStringList& args);

// bench-ui [--seconds 30] [--columns 8] [--rate 100] [--reasoning]; runs offscreen unless a platform is set.
int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-ui"));
    return runUiBenchmarks(app.arguments());
}
