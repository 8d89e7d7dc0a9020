#include "ui/workbench/ColumnView.h"

#include "core/common/Money.h"
#include "core/workbench/ToolCallCheck.h"
#include "ui/common/ElidedLabel.h"
#include "ui/common/FigureGridLayout.h"
#include "ui/common/Icons.h"
#include "ui/common/StatusColors.h"
#include "ui/workbench/AnswerDocument.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
constexpr int RepaintIntervalMs = 16;

QColor stateColor(ColumnState state)
{
    switch (state) {
    case ColumnState::Waiting:
        return StatusColors::color(StatusTone::Neutral);
    case ColumnState::Streaming:
        return StatusColors::color(StatusTone::Active);
    case ColumnState::Done:
        return StatusColors::color(StatusTone::Good);
    case ColumnState::Incomplete:
        return StatusColors::color(StatusTone::Warning);
    case ColumnState::Failed:
        return StatusColors::color(StatusTone::Bad);
    case ColumnState::Idle:
    case ColumnState::Cancelled:
        break;
    }
    return StatusColors::color(StatusTone::Neutral);
}

QColor bestColor()
{
    return StatusColors::color(StatusTone::Good);
}
} // namespace

ColumnView::ColumnView(ColumnRun* run, QWidget* parent)
    : QFrame(parent)
    , m_run(run)
{
    setObjectName(QStringLiteral("workbenchColumn"));
    setFrameShape(QFrame::StyledPanel);
    // The figures wrap onto a second row when narrow, so four columns fit a 1280 px window.
    setMinimumWidth(280);

    m_model = new ElidedLabel(this);
    m_model->setObjectName(QStringLiteral("columnTitle"));
    QFont modelFont = m_model->font();
    modelFont.setBold(true);
    modelFont.setPointSizeF(modelFont.pointSizeF() * 1.1);
    m_model->setFont(modelFont);
    m_provider = new ElidedLabel(this);
    m_provider->setForegroundRole(QPalette::PlaceholderText);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::RichText);
    m_route = new QLabel(this);
    m_route->setObjectName(QStringLiteral("routeLabel"));
    m_route->setTextFormat(Qt::RichText);
    m_route->setWordWrap(true);
    m_route->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_route->setForegroundRole(QPalette::PlaceholderText);
    m_route->hide();
    m_calling = new QLabel(this);
    m_calling->setObjectName(QStringLiteral("callingLabel"));
    m_calling->setTextFormat(Qt::PlainText);
    m_calling->setWordWrap(true);
    m_calling->setForegroundRole(QPalette::PlaceholderText);
    m_calling->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_calling->setContentsMargins(10, 6, 10, 0);
    m_calling->hide();

    m_rerun = toolButton(QStringLiteral("rerun"), tr("Run this column again"));
    m_copy = toolButton(QStringLiteral("copy"), tr("Copy answer"));
    m_settings
        = toolButton(QStringLiteral("tune"), tr("Column settings (model, temperature, max tokens, system prompt)"));
    m_remove = toolButton(QStringLiteral("close"), tr("Remove column"));
    m_vote = toolButton(QStringLiteral("trophy"), tr("Mark this answer as the winner"));
    m_vote->setObjectName(QStringLiteral("voteButton"));
    m_vote->setEnabled(false);
    m_continue = toolButton(QStringLiteral("continue"), tr("Continue the conversation with this model"));
    m_continue->setObjectName(QStringLiteral("continueButton"));
    m_continue->setCheckable(true);
    m_continue->setEnabled(false);
    connect(m_continue, &QToolButton::clicked, this, [this] {
        m_continue->setChecked(true); // the workbench unchecks it when the conversation ends
        emit continueRequested();
    });
    connect(m_vote, &QToolButton::clicked, this, &ColumnView::voteRequested);
    connect(m_rerun, &QToolButton::clicked, this, &ColumnView::rerunRequested);
    connect(m_copy, &QToolButton::clicked, this, &ColumnView::copyAnswer);
    connect(m_settings, &QToolButton::clicked, this, &ColumnView::settingsRequested);
    connect(m_remove, &QToolButton::clicked, this, &ColumnView::removeRequested);

    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(2);
    titleRow->addWidget(m_model, 1);
    titleRow->addWidget(m_vote);
    titleRow->addWidget(m_continue);
    titleRow->addWidget(m_rerun);
    titleRow->addWidget(m_copy);
    titleRow->addWidget(m_settings);
    titleRow->addWidget(m_remove);

    auto* subtitleRow = new QHBoxLayout;
    subtitleRow->addWidget(m_provider, 1);
    subtitleRow->addWidget(m_status);

    // A narrow column puts its figures on two rows rather than cut one ("66.7 tok/").
    auto* figures = new FigureGridLayout;
    figures->setSpacings(12, 6);
    m_ttft = addFigure(figures, FigureId::FirstToken, tr("First token"));
    m_latency = addFigure(figures, FigureId::Latency, tr("Latency"));
    m_tokens = addFigure(figures, FigureId::Tokens, tr("Tokens in/out"));
    m_rate = addFigure(figures, FigureId::Speed, tr("Speed"));
    m_cost = addFigure(figures, FigureId::Cost, tr("Cost"));

    m_errorBanner = new QFrame(this);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorTitle = new QLabel(m_errorBanner);
    QFont bold = m_errorTitle->font();
    bold.setBold(true);
    m_errorTitle->setFont(bold);
    m_errorMessage = new QLabel(m_errorBanner);
    m_errorMessage->setWordWrap(true);
    m_errorMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* bannerLayout = new QVBoxLayout(m_errorBanner);
    bannerLayout->setContentsMargins(10, 8, 10, 8);
    bannerLayout->setSpacing(2);
    bannerLayout->addWidget(m_errorTitle);
    bannerLayout->addWidget(m_errorMessage);
    m_errorBanner->hide();

    m_answer = new QTextBrowser(this);
    m_answer->setOpenExternalLinks(true);
    m_answer->setFrameShape(QFrame::NoFrame);
    m_answer->setPlaceholderText(tr("The answer appears here."));
    m_answer->document()->setDocumentMargin(10);

    m_reasoningToggle = new QToolButton(this);
    m_reasoningToggle->setObjectName(QStringLiteral("reasoningToggle"));
    m_reasoningToggle->setCheckable(true);
    m_reasoningToggle->setAutoRaise(true);
    m_reasoningToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reasoningToggle->setArrowType(Qt::RightArrow);
    m_reasoningToggle->hide();
    m_reasoning = new QTextBrowser(this);
    m_reasoning->setObjectName(QStringLiteral("reasoningView"));
    m_reasoning->setFrameShape(QFrame::NoFrame);
    m_reasoning->document()->setDocumentMargin(10);
    m_reasoning->setForegroundRole(QPalette::PlaceholderText);
    m_reasoning->hide();
    connect(m_reasoningToggle, &QToolButton::toggled, this, [this](bool open) {
        m_reasoningToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        // Folded, the view is not kept up to date while tokens stream: it is filled when opened.
        if (open && m_run) {
            m_reasoning->setPlainText(m_run->reasoning());
        }
        m_reasoning->setVisible(open);
    });

    auto* header = new QVBoxLayout;
    header->setContentsMargins(12, 10, 8, 8);
    header->setSpacing(4);
    header->addLayout(titleRow);
    header->addLayout(subtitleRow);
    header->addSpacing(6);
    header->addLayout(figures);
    header->addWidget(m_route); // below the figures, so they line up across columns

    auto* separator = new QFrame(this);
    separator->setFrameShape(QFrame::HLine);
    separator->setFrameShadow(QFrame::Sunken);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(separator);
    auto* bannerBox = new QVBoxLayout;
    bannerBox->setContentsMargins(10, 8, 10, 0);
    bannerBox->addWidget(m_errorBanner);
    layout->addLayout(bannerBox);
    layout->addWidget(m_calling);
    layout->addWidget(m_reasoningToggle);
    layout->addWidget(m_reasoning, 1);
    layout->addWidget(m_answer, 2);

    m_repaint = new QTimer(this);
    m_repaint->setInterval(RepaintIntervalMs);
    connect(m_repaint, &QTimer::timeout, this, &ColumnView::flush);

    connect(run, &ColumnRun::begun, this, &ColumnView::onBegun);
    connect(run, &ColumnRun::textAppended, this, &ColumnView::onTextAppended);
    connect(run, &ColumnRun::reasoningAppended, this, &ColumnView::onReasoningAppended);
    connect(run, &ColumnRun::textDiscarded, this, &ColumnView::onTextDiscarded);
    connect(run, &ColumnRun::toolCallsChanged, this, [this] {
        m_toolCallsDirty = true;
        if (!m_repaint->isActive()) {
            m_repaint->start();
        }
    });
    connect(run, &ColumnRun::routeChanged, this, [this] {
        refreshHeader();
        updateRoute();
    });
    connect(run, &ColumnRun::figuresChanged, this, [this] {
        m_figuresDirty = true;
        if (!m_repaint->isActive()) {
            m_repaint->start();
        }
    });
    connect(run, &ColumnRun::stateChanged, this, &ColumnView::onStateChanged);

    applyStyle();
    refreshHeader();
    updateRoute();
    if (!run->text().isEmpty()) {
        m_answer->setPlainText(run->text());
    }
    onStateChanged();
}

