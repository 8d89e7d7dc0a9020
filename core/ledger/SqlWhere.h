#pragma once

#include <QDateTime>
#include <QStringList>
#include <QVariantList>

// A WHERE clause built condition by condition, each with its bind values in the order of its
// "?" placeholders, so the SQL and the binds cannot drift apart. Conditions are joined by AND.
class SqlWhere final
{
public:
    // `condition` holds as many "?" as `binds` has values.
    void add(const QString& condition, const QVariantList& binds = {});
    // "column IN (?,?,...)"; nothing for an empty list (no filter, not "matches nothing").
    void in(const QString& column, const QStringList& values);
    // "column >= ?" and "column < ?" in epoch milliseconds, for whichever end is valid.
    void during(const QString& column, const QDateTime& from, const QDateTime& until);
    // The conditions of `alternatives` joined by OR, in parentheses; nothing when it is empty.
    void anyOf(const SqlWhere& alternatives);

    bool isEmpty() const { return m_conditions.isEmpty(); }
    // " WHERE a AND b", or nothing when there is no condition.
    QString sql() const;
    const QVariantList& binds() const { return m_binds; }

private:
    QStringList m_conditions;
    QVariantList m_binds;
};
