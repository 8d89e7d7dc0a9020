#include "app/cli/ExplainCommand.h"

#include "app/cli/Console.h"
#include "core/engine/Engine.h"
#include "core/gateway/GatewayRequest.h"
#include "core/routing/Router.h"

#include <QCommandLineParser>
#include <QFile>

bool ExplainCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show how a prompt would be routed, without sending it."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption tagOption(QStringLiteral("tag"), tr("Routing tag such as tier=coding (repeatable)."),
                                       QStringLiteral("TAG"));
    const QCommandLineOption bodyOption(
        QStringLiteral("body"),
        tr("A gateway client's JSON request body to explain instead of a prompt (its model, images and tools count)."),
        QStringLiteral("FILE"));
    const QCommandLineOption anthropicOption(QStringLiteral("anthropic"),
                                             tr("The body is an Anthropic Messages request (default: OpenAI chat)."));
    const QCommandLineOption modelOption(
        QStringLiteral("model"), tr("Explain what a caller naming this model, group or tier gets."), tr("NAME"));
    parser.addOptions({ jsonOption, tagOption, bodyOption, anthropicOption, modelOption });
    parser.addPositionalArgument(QStringLiteral("PROMPT"), tr("The prompt to explain."));
    if (!Console::parseArguments(parser, QStringLiteral("switchyard explain"), arguments)) {
        return false;
    }
    m_prompt = parser.positionalArguments().join(QLatin1Char(' '));
    m_bodyFile = parser.value(bodyOption);
    m_anthropic = parser.isSet(anthropicOption);
    m_model = parser.value(modelOption);
    if (m_prompt.trimmed().isEmpty() && parser.values(tagOption).isEmpty() && m_bodyFile.isEmpty()
        && m_model.isEmpty()) {
        Console::fail(tr("no prompt given"), 64);
        return false;
    }
    m_json = parser.isSet(jsonOption);
    m_tags = parser.values(tagOption);
    return true;
}

void ExplainCommand::run(Engine& engine)
{
    Explanation explanation;
    if (!m_bodyFile.isEmpty()) {
        QFile file(m_bodyFile);
        if (!file.open(QIODevice::ReadOnly)) {
            emit done(Console::fail(tr("cannot read %1: %2").arg(m_bodyFile, file.errorString()), 66));
            return;
        }
        const QByteArray body = file.readAll();
        const GatewayRequest request
            = m_anthropic ? GatewayRequest::fromAnthropic(body) : GatewayRequest::fromOpenAi(body);
        if (request.error) {
            const QString field
                = request.error->param.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(request.error->param);
            emit done(Console::fail(tr("%1%2: %3").arg(m_bodyFile, field, request.error->message), 65));
            return;
        }
        explanation = engine.router()->explainRequest(request.chat, request.model, m_tags);
    } else if (!m_model.isEmpty()) {
        explanation = engine.router()->explainGroup(m_model);
    } else {
        explanation = engine.router()->explain(m_prompt, m_tags);
    }
    if (m_json) {
        Console::printJson(explanation.toJson());
    } else {
        Console::out(explanation.toText() + QLatin1Char('\n'));
    }
    emit done(0);
}
