#include "app/cli/AskCommand.h"

#include "app/cli/Console.h"
#include "app/cli/ResultJson.h"
#include "app/cli/RouteCommand.h"
#include "core/engine/Engine.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/Router.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonObject>

bool parseChatOptions(const QString& command, const QStringList& arguments, ChatRequest& request, bool& json,
                      QString* model, QStringList* tags)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        command == QLatin1String("ask")
            ? QCoreApplication::translate("AskCommand", "Ask one model; the answer streams to stdout.")
            : QCoreApplication::translate("AskCommand", "Route a prompt by the policy, with failover."));
    parser.addHelpOption();
    const QCommandLineOption modelOption(
        QStringLiteral("model"),
        QCoreApplication::translate("AskCommand", "Model id, provider model name or model group."),
        QStringLiteral("M"));
    const QCommandLineOption tagOption(
        QStringLiteral("tag"),
        QCoreApplication::translate("AskCommand", "Routing tag such as tier=coding (repeatable)."),
        QStringLiteral("TAG"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("AskCommand", "Print one JSON object at the end."));
    const QCommandLineOption noStreamOption(
        QStringLiteral("no-stream"), QCoreApplication::translate("AskCommand", "Ask for a non-streamed answer."));
    const QCommandLineOption systemOption(
        QStringLiteral("system"), QCoreApplication::translate("AskCommand", "System prompt."), QStringLiteral("TEXT"));
    const QCommandLineOption maxTokensOption(QStringLiteral("max-tokens"),
                                             QCoreApplication::translate("AskCommand", "Maximum output tokens."),
                                             QStringLiteral("N"));
    const QCommandLineOption temperatureOption(QStringLiteral("temperature"),
                                               QCoreApplication::translate("AskCommand", "Sampling temperature."),
                                               QStringLiteral("T"));
    if (model) {
        parser.addOption(modelOption);
    }
    if (tags) {
        parser.addOption(tagOption);
    }
    parser.addOptions({ jsonOption, noStreamOption, systemOption, maxTokensOption, temperatureOption });
    parser.addPositionalArgument(QStringLiteral("PROMPT"),
                                 QCoreApplication::translate("AskCommand", "The prompt; \"-\" reads it from stdin."));
    if (!Console::parseArguments(parser, QStringLiteral("switchyard ") + command, arguments)) {
        return false;
    }
    QString prompt = parser.positionalArguments().join(QLatin1Char(' '));
    if (prompt == QLatin1String("-")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            Console::fail(QCoreApplication::translate("AskCommand", "cannot read the prompt from stdin"), 64);
            return false;
        }
        prompt = QString::fromUtf8(input.readAll());
    }
    if (prompt.trimmed().isEmpty()) {
        Console::fail(QCoreApplication::translate("AskCommand", "no prompt given"), 64);
        return false;
    }
    if (model) {
        *model = parser.value(modelOption);
        if (command == QLatin1String("ask") && model->isEmpty()) {
            Console::fail(QCoreApplication::translate("AskCommand", "--model is required"), 64);
            return false;
        }
    }
    if (tags) {
        *tags = parser.values(tagOption);
    }
    if (parser.isSet(maxTokensOption)) {
        bool ok = false;
        request.maxTokens = parser.value(maxTokensOption).toInt(&ok);
        if (!ok || request.maxTokens <= 0) {
            Console::fail(QCoreApplication::translate("AskCommand", "--max-tokens needs a positive number"), 64);
            return false;
        }
    }
    if (parser.isSet(temperatureOption)) {
        bool ok = false;
        request.temperature = parser.value(temperatureOption).toDouble(&ok);
        if (!ok || *request.temperature < 0 || *request.temperature > 2) {
            Console::fail(QCoreApplication::translate("AskCommand", "--temperature must be between 0 and 2"), 64);
            return false;
        }
    }
    json = parser.isSet(jsonOption);
    request.stream = !parser.isSet(noStreamOption);
    if (parser.isSet(systemOption)) {
        request.messages.append({ QStringLiteral("system"), parser.value(systemOption) });
    }
    request.messages.append({ QStringLiteral("user"), prompt });
    return true;
}

