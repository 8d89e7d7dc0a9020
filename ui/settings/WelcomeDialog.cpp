#include "WelcomeDialog.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
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

    auto* exampleLabel = new QLabel(tr("An example to try first: it runs on several models at once, and in "
                                       "the sandbox one of them fails over to the next provider in its chain."));
    exampleLabel->setWordWrap(true);
    auto* example = new QPlainTextEdit(examplePrompt());
    example->setReadOnly(true);
    example->setMaximumHeight(80);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Later"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(sandbox);
    layout->addWidget(provider);
    layout->addWidget(exampleLabel);
    layout->addWidget(example);
    layout->addWidget(buttons);
    resize(560, 460);
}

QString WelcomeDialog::examplePrompt()
{
    return tr("Explain in three sentences why a request router should fail over to another provider "
              "when the first one returns HTTP 503, and when it should not.");
}

bool WelcomeDialog::shouldShow(int configuredProviders, bool firstRunDone)
{
    return configuredProviders == 0 && !firstRunDone;
}

void WelcomeDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}
