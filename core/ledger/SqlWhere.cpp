#include "core/ledger/SqlWhere.h"

void SqlWhere::add(const QString& condition, const QVariantList& binds)
{
    m_conditions << condition;
    m_binds << binds;
}

void SqlWhere::in(const QString& column, const QStringList& values)
{
    if (values.isEmpty()) {
        return;
    }
    m_conditions
        << QStringLiteral("%1 IN (%2)").arg(column, QStringList(values.size(), QStringLiteral("?")).join(u','));
    for (const QString& value : values) {
        m_binds << value;
    }
}

void SqlWhere::during(const QString& column, const QDateTime& from, const QDateTime& until)
{
    if (from.isValid()) {
        add(column + QStringLiteral(" >= ?"), { from.toMSecsSinceEpoch() });
    }
    if (until.isValid()) {
        add(column + QStringLiteral(" < ?"), { until.toMSecsSinceEpoch() });
    }
}

void SqlWhere::anyOf(const SqlWhere& alternatives)
{
    if (alternatives.isEmpty()) {
        return;
    }
    add(u'(' + alternatives.m_conditions.join(QStringLiteral(" OR ")) + u')', alternatives.m_binds);
}

QString SqlWhere::sql() const
{
    return m_conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + m_conditions.join(QStringLiteral(" AND "));
}
