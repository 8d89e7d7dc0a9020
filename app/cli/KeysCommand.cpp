#include "app/cli/KeysCommand.h"

#include "app/cli/Console.h"
#include "core/common/Clock.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/gateway/ClientKeyStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace {
QString storePath(const Engine& engine)
{
    return QDir(engine.homeDir()).filePath(ClientKeyStore::fileName());
}

QString usd(const std::optional<double>& value)
{
    return value ? Money::format(*value) : QStringLiteral("-");
}
} // namespace

bool KeysCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Client keys for the gateway: create (the key is shown once), list, revoke, and whether a key's "
           "budget lets models without a price through.\n"
           "  keys create --name NAME [--expires DATE|--days N] [--models M,..] [--daily-usd X] "
           "[--monthly-usd Y] [--allow-unpriced] [--rpm N] [--concurrent N]\n"
           "  keys list [--json]\n"
           "  keys revoke ID|NAME\n"
           "  keys unpriced ID|NAME allow|refuse"));
    parser.addHelpOption();
    const QCommandLineOption name(QStringLiteral("name"), tr("Who the key is for."), QStringLiteral("NAME"));
    const QCommandLineOption expires(QStringLiteral("expires"), tr("Expiry date (YYYY-MM-DD, end of that day UTC)."),
                                     QStringLiteral("DATE"));
    const QCommandLineOption days(QStringLiteral("days"), tr("Expires after N days."), QStringLiteral("N"));
    const QCommandLineOption models(
        QStringLiteral("models"), tr("Models, groups, tiers and \"auto\" it may use, comma-separated (default: all)."),
        QStringLiteral("LIST"));
    const QCommandLineOption daily(QStringLiteral("daily-usd"), tr("Daily budget in USD."), QStringLiteral("X"));
    const QCommandLineOption monthly(QStringLiteral("monthly-usd"), tr("Monthly budget in USD."), QStringLiteral("Y"));
    const QCommandLineOption unpriced(QStringLiteral("allow-unpriced"),
                                      tr("Let models without a price through the key's budget (their cost is "
                                         "not counted); by default a key with a budget refuses them."));
    const QCommandLineOption rpm(QStringLiteral("rpm"), tr("Requests per minute."), QStringLiteral("N"));
    const QCommandLineOption concurrent(QStringLiteral("concurrent"), tr("Requests in flight at a time."),
                                        QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({ name, expires, days, models, daily, monthly, unpriced, rpm, concurrent, json });
    parser.addPositionalArgument(QStringLiteral("action"), tr("create, list, revoke or unpriced"));
    if (!Console::parseArguments(parser, QStringLiteral("switchyard keys"), arguments)) {
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, QStringLiteral("list"));
    m_json = parser.isSet(json);
    if (action == QLatin1String("list") && positional.size() <= 1) {
        m_action = Action::List;
        return true;
    }
    if (action == QLatin1String("revoke") && positional.size() == 2) {
        m_action = Action::Revoke;
        m_target = positional.at(1);
        return true;
    }
    if (action == QLatin1String("unpriced")) {
        const QString choice = positional.value(2);
        if (positional.size() != 3 || (choice != QLatin1String("allow") && choice != QLatin1String("refuse"))) {
            Console::fail(tr("keys unpriced needs ID|NAME and allow or refuse"), 64);
            return false;
        }
        m_action = Action::Unpriced;
        m_target = positional.at(1);
        m_allowUnpriced = choice == QLatin1String("allow");
        return true;
    }
    if (action != QLatin1String("create") || positional.size() != 1) {
        Console::fail(tr("keys needs create, list, revoke ID|NAME or unpriced ID|NAME allow|refuse (see "
                         "switchyard keys --help)"),
                      64);
        return false;
    }
    m_action = Action::Create;
    m_settings.name = parser.value(name).trimmed();
    if (m_settings.name.isEmpty()) {
        Console::fail(tr("keys create needs --name NAME"), 64);
        return false;
    }
    auto number = [&](const QCommandLineOption& option, double* value) {
        bool ok = false;
        *value = parser.value(option).toDouble(&ok);
        if (!ok || *value < 0 || !qIsFinite(*value)) {
            Console::fail(tr("--%1 needs a number of at least 0").arg(option.names().first()), 64);
            return false;
        }
        return true;
    };
    double value = 0;
    if (parser.isSet(daily)) {
        if (!number(daily, &value)) {
            return false;
        }
        m_settings.dailyBudgetUsd = value;
    }
    if (parser.isSet(monthly)) {
        if (!number(monthly, &value)) {
            return false;
        }
        m_settings.monthlyBudgetUsd = value;
    }
    m_settings.allowUnpriced = parser.isSet(unpriced);
    if (parser.isSet(rpm)) {
        if (!number(rpm, &value) || value < 1) {
            Console::fail(tr("--rpm needs a whole number of at least 1"), 64);
            return false;
        }
        m_settings.requestsPerMinute = int(value);
    }
    if (parser.isSet(concurrent)) {
        if (!number(concurrent, &value) || value < 1) {
            Console::fail(tr("--concurrent needs a whole number of at least 1"), 64);
            return false;
        }
        m_settings.maxConcurrent = int(value);
    }
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    if (parser.isSet(expires)) {
        const QDate date = QDate::fromString(parser.value(expires), Qt::ISODate);
        if (!date.isValid()) {
            Console::fail(tr("--expires needs a date such as 2027-01-31"), 64);
            return false;
        }
        m_settings.expiresAt = QDateTime(date.addDays(1), QTime(0, 0), Qt::UTC);
    } else if (parser.isSet(days)) {
        if (!number(days, &value) || value < 1) {
            Console::fail(tr("--days needs a whole number of at least 1"), 64);
            return false;
        }
        m_settings.expiresAt = now.addDays(qint64(value));
    }
    if (m_settings.expiresAt && *m_settings.expiresAt <= now) {
        Console::fail(tr("--expires lies in the past"), 64);
        return false;
    }
    for (const QString& model : parser.value(models).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        m_settings.allowedModels.append(model.trimmed());
    }
    return true;
}

