#include "ui/settings/WelcomeDialog.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

WelcomeDialog::WelcomeDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Welcome to Switchyard"));
    auto* intro = new QLabel(tr("<h2>Welcome to Switchyard</h2>"
                                "<p>Compare models side by side, route requests with failover across "
                                "providers, and see what every call costs.</p>"
                                "<p>Nothing is configured yet. How would you like to start?</p>"));
    intro->setWordWrap(true);

    auto* sandbox = new QCommandLinkButton(
        tr("Try with simulated providers (sandbox)"),
        tr("Offline stand-ins for OpenAI, Anthropic, Gemini, DeepSeek and Mistral with realistic prices, "
           "latency and failures. No key, no cost."));
    sandbox->setObjectName(QStringLiteral("sandboxChoice"));
    connect(sandbox, &QCommandLinkButton::clicked, this, [this] { choose(Choice::Sandbox); });
    auto* provider
        = new QCommandLinkButton(tr("Add a provider"),
                                 tr("OpenAI, Anthropic, Gemini, a local Ollama and more. Keys go to the system "
                                    "keychain, or come from environment variables such as OPENAI_API_KEY."));
    provider->setObjectName(QStringLiteral("providerChoice"));
    connect(provider, &QCommandLinkButton::clicked, this, [this] { choose(Choice::AddProvider); });

    auto* exampleLabel = new QLabel(tr("An example to try first. Its code block sends it to the coding tier; "
                                       "in the sandbox the tier's first model is switched down, so the request "
                                       "fails over to the next model in the chain."));
    exampleLabel->setWordWrap(true);
    auto* example = new QPlainTextEdit(examplePrompt());
    example->setObjectName(QStringLiteral("examplePrompt"));
    example->setReadOnly(true);
    example->setLineWrapMode(QPlainTextEdit::NoWrap);
    example->setFixedHeight(example->fontMetrics().lineSpacing() * 11 + 2 * example->frameWidth()
                            + int(2 * example->document()->documentMargin()));
    m_sandboxNote = new QLabel(tr("Switchyard is not running on the sandbox now. Start it with <b>--sandbox</b> to "
                                  "try the simulated providers."));
    m_sandboxNote->setWordWrap(true);
    m_sandboxNote->hide();
    m_sandbox = sandbox;

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Later"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(sandbox);
    layout->addWidget(m_sandboxNote);
    layout->addWidget(provider);
    layout->addWidget(exampleLabel);
    layout->addWidget(example);
    layout->addWidget(buttons);
    resize(620, sizeHint().height());
}

void WelcomeDialog::setSandboxAvailable(bool available)
{
    m_sandbox->setEnabled(available);
    m_sandboxNote->setVisible(!available);
}

QString WelcomeDialog::examplePrompt()
{
    // The code block is what routes it (the "Code block" rule), whatever the language of the text.
    return tr("Review this function: is it correct, and how would you make it clearer?")
        + QStringLiteral(
               "\n\n```python\ndef average(values):\n    total = 0\n    for v in values:\n        total += v\n"
               "    return total / len(values)\n```");
}

bool WelcomeDialog::shouldShow(int configuredProviders, bool firstRunDone, bool sandboxRequested)
{
    return configuredProviders == 0 && !firstRunDone && !sandboxRequested;
}

void WelcomeDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}