bool AskCommand::parse(const QStringList& arguments)
{
    return parseChatOptions(QStringLiteral("ask"), arguments, m_request, m_json, &m_model, nullptr);
}

void AskCommand::run(Engine& engine)
{
    QString error;
    const ModelConfig* model = engine.resolveModel(m_model, &error);
    // A group wins over a model of the same name, as in LiteLLM, where the model_name a client
    // sends is the group (an imported deployment takes its group's name).
    // A name only a wildcard's pattern takes is routed too: the router makes its model.
    if ((!model || engine.isGroup(m_model))
        && (engine.isGroupOrTier(m_model) || engine.router()->takesWildcard(m_model))) {
        // A LiteLLM-style group (or a tier): follow its fallbacks.
        RouteOptions options;
        options.source = RequestSource::Cli;
        options.forcedModelOrGroup = m_model;
        RouteCommand::start(this, engine, m_request, {}, options, m_json);
        return;
    }
    if (!model) {
        emit done(Console::fail(error));
        return;
    }
    if (model->passesClientModel()) {
        emit done(Console::fail(tr("%1 is a wildcard's template; ask for a model name its pattern matches, e.g. %2")
                                    .arg(model->id, QString(model->id).replace(u'*', QStringLiteral("NAME")))));
        return;
    }
    const ProviderConfig* provider = engine.provider(model->providerId);
    if (!provider) {
        emit done(Console::fail(tr("model %1 names an unknown provider %2").arg(model->id, model->providerId)));
        return;
    }
    const ModelPrice price = model->price;
    ModelConfig effective = *model;
    effective.timeouts = engine.router()->timeoutsFor(m_request, *model, nullptr).values;
    // A model asked for by name is held against the budgets as a routed one is: the whole request's
    // worst case, before anything is sent; settled when the call is recorded.
    const BudgetHold hold = engine.router()->reserveBudget(effective, m_request);
    if (!hold.ok) {
        const QString refusal = Router::budgetRefusal(hold.reason);
        if (m_json) {
            CallError error;
            error.message = refusal;
            QJsonObject object = ResultJson::result({}, price);
            object.insert(QStringLiteral("model"), model->id);
            object.insert(QStringLiteral("error"), ResultJson::error(error));
            Console::printJson(object);
            emit done(2);
        } else {
            emit done(Console::fail(refusal, 2));
        }
        return;
    }
    if (!hold.warning.isEmpty()) {
        Console::err(hold.warning + QLatin1Char('\n')); // "... would be exceeded ... Sent anyway (warn only)."
    }
    ProviderCall* call = engine.client()->start(*provider, effective, m_request, this);
    call->setBudgetHold(hold.id);
    engine.track(call, RequestSource::Cli);
    if (!m_json) {
        connect(call, &ProviderCall::textReceived, this, [](const QString& delta) { Console::out(delta); });
    }
    connect(call, &ProviderCall::finished, this, [this, price](const CallResult& result) {
        if (m_json) {
            Console::printJson(ResultJson::result(result, price));
        } else {
            Console::out(QStringLiteral("\n"));
            Console::err(ResultJson::summaryLine(result, price) + QLatin1Char('\n'));
        }
        emit done(0);
    });
    connect(call, &ProviderCall::failed, this, [this, price](const CallError& callError, const CallResult& partial) {
        if (m_json) {
            QJsonObject object = ResultJson::result(partial, price);
            object.insert(QStringLiteral("error"), ResultJson::error(callError));
            Console::printJson(object);
        } else {
            if (!partial.text.isEmpty()) {
                Console::out(QStringLiteral("\n"));
            }
            Console::fail(callError.summary(), 2);
        }
        emit done(2);
    });
}