QScrollBar* ColumnView::answerScrollBar() const
{
    return m_answer->verticalScrollBar();
}

QToolButton* ColumnView::toolButton(const QString& icon, const QString& toolTip)
{
    auto* button = new QToolButton(this);
    button->setIcon(Icons::icon(icon));
    button->setIconSize(QSize(16, 16));
    button->setAutoRaise(true);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    return button;
}

ColumnView::Figure ColumnView::addFigure(FigureGridLayout* grid, FigureId id, const QString& caption)
{
    static const char* const names[] = { "firstToken", "latency", "tokens", "speed", "cost" };
    const QString name = QString::fromLatin1(names[int(id)]);
    Figure figure;
    auto* cell = new QWidget(this);
    figure.caption = new QLabel(caption, cell);
    figure.caption->setObjectName(QStringLiteral("figureCaption_") + name);
    QFont small = figure.caption->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    figure.caption->setFont(small);
    figure.caption->setForegroundRole(QPalette::PlaceholderText);
    figure.value = new QLabel(QStringLiteral("\u2014"), cell);
    figure.value->setObjectName(QStringLiteral("figureValue_") + name);
    figure.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* box = new QVBoxLayout(cell);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(0);
    box->addWidget(figure.caption);
    box->addWidget(figure.value);
    grid->addWidget(cell);
    return figure;
}

