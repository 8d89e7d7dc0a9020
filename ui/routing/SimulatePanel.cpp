#include "ui/routing/SimulatePanel.h"

#include "core/engine/Engine.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/routing/RoutingDocument.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
struct FaultChoice
{
    const char* label;
    SandboxFault fault;
};

QList<FaultChoice> faultChoices()
{
    return {
        { QT_TRANSLATE_NOOP("SimulatePanel", "Server error (HTTP 500)"), SandboxFault::httpError(500) },
        { QT_TRANSLATE_NOOP("SimulatePanel", "Overloaded (HTTP 503)"), SandboxFault::httpError(503) },
        { QT_TRANSLATE_NOOP("SimulatePanel", "Rate limited (HTTP 429)"), SandboxFault::httpError(429, {}, 30) },
        { QT_TRANSLATE_NOOP("SimulatePanel", "Quota exhausted"), SandboxFault::httpError(429, "insufficient_quota") },
        { QT_TRANSLATE_NOOP("SimulatePanel", "Bad key (HTTP 401)"), SandboxFault::httpError(401) },
        { QT_TRANSLATE_NOOP("SimulatePanel", "No answer (timeout)"),
          SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders) },
        { QT_TRANSLATE_NOOP("SimulatePanel", "Silence after headers"),
          SandboxFault::ofKind(SandboxFault::Kind::HeadersThenSilence) },
        { QT_TRANSLATE_NOOP("SimulatePanel", "Stream drops mid-answer"),
          SandboxFault::ofKind(SandboxFault::Kind::DropMidStream) },
        { QT_TRANSLATE_NOOP("SimulatePanel", "Malformed JSON"),
          SandboxFault::ofKind(SandboxFault::Kind::MalformedJson) },
    };
}
} // namespace

SimulatePanel::SimulatePanel(Engine& engine, RoutingDocument* document, PromptSource prompt, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_document(document)
    , m_prompt(std::move(prompt))
    , m_router(new Router(engine.client(), this))
    , m_target(new QComboBox(this))
    , m_fault(new QComboBox(this))
    , m_send(new QPushButton(tr("Send test prompt (F5)"), this))
    , m_down(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
{
    m_target->setAccessibleName(tr("Model or provider to switch down"));
    m_fault->setAccessibleName(tr("Failure"));
    for (const auto& choice : faultChoices()) {
        m_fault->addItem(tr(choice.label));
    }
    reloadTargets();
    auto* down = new QPushButton(tr("Switch dow&n"), this);
    auto* clear = new QPushButton(tr("Clear &faults"), this);
    connect(down, &QPushButton::clicked, this, &SimulatePanel::switchDown);
    connect(clear, &QPushButton::clicked, this, &SimulatePanel::clearFaults);
    connect(m_send, &QPushButton::clicked, this, &SimulatePanel::send);
    m_send->setShortcut(QKeySequence(Qt::Key_F5));
    m_down->setWordWrap(true);
    m_log->setAccessibleName(tr("Failover steps"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    for (auto* combo : { m_target, m_fault }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }

    auto* grid = new QGridLayout;
    grid->addWidget(m_target, 0, 0);
    grid->addWidget(m_fault, 0, 1);
    grid->addWidget(down, 0, 2);
    grid->addWidget(clear, 1, 2);
    grid->addWidget(m_down, 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(grid);
    layout->addWidget(m_send);
    layout->addWidget(m_log, 1);

    const bool sandboxed = engine.sandbox() != nullptr;
    setEnabled(sandboxed);
    if (!sandboxed) {
        m_log->setPlainText(tr("Simulation needs the offline sandbox (start Switchyard with --sandbox)."));
    }
}

SimulatePanel::~SimulatePanel() = default;

void SimulatePanel::reloadTargets()
{
    m_target->clear();
    if (!m_engine.sandbox()) {
        return;
    }
    for (const auto& provider : m_engine.providers()) {
        if (provider.simulated) {
            m_target->addItem(tr("provider %1").arg(provider.id),
                              QStringList { QStringLiteral("provider"), provider.id });
        }
    }
    for (const auto& model : m_engine.models()) {
        const ProviderConfig* provider = m_engine.provider(model.providerId);
        if (provider && provider->simulated) {
            m_target->addItem(model.id, QStringList { QStringLiteral("model"), model.upstreamModel });
        }
    }
}

void SimulatePanel::switchDown()
{
    SandboxServer* sandbox = m_engine.sandbox();
    const QStringList target = m_target->currentData().toStringList();
    const int fault = m_fault->currentIndex();
    if (!sandbox || target.size() != 2 || fault < 0) {
        return;
    }
    const SandboxFault chosen = faultChoices().at(fault).fault;
    if (target.first() == QLatin1String("provider")) {
        sandbox->setProviderFault(target.last(), chosen);
    } else {
        sandbox->setFault(target.last(), chosen);
    }
    m_downList.append(tr("%1: %2").arg(m_target->currentText(), m_fault->currentText()));
    m_down->setText(tr("Down: %1").arg(m_downList.join(QStringLiteral("; "))));
}

void SimulatePanel::clearFaults()
{
    if (m_engine.sandbox()) {
        m_engine.sandbox()->clearFaults();
    }
    m_downList.clear();
    m_down->clear();
}

void SimulatePanel::addStep(const QString& text)
{
    const QString line = QStringLiteral("+%1 s  %2").arg(m_clock.elapsed() / 1000.0, 0, 'f', 2).arg(text);
    m_steps.append(line);
    m_log->appendPlainText(line);
}

void SimulatePanel::send()
{
    if (m_call) {
        m_call->cancel();
        m_call->deleteLater();
    }
    const auto [prompt, tags] = m_prompt();
    m_steps.clear();
    m_log->clear();
    m_router->setProviders(m_engine.providers());
    m_router->setModels(m_engine.models());
    m_router->setPolicy(m_document->policy());
    ChatRequest request;
    request.messages.append({ QStringLiteral("user"), prompt.isEmpty() ? tr("Say hello.") : prompt });
    request.maxTokens = 64;
    m_clock.start();
    RoutedCall* call = m_router->route(request, tags, {}, this);
    m_call = call;
    connect(call, &RoutedCall::decided, this, [this](const QString& tier, const QString& rule, const QString& why) {
        addStep(tr("rule %1 (%2) → tier %3").arg(DefaultPolicy::displayName(rule), why, tier));
    });
    connect(call, &RoutedCall::attemptStarted, this,
            [this](const QString& model, const QString& provider, AttemptReason reason) {
                addStep(tr("trying %1 on %2 (%3)").arg(model, provider, AttemptReasons::id(reason)));
            });
    connect(call, &RoutedCall::failedOver, this,
            [this](const QString& from, const QString& to, const CallError& error) {
                addStep(tr("%1 failed: %2 → failing over to %3").arg(from, error.summary(), to));
            });
    connect(call, &RoutedCall::firstTokenReceived, this,
            [this](qint64 ms) { addStep(tr("first token after %1 ms").arg(ms)); });
    connect(call, &RoutedCall::restarted, this,
            [this](const QString& next) { addStep(tr("restarting on %1").arg(next)); });
    connect(call, &RoutedCall::finished, this, [this, call](const RoutedResult& result) {
        addStep(tr("answered by %1 after %n failover(s)", nullptr, result.failovers).arg(result.modelId));
        call->deleteLater();
        emit runFinished(true);
    });
    connect(call, &RoutedCall::failed, this, [this, call](const RoutedError& error) {
        addStep(tr("failed: %1").arg(error.message));
        call->deleteLater();
        emit runFinished(false);
    });
}
