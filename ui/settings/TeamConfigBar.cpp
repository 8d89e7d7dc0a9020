#include "ui/settings/TeamConfigBar.h"

#include "core/engine/Engine.h"
#include "core/engine/TeamConfigFiles.h"
#include "core/ledger/LedgerUrl.h"
#include "core/ledger/TeamConfigFollower.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

TeamConfigBar::TeamConfigBar(Engine& engine, QWidget* parent)
    : QFrame(parent)
    , m_engine(engine)
    , m_text(new QLabel(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_later(new QPushButton(tr("Later"), this))
{
    setObjectName(QStringLiteral("teamConfigBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_text->setObjectName(QStringLiteral("teamConfigText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply->setObjectName(QStringLiteral("teamConfigApply"));
    m_later->setObjectName(QStringLiteral("teamConfigLater"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_apply);
    layout->addWidget(m_later);
    connect(m_apply, &QPushButton::clicked, this, &TeamConfigBar::apply);
    connect(m_later, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void TeamConfigBar::follow()
{
    if (m_follower || !LedgerUrl::isUrl(m_engine.ledgerPath())) {
        return;
    }
    m_follower
        = new TeamConfigFollower(m_engine.ledgerPath(), TeamConfigFiles::appliedVersion(m_engine.homeDir()), this);
    connect(m_follower, &TeamConfigFollower::versionAvailable, this, &TeamConfigBar::offer);
    m_follower->start();
}

QString TeamConfigBar::text() const
{
    return m_text->text();
}

void TeamConfigBar::offer(const TeamConfigVersion& config)
{
    m_follower->acknowledge(config.version); // Later means: until a newer version
    m_offered = config;
    QString error;
    if (!TeamConfigFiles::check(config, &error)) {
        m_text->setText(tr("The team's configuration has a new %1, but it has errors and is not applied: %2")
                            .arg(TeamConfigFiles::describe(config), error));
        m_apply->hide();
    } else {
        m_text->setText(tr("The team's configuration has a new %1. Apply it to this app (providers, routing and "
                           "client keys)?")
                            .arg(TeamConfigFiles::describe(config)));
        m_apply->show();
    }
    show();
}

void TeamConfigBar::apply()
{
    QString error;
    if (!TeamConfigFiles::apply(m_engine, m_offered, &error)) {
        m_text->setText(tr("The team's %1 was not applied: %2").arg(TeamConfigFiles::describe(m_offered), error));
        m_apply->hide();
        return;
    }
    hide();
    emit applied(tr("Applied the team's %1.").arg(TeamConfigFiles::describe(m_offered)));
}
