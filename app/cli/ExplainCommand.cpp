#include "app/cli/ExplainCommand.h"

#include "app/cli/Console.h"
#include "core/engine/Engine.h"
#include "core/routing/Router.h"

#include <QCommandLineParser>

bool ExplainCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show how a prompt would be routed, without sending it."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption tagOption(QStringLiteral("tag"), tr("Routing tag such as tier=coding (repeatable)."),
                                       QStringLiteral("TAG"));
    const QCommandLineOption modelOption(
        QStringLiteral("model"), tr("Explain what a caller naming this model, group or tier gets."), tr("NAME"));
    parser.addOptions({ jsonOption, tagOption, modelOption });
    parser.addPositionalArgument(QStringLiteral("PROMPT"), tr("The prompt to explain."));
    if (!Console::parseArguments(parser, QStringLiteral("switchyard explain"), arguments)) {
        return false;
    }
    m_prompt = parser.positionalArguments().join(QLatin1Char(' '));
    m_model = parser.value(modelOption);
    if (m_prompt.trimmed().isEmpty() && parser.values(tagOption).isEmpty() && m_model.isEmpty()) {
        Console::fail(tr("no prompt given"), 64);
        return false;
    }
    m_json = parser.isSet(jsonOption);
    m_tags = parser.values(tagOption);
    return true;
}

void ExplainCommand::run(Engine& engine)
{
    const Explanation explanation
        = m_model.isEmpty() ? engine.router()->explain(m_prompt, m_tags) : engine.router()->explainGroup(m_model);
    if (m_json) {
        Console::printJson(explanation.toJson());
    } else {
        Console::out(explanation.toText() + QLatin1Char('\n'));
    }
    emit done(0);
}
