#include "ui/routing/PrimaryReviewer.h"

#include "core/common/Clock.h"
#include "core/engine/Engine.h"
#include "core/engine/PrimaryChains.h"
#include "core/ledger/LedgerQueries.h"
#include "ui/routing/RoutingDocument.h"

PrimaryReviewer::PrimaryReviewer(Engine& engine, RoutingDocument* document, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_document(document)
    , m_rule(PrimaryChains::rule(engine.homeDir()))
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(0);
    m_later.setSingleShot(true);
    m_later.setInterval(2000);
    connect(&m_soon, &QTimer::timeout, this, &PrimaryReviewer::review);
    connect(&m_later, &QTimer::timeout, this, &PrimaryReviewer::review);
    connect(document, &RoutingDocument::policyChanged, &m_soon, qOverload<>(&QTimer::start));
    connect(&engine, &Engine::requestRecorded, this, [this] {
        if (!m_later.isActive()) {
            m_later.start();
        }
    });
    connect(&engine, &Engine::configChanged, this, [this] {
        m_queries.reset(); // the ledger may have moved
        m_rule = PrimaryChains::rule(m_engine.homeDir());
        m_soon.start();
    });
    review();
}

PrimaryReviewer::~PrimaryReviewer() = default;

void PrimaryReviewer::setDays(int days)
{
    m_days = qMax(1, days);
    review();
}

void PrimaryReviewer::review()
{
    m_soon.stop();
    m_later.stop();
    QList<PrimaryReview::Row> rows;
    if (!m_engine.ledgerPath().isEmpty()) {
        if (!m_queries) {
            m_queries = std::make_unique<LedgerQueries>(m_engine.ledgerPath());
        }
        LedgerFilter filter;
        filter.until = Clock::instance().currentDateTimeUtc();
        filter.from = filter.until.addDays(-m_days);
        rows = m_queries->primaryReview(
            filter, PrimaryChains::of(m_document->policy(), [this](const QString& id) { return m_engine.model(id); }),
            m_rule);
    }
    m_document->setPrimaryReview(rows, m_days);
    emit reviewed();
}
