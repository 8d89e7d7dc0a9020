#include "app/cli/Console.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cstdio>

void Console::out(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void Console::err(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void Console::printJson(const QJsonObject& object)
{
    out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

int Console::fail(const QString& message, int exitCode)
{
    err(QStringLiteral("switchyard: ") + message + QLatin1Char('\n'));
    return exitCode;
}

bool Console::parseArguments(QCommandLineParser& parser, const QString& command, const QStringList& arguments)
{
    if (!parser.parse(QStringList { command } + arguments)) {
        fail(parser.errorText(), 64);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        return false;
    }
    return true;
}
