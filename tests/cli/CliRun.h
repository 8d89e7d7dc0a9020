#pragma once

#include <QProcess>
#include <QSignalSpy>
#include <QStringList>

// One `switchyard ...` command run to its end as a real process: its exit code and both streams.
// The wait spins this process's event loop, so upstreams the test serves in-process answer.
struct CliRun
{
    int exitCode = -1; // -1 when it crashed or did not finish within the time given
    QByteArray out;
    QByteArray err;

    static CliRun of(const QStringList& arguments,
                     const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = 30000)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SWITCHYARD_BINARY), arguments);
        CliRun result;
        if (!finished.wait(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
};