QLabel* ColumnView::figureLabel(FigureId figure) const
{
    switch (figure) {
    case FigureId::FirstToken:
        return m_ttft.value;
    case FigureId::Latency:
        return m_latency.value;
    case FigureId::Tokens:
        return m_tokens.value;
    case FigureId::Speed:
        return m_rate.value;
    case FigureId::Cost:
        return m_cost.value;
    }
    return nullptr;
}

void ColumnView::setBest(const QSet<BestValues::Figure>& best)
{
    if (best == m_best) {
        return;
    }
    m_best = best;
    updateFigures();
}

void ColumnView::refreshHeader()
{
    const ColumnSpec& spec = m_run->spec();
    m_model->setFullText(m_run->title());
    QStringList details;
    if (spec.routed) {
        details.append(m_run->provider().id.isEmpty() ? tr("routed") : tr("routed to %1").arg(m_run->providerName()));
    } else {
        details.append(m_run->provider().id.isEmpty() ? tr("not configured") : m_run->providerName());
    }
    if (spec.temperature) {
        details.append(tr("temp %1").arg(*spec.temperature));
    }
    if (spec.maxTokens) {
        details.append(tr("max %1 tokens").arg(*spec.maxTokens));
    }
    if (spec.systemPrompt) {
        details.append(spec.systemPrompt->isEmpty() ? tr("no system prompt") : tr("own system prompt"));
    }
    m_provider->setFullText(details.join(QStringLiteral(" \u00b7 ")));
}

void ColumnView::updateRoute()
{
    const ColumnRoute& route = m_run->route();
    const bool routed = m_run->spec().routed;
    m_route->setVisible(routed || !m_run->notes().isEmpty());
    // The decision in the label's muted colour; failovers and notes on what was sent in the normal
    // text colour, they matter more.
    const QString text = QApplication::palette().color(QPalette::WindowText).name();
    QStringList lines;
    if (routed) {
        lines.append(route.decisionText().toHtmlEscaped());
        for (const ColumnRoute::Failover& failover : route.failovers) {
            lines.append(
                QStringLiteral("<span style=\"color:%1\">\u21aa</span>&nbsp;<span style=\"color:%2\">%3</span>")
                    .arg(StatusColors::name(StatusTone::Warning), text,
                         ColumnRoute::failoverText(failover).toHtmlEscaped()));
        }
    }
    for (const QString& note : m_run->notes()) {
        lines.append(QStringLiteral("<span style=\"color:%1\">\u24d8</span>&nbsp;<span style=\"color:%2\">%3</span>")
                         .arg(StatusColors::name(StatusTone::Neutral), text, note.toHtmlEscaped()));
    }
    m_route->setText(lines.join(QStringLiteral("<br>")));
    m_route->setToolTip(routed ? route.why : QString());
}

