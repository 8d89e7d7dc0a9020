// Child process for tst_LedgerWriter's kill test: writes bursts through a Ledger forever and
// prints the running number of committed records after every commit, until it is killed.
#include "core/ledger/Ledger.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUuid>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: ledger_writer_child LEDGER_PATH\n");
        return 2;
    }
    Ledger ledger;
    if (!ledger.open(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "%s\n", qPrintable(ledger.errorString()));
        return 1;
    }
    qint64 committed = 0;
    QObject::connect(&ledger, &Ledger::recorded, &app, [&](int count) {
        committed += count;
        std::printf("%lld\n", static_cast<long long>(committed));
        std::fflush(stdout);
    });
    QObject::connect(&ledger, &Ledger::writeFailed, &app,
                     [](const QString& message) { std::fprintf(stderr, "%s\n", qPrintable(message)); });
    qint64 sent = 0;
    QTimer burst;
    QObject::connect(&burst, &QTimer::timeout, &app, [&] {
        for (int i = 0; i < 300; ++i, ++sent) {
            RequestRecord record;
            record.startedAt = QDateTime::currentDateTimeUtc();
            record.source = RequestSource::Cli;
            record.prompt = QStringLiteral("burst %1").arg(sent);
            record.tier = QStringLiteral("fast");
            record.finalModel = QStringLiteral("m-a");
            record.finalProvider = QStringLiteral("pa");
            record.status = RequestStatus::Ok;
            record.latencyMs = 100 + sent % 900;
            record.usage.promptTokens = 10;
            record.costUsd = 0.0001;
            record.attempts = { AttemptRecord { record.finalModel, record.finalProvider, record.startedAt,
                                                record.startedAt.addMSecs(record.latencyMs), AttemptOutcome::Ok,
                                                QString(), 200, QString() } };
            ledger.record(record);
        }
    });
    burst.start(5);
    return app.exec();
}
