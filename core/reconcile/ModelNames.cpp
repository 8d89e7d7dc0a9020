#include "core/reconcile/ModelNames.h"

#include <QRegularExpression>

namespace ModelNames {

QString canonical(const QString& model)
{
    QString name = model.trimmed().toLower();
    name = name.mid(name.lastIndexOf(u'/') + 1);
    if (const qsizetype colon = name.indexOf(u':'); colon > 0) {
        name.truncate(colon);
    }
    static const QRegularExpression snapshot(QStringLiteral("(?:-\\d{4}-\\d{2}-\\d{2}|-20\\d{6}|@20\\d{6}|-latest)$"));
    name.remove(snapshot);
    static const QRegularExpression dottedVersion(QStringLiteral("(\\d)\\.(\\d)"));
    name.replace(dottedVersion, QStringLiteral("\\1-\\2"));
    return name;
}

} // namespace ModelNames
