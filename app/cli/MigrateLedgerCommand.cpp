#include "app/cli/MigrateLedgerCommand.h"

#include "app/cli/Console.h"
#include "core/engine/Engine.h"
#include "core/ledger/LedgerMigration.h"
#include "core/ledger/LedgerUrl.h"

#include <QCommandLineParser>
#include <QDir>

bool MigrateLedgerCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Copy the SQLite ledger into a PostgreSQL database shared by a team."));
    parser.addHelpOption();
    const QCommandLineOption to(QStringLiteral("to"), tr("The target, postgresql://user@host:port/database."),
                                QStringLiteral("URL"));
    const QCommandLineOption from(QStringLiteral("from"), tr("The SQLite ledger to copy (default: the home's)."),
                                  QStringLiteral("FILE"));
    parser.addOption(to);
    parser.addOption(from);
    if (!Console::parseArguments(parser, QStringLiteral("switchyard migrate-ledger"), arguments)) {
        return false;
    }
    m_to = parser.value(to);
    m_from = parser.value(from);
    QString error;
    if (m_to.isEmpty()) {
        Console::fail(tr("usage: switchyard migrate-ledger --to postgresql://user@host:port/database [--from FILE]"),
                      64);
        return false;
    }
    if (!LedgerUrl::parse(m_to, &error)) {
        Console::fail(tr("--to: %1").arg(error), 64);
        return false;
    }
    return true;
}

void MigrateLedgerCommand::run(Engine& engine)
{
    QString source = m_from;
    if (source.isEmpty()) {
        source = LedgerUrl::isUrl(engine.ledgerPath()) || engine.ledgerPath().isEmpty()
            ? QDir(engine.homeDir()).filePath(QStringLiteral("ledger.sqlite"))
            : engine.ledgerPath();
    }
    const QString target = ledgerLocationForDisplay(m_to);
    Console::err(tr("Copying %1 to %2\n").arg(QDir::toNativeSeparators(source), target));
    LedgerMigration migration(source, m_to);
    migration.setProgress(
        [](qint64 done, qint64 total) { Console::err(tr("%1 of %2 requests copied\n").arg(done).arg(total)); });
    LedgerMigration::Report report;
    if (!migration.run(&report)) {
        emit done(Console::fail(migration.errorString()));
        return;
    }
    if (report.resumedAfter > 0) {
        Console::out(tr("Resumed after %1 requests copied earlier.\n").arg(report.resumedAfter));
    }
    Console::out(tr("%1 requests, %2 attempts, %3 failovers and %4 votes in %5; counts and sums match the source.\n")
                     .arg(report.source.requests)
                     .arg(report.source.attempts)
                     .arg(report.source.failovers)
                     .arg(report.source.votes)
                     .arg(target));
    if (report.source.evaluations > 0) {
        Console::out(tr("%n evaluation(s) with their %1 cells copied.\n", nullptr, int(report.source.evaluations))
                         .arg(report.source.evaluationCells));
    }
    if (report.source.batchJobs > 0 || report.source.cooldowns > 0) {
        Console::out(tr("Provider batch jobs copied: %1; cooldowns copied: %2.\n")
                         .arg(report.source.batchJobs)
                         .arg(report.source.cooldowns));
    }
    emit done(0);
}