QString ColumnView::routeText() const
{
    const ColumnRoute& route = m_run->route();
    QStringList lines;
    if (m_run->spec().routed) {
        lines.append(route.decisionText());
        for (const ColumnRoute::Failover& failover : route.failovers) {
            lines.append(ColumnRoute::failoverText(failover));
        }
    }
    lines.append(m_run->notes());
    return lines.join(QLatin1Char('\n'));
}

QString ColumnView::callingText() const
{
    if (!m_run->isActive()) {
        return {};
    }
    QStringList lines;
    for (const ToolCall& call : m_run->toolCalls()) {
        QString arguments = call.arguments.simplified();
        if (arguments.size() > 60) {
            arguments = arguments.left(60) + QChar(0x2026);
        }
        lines.append(tr("Calling %1 %2").arg(call.name, arguments));
    }
    return lines.join(QLatin1Char('\n'));
}

QString ColumnView::figureText(FigureId figure) const
{
    const QLabel* label = figureLabel(figure);
    return label ? label->text() : QString();
}

QString ColumnView::statusText() const
{
    return m_run->statusText();
}

void ColumnView::onBegun()
{
    m_pending.clear();
    AnswerDocument::reset(m_answer->document(), answerContext());
    m_errorBanner->hide();
    updateReasoning();
    updateRoute();
}

