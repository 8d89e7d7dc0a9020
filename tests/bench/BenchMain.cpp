#include <QCoreApplication>
#include <QTextStream>

// Benchmarks print figures to stdout; run `switchyard-bench [area...]`.
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream(stdout) << "switchyard-bench: no benchmarks registered yet\n";
    return 0;
}