void KeysCommand::run(Engine& engine)
{
    const QString path = storePath(engine);
    switch (m_action) {
    case Action::Create:
        emit done(create(path));
        return;
    case Action::List:
        emit done(list(engine, path));
        return;
    case Action::Revoke:
        emit done(revoke(path));
        return;
    case Action::Unpriced:
        emit done(setUnpriced(path));
        return;
    }
}

int KeysCommand::create(const QString& path)
{
    ClientKeyStore store(path);
    if (!store.load()) {
        return Console::fail(store.errorString());
    }
    const std::optional<IssuedClientKey> issued = store.create(m_settings, Clock::instance().currentDateTimeUtc());
    if (!issued) {
        return Console::fail(store.errorString());
    }
    if (m_json) {
        Console::printJson(QJsonObject { { QStringLiteral("id"), issued->key.id },
                                         { QStringLiteral("name"), issued->key.name },
                                         { QStringLiteral("key"), QString::fromLatin1(issued->secret) } });
    } else {
        Console::out(QString::fromLatin1(issued->secret) + QLatin1Char('\n'));
        Console::err(tr("Client key %1 (\"%2\") created. It is shown only now: give it to the client; Switchyard "
                        "keeps only its hash.\n")
                         .arg(issued->key.id, issued->key.name));
    }
    return 0;
}

int KeysCommand::list(Engine& engine, const QString& path)
{
    Q_UNUSED(engine)
    ClientKeyStore store(path);
    if (!store.load()) {
        return Console::fail(store.errorString());
    }
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    if (m_json) {
        QJsonArray keys;
        for (const ClientKey& key : store.keys()) {
            keys.append(QJsonObject {
                { QStringLiteral("id"), key.id },
                { QStringLiteral("name"), key.name },
                { QStringLiteral("status"), ClientKey::statusId(key.status(now)) },
                { QStringLiteral("created"), key.createdAt.toString(Qt::ISODate) },
                { QStringLiteral("expires"),
                  key.expiresAt ? QJsonValue(key.expiresAt->toString(Qt::ISODate)) : QJsonValue() },
                { QStringLiteral("models"), QJsonArray::fromStringList(key.allowedModels) },
                { QStringLiteral("daily_budget_usd"),
                  key.dailyBudgetUsd ? QJsonValue(*key.dailyBudgetUsd) : QJsonValue() },
                { QStringLiteral("monthly_budget_usd"),
                  key.monthlyBudgetUsd ? QJsonValue(*key.monthlyBudgetUsd) : QJsonValue() },
                { QStringLiteral("allow_unpriced"), key.allowUnpriced },
                { QStringLiteral("requests_per_minute"),
                  key.requestsPerMinute ? QJsonValue(*key.requestsPerMinute) : QJsonValue() },
            });
        }
        Console::printJson(QJsonObject { { QStringLiteral("keys"), keys } });
        return 0;
    }
    if (store.isEmpty()) {
        Console::out(tr("No client keys. The gateway takes requests from this machine without one; "
                        "switchyard keys create --name NAME makes the first.\n"));
        return 0;
    }
    for (const ClientKey& key : store.keys()) {
        Console::out(
            QStringLiteral("%1  %2  %3  expires %4  models %5  daily %6  monthly %7  unpriced %8  rpm %9\n")
                .arg(key.id, key.name, ClientKey::statusId(key.status(now)),
                     key.expiresAt ? key.expiresAt->toString(Qt::ISODate) : QStringLiteral("never"),
                     key.allowedModels.isEmpty() ? QStringLiteral("all") : key.allowedModels.join(QLatin1Char(',')),
                     usd(key.dailyBudgetUsd), usd(key.monthlyBudgetUsd),
                     key.allowUnpriced ? QStringLiteral("allowed") : QStringLiteral("refused"),
                     key.requestsPerMinute ? QString::number(*key.requestsPerMinute) : QStringLiteral("-")));
    }
    return 0;
}

int KeysCommand::revoke(const QString& path)
{
    ClientKeyStore store(path);
    if (!store.load()) {
        return Console::fail(store.errorString());
    }
    if (!store.revoke(m_target, Clock::instance().currentDateTimeUtc())) {
        return Console::fail(store.errorString());
    }
    Console::err(tr("Client key %1 revoked; the gateway refuses it from the next request on.\n").arg(m_target));
    return 0;
}

int KeysCommand::setUnpriced(const QString& path)
{
    ClientKeyStore store(path);
    if (!store.load()) {
        return Console::fail(store.errorString());
    }
    if (!store.setAllowUnpriced(m_target, m_allowUnpriced)) {
        return Console::fail(store.errorString());
    }
    Console::err((m_allowUnpriced
                      ? tr("Client key %1 now lets models without a price through its budget (their cost is not "
                           "counted).\n")
                      : tr("Client key %1 now refuses models without a price while it has a budget.\n"))
                     .arg(m_target));
    return 0;
}
