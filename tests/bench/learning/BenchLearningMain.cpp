#include <QCoreApplication>
#include <QStringList>

int runLearningBenchmarks(const QStringList& args);

// `bench-learning [--file FILE.jsonl]`: the learned router's figures alone.
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return runLearningBenchmarks(app.arguments().mid(1));
}