void ColumnView::onReasoningAppended(const QString& delta)
{
    m_reasoningDirty = true;
    if (m_reasoning->isVisible()) {
        QTextCursor cursor(m_reasoning->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(delta);
    }
    if (!m_repaint->isActive()) {
        m_repaint->start();
    }
}

void ColumnView::onTextDiscarded()
{
    m_pending.clear();
    m_calling->clear(); // the abandoned attempt's calls go with its text
    m_calling->hide();
    updateReasoning();
    AnswerDocument::reset(m_answer->document(), answerContext());
}

void ColumnView::onTextAppended(const QString& delta)
{
    m_pending += delta;
    if (!m_repaint->isActive()) {
        m_repaint->start();
    }
}

void ColumnView::flush()
{
    if (!m_pending.isEmpty()) {
        QScrollBar* bar = answerScrollBar();
        const bool following = bar->value() >= bar->maximum() - 4;
        QTextCursor cursor(m_answer->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(m_pending);
        m_pending.clear();
        if (following) {
            bar->setValue(bar->maximum());
        }
    }
    if (m_figuresDirty) {
        m_figuresDirty = false;
        updateFigures();
    }
    if (m_reasoningDirty) {
        m_reasoningDirty = false;
        updateReasoningToggle();
    }
    if (m_toolCallsDirty) {
        m_toolCallsDirty = false;
        const QString calling = callingText();
        m_calling->setText(calling);
        m_calling->setVisible(!calling.isEmpty());
    }
    if (m_run && m_run->isActive()) {
        updateFigures(); // the rate keeps moving while tokens arrive
    } else {
        m_repaint->stop();
    }
}

void ColumnView::onStateChanged()
{
    const ColumnState state = m_run->state();
    updateStatus();
    m_rerun->setEnabled(!m_run->isActive());
    m_vote->setEnabled(state == ColumnState::Done || state == ColumnState::Incomplete);
    m_continue->setEnabled(m_continue->isChecked()
                           || ((state == ColumnState::Done || state == ColumnState::Incomplete)
                               && (!m_run->text().isEmpty() || !m_run->toolCalls().isEmpty())));
    if (ColumnStates::isActive(state)) {
        setWinner(false);
    }
    if (state == ColumnState::Failed) {
        m_errorTitle->setText(m_run->statusText());
        const QString message = m_run->error().message;
        m_errorMessage->setText(message.isEmpty() ? tr("The provider sent no message.") : message);
        m_errorBanner->show();
        m_answer->setPlaceholderText(QString());
    } else {
        m_errorBanner->hide();
        m_answer->setPlaceholderText(tr("The answer appears here."));
    }
    if (!ColumnStates::isActive(state)) {
        m_calling->hide(); // the answer shows the calls now, checked against their schemas
        m_calling->clear();
    }
    if (!ColumnStates::isActive(state) && state != ColumnState::Idle) {
        renderFinal();
    }
    updateFigures();
}

void ColumnView::updateStatus()
{
    const ColumnState state = m_run->state();
    const QColor color = stateColor(state);
    QString text = state == ColumnState::Failed ? ColumnStates::displayName(state) : m_run->statusText();
    m_status->setText(
        QStringLiteral("<span style=\"color:%1\">\u25cf</span>&nbsp;%2").arg(color.name(), text.toHtmlEscaped()));
    m_status->setToolTip(m_run->statusText());
}

void ColumnView::updateFigures()
{
    const ColumnFigures& f = m_run->figures();
    const ColumnState state = m_run->state();
    const bool active = ColumnStates::isActive(state);
    auto set = [this](const Figure& figure, const QString& text, BestValues::Figure kind, const QString& bestTip) {
        const bool best = m_best.contains(kind);
        figure.value->setText(text);
        QFont font = figure.value->font();
        font.setBold(best);
        if (font != figure.value->font()) {
            figure.value->setFont(font);
            // A bold best value is wider: the figure's cell asks the figure grid for room again,
            // or "17.3 tok/s" stays cut to the width the regular text had.
            figure.value->parentWidget()->updateGeometry();
        }
        QPalette palette = figure.value->palette();
        palette.setColor(QPalette::WindowText,
                         best ? bestColor() : QApplication::palette().color(QPalette::WindowText));
        figure.value->setPalette(palette);
        figure.value->setToolTip(best ? bestTip : QString());
    };
    set(m_ttft, FigureFormat::milliseconds(f.ttftMs), BestValues::TimeToFirstToken, tr("Fastest first token"));
    const qint64 latency = active && f.latencyMs < 0 ? m_run->elapsedMs() : f.latencyMs;
    set(m_latency, state == ColumnState::Idle ? QStringLiteral("\u2014") : FigureFormat::milliseconds(latency),
        BestValues::Latency, tr("Fastest answer"));
    const bool noUsage = state == ColumnState::Idle || (state == ColumnState::Failed && f.usage == TokenUsage {});
    m_tokens.value->setText(noUsage
                                ? QStringLiteral("\u2014")
                                : FigureFormat::tokens(f.usage.promptTokens, f.usage.estimated) + QStringLiteral(" / ")
                                    + FigureFormat::tokens(f.usage.completionTokens, f.usage.estimated));
    m_tokens.value->setToolTip(f.usage.estimated ? tr("Estimated (~) until the provider reports its usage")
                                                 : QString());
    set(m_rate, FigureFormat::tokensPerSecond(f.tokensPerSecond), BestValues::TokensPerSecond,
        tr("Most tokens per second"));
    set(m_cost,
        state == ColumnState::Idle && (f.priced || m_run->spec().routed) ? QStringLiteral("\u2014")
                                                                         : FigureFormat::cost(f),
        BestValues::Cost, tr("Cheapest"));
}

void ColumnView::renderFinal()
{
    m_pending.clear();
    updateReasoning();
    const QString text = m_run->text();
    if (text.isEmpty()) {
        AnswerDocument::reset(m_answer->document(), answerContext());
    } else {
        // Markdown once, when the answer is complete; while streaming the plain append stays cheap.
        AnswerDocument::renderFinal(m_answer->document(), answerContext(), text);
    }
    // Checked against the tools this column's request offered (for a reopened run, what its row kept).
    AnswerDocument::appendToolCalls(m_answer->document(), m_run->toolCalls(),
                                    ToolCallCheck::ofAll(m_run->toolCalls(), m_run->offeredTools()));
}

AnswerDocument::Context ColumnView::answerContext() const
{
    return { m_run->conversation(), m_run->title(), m_run->offeredTools(), m_run->attachments() };
}

void ColumnView::updateReasoning()
{
    const QString& reasoning = m_run->reasoning();
    if (reasoning.isEmpty()) {
        m_reasoningToggle->setChecked(false);
        m_reasoning->clear();
    } else if (m_reasoning->isVisible()) {
        m_reasoning->setPlainText(reasoning);
    }
    updateReasoningToggle();
}

void ColumnView::updateReasoningToggle()
{
    const QString& reasoning = m_run->reasoning();
    const ColumnFigures& f = m_run->figures();
    const bool reported = f.usage.reasoningTokens > 0;
    // OpenAI's reasoning models bill their thinking without showing it: the count and its cost
    // still matter, there is just nothing to unfold.
    const bool unseen = reasoning.isEmpty() && reported;
    m_reasoningToggle->setVisible(!reasoning.isEmpty() || unseen);
    m_reasoningToggle->setEnabled(!unseen);
    m_reasoningToggle->setArrowType(unseen ? Qt::NoArrow
                                           : (m_reasoningToggle->isChecked() ? Qt::DownArrow : Qt::RightArrow));
    if (reasoning.isEmpty() && !unseen) {
        return;
    }
    // The provider's count once it reports one; counted from the text ("~") until then.
    const qint64 tokens = reported ? f.usage.reasoningTokens : estimateTokens(reasoning);
    QString text = unseen                ? tr("Reasoning: %n token(s), not shown", nullptr, int(tokens))
        : reported && !f.usage.estimated ? tr("Reasoning: %n token(s)", nullptr, int(tokens))
                                         : tr("Reasoning: ~%n token(s)", nullptr, int(tokens));
    if (f.reasoningCostUsd && f.costUsd && *f.costUsd > 0) {
        text += QStringLiteral(" \u00b7 ")
            + tr("%1 of the cost (%2 %)")
                  .arg(Money::format(*f.reasoningCostUsd))
                  .arg(QLocale().toString(100.0 * *f.reasoningCostUsd / *f.costUsd, 'f', 0));
    }
    m_reasoningToggle->setText(text);
}

void ColumnView::setContinuing(bool continuing)
{
    m_continue->setChecked(continuing);
    m_continue->setToolTip(continuing ? tr("The conversation continues with this model")
                                      : tr("Continue the conversation with this model"));
    onStateChanged();
}

void ColumnView::setWinner(bool winner)
{
    m_winner = winner;
    m_vote->setIcon(winner ? Icons::icon(QStringLiteral("trophy"), StatusColors::color(StatusTone::Warning))
                           : Icons::icon(QStringLiteral("trophy")));
    m_vote->setToolTip(winner ? tr("The winner of this run") : tr("Mark this answer as the winner"));
}

void ColumnView::copyAnswer()
{
    QApplication::clipboard()->setText(m_run->text());
}

void ColumnView::changeEvent(QEvent* event)
{
    const bool paletteChanged
        = event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange;
    if (paletteChanged && !m_applyingStyle) {
        m_applyingStyle = true; // applyStyle() sets palettes, which sends PaletteChange again
        applyStyle();
        // Colours taken from the palette when they were set (the figures, the route line, the
        // answer's code boxes and earlier turns) follow a theme switched while the column shows.
        if (m_run) {
            if (!m_run->isActive() && m_run->state() != ColumnState::Idle) {
                renderFinal();
            }
            updateFigures();
            updateRoute();
            updateStatus();
        }
        m_applyingStyle = false;
    }
    QFrame::changeEvent(event);
}

void ColumnView::applyStyle()
{
    const QPalette palette = QApplication::palette();
    QColor red(0xd9, 0x3f, 0x3f);
    QColor tint = red;
    tint.setAlpha(palette.color(QPalette::Window).lightness() < 128 ? 60 : 28);
    m_errorBanner->setStyleSheet(QStringLiteral("#errorBanner { background: rgba(%1,%2,%3,%4); border: 1px solid "
                                                "rgba(%1,%2,%3,120); border-radius: 6px; }")
                                     .arg(tint.red())
                                     .arg(tint.green())
                                     .arg(tint.blue())
                                     .arg(tint.alpha()));
    // The column is a card in the palette's base colour, so the error banner sits on the same ground as the answer.
    QPalette card = this->palette();
    card.setColor(QPalette::Window, palette.color(QPalette::Base));
    setPalette(card);
    setAutoFillBackground(true);
    QPalette answerPalette = m_answer->palette();
    answerPalette.setColor(QPalette::Base, palette.color(QPalette::Base));
    m_answer->setPalette(answerPalette);
}
