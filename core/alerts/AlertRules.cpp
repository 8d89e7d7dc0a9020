#include "core/alerts/AlertRules.h"

#include "core/common/TextPosition.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Reads one section's fields, reporting each problem at the line of its key.
class SectionReader
{
public:
    SectionReader(const QByteArray& json, const QString& file, const QString& section, QJsonObject object,
                  QStringList* errors)
        : m_json(json)
        , m_file(file)
        , m_section(section)
        , m_object(std::move(object))
        , m_errors(errors)
    {
    }

    void flag(const QString& field, bool* out)
    {
        const QJsonValue value = m_object.value(field);
        if (value.isUndefined()) {
            return;
        }
        if (!value.isBool()) {
            problem(field, AlertRules::tr("\"%1\" must be true or false").arg(field));
            return;
        }
        *out = value.toBool();
    }

    template <typename Number>
    void number(const QString& field, Number* out, double min, double max, double scale = 1)
    {
        const QJsonValue value = m_object.value(field);
        if (value.isUndefined()) {
            return;
        }
        if (!value.isDouble() || value.toDouble() < min || value.toDouble() > max) {
            problem(field, AlertRules::tr("\"%1\" must be a number from %2 to %3").arg(field).arg(min).arg(max));
            return;
        }
        *out = Number(value.toDouble() * scale);
    }

    void problem(const QString& field, const QString& message)
    {
        // The key's line: the section's key first, then the field's after it.
        qsizetype at = m_json.indexOf('"' + m_section.toUtf8() + '"');
        if (!field.isEmpty() && at >= 0) {
            const qsizetype inside = m_json.indexOf('"' + field.toUtf8() + '"', at + 1);
            at = inside >= 0 ? inside : at;
        }
        const TextPosition place = TextPosition::at(m_json, qMax<qsizetype>(0, at));
        m_errors->append(QStringLiteral("%1:%2:%3: %4").arg(m_file).arg(place.line).arg(place.column).arg(message));
    }

private:
    const QByteArray& m_json;
    QString m_file;
    QString m_section;
    QJsonObject m_object;
    QStringList* m_errors;
};

const QStringList kSections { QStringLiteral("provider_down"),   QStringLiteral("failover_rate"),
                              QStringLiteral("latency_p95"),     QStringLiteral("budget"),
                              QStringLiteral("key_over_budget"), QStringLiteral("quota_exhausted"),
                              QStringLiteral("webhooks") };
} // namespace

std::optional<AlertRules> AlertRules::parse(const QByteArray& json, const QString& fileName, QStringList* errors)
{
    AlertRules rules;
    if (json.trimmed().isEmpty()) {
        return rules;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const TextPosition place = parseError.error != QJsonParseError::NoError
            ? TextPosition::ofJsonError(json, parseError)
            : TextPosition::at(json, 0);
        errors->append(QStringLiteral("%1:%2:%3: %4")
                           .arg(fileName)
                           .arg(place.line)
                           .arg(place.column)
                           .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                             : tr("expected a JSON object")));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const qsizetype before = errors->size();
    for (auto it = root.begin(); it != root.end(); ++it) {
        SectionReader reader(json, fileName, it.key(), {}, errors);
        if (!kSections.contains(it.key())) {
            reader.problem({}, tr("unknown section \"%1\"").arg(it.key()));
        } else if (it.key() != QLatin1String("webhooks") && !it.value().isObject()) {
            reader.problem({}, tr("\"%1\" must be an object").arg(it.key()));
        }
    }
    auto section
        = [&](const QString& name) { return SectionReader(json, fileName, name, root.value(name).toObject(), errors); };
    {
        SectionReader r = section(QStringLiteral("provider_down"));
        r.flag(QStringLiteral("enabled"), &rules.providerDown);
        r.number(QStringLiteral("failures"), &rules.providerDownFailures, 1, 10000);
        r.number(QStringLiteral("window_minutes"), &rules.providerDownWindowSec, 1, 1440, 60);
        r.flag(QStringLiteral("circuit_open"), &rules.providerDownOnCircuitOpen);
    }
    {
        SectionReader r = section(QStringLiteral("failover_rate"));
        r.flag(QStringLiteral("enabled"), &rules.failoverRate);
        r.number(QStringLiteral("percent"), &rules.failoverRatePercent, 0.1, 100);
        r.number(QStringLiteral("period_minutes"), &rules.failoverRatePeriodSec, 1, 10080, 60);
        r.number(QStringLiteral("min_requests"), &rules.failoverRateMinRequests, 1, 100000);
    }
    {
        SectionReader r = section(QStringLiteral("latency_p95"));
        r.flag(QStringLiteral("enabled"), &rules.latencyP95);
        r.number(QStringLiteral("ms"), &rules.latencyP95Ms, 1, 3600000);
        r.number(QStringLiteral("window_minutes"), &rules.latencyP95WindowSec, 1, 1440, 60);
        r.number(QStringLiteral("min_requests"), &rules.latencyP95MinRequests, 1, 100000);
    }
    {
        SectionReader r = section(QStringLiteral("budget"));
        r.flag(QStringLiteral("enabled"), &rules.budget);
        const QJsonValue thresholds
            = root.value(QStringLiteral("budget")).toObject().value(QStringLiteral("thresholds_percent"));
        if (!thresholds.isUndefined()) {
            QList<int> values;
            bool ok = thresholds.isArray();
            for (const QJsonValue& value : thresholds.toArray()) {
                ok = ok && value.isDouble() && value.toDouble() > 0 && value.toDouble() <= 1000;
                values.append(int(value.toDouble()));
            }
            if (ok) {
                std::sort(values.begin(), values.end());
                rules.budgetThresholdsPercent = values;
            } else {
                r.problem(QStringLiteral("thresholds_percent"),
                          tr("\"thresholds_percent\" must be a list of percentages, e.g. [50, 80, 100]"));
            }
        }
    }
    section(QStringLiteral("key_over_budget")).flag(QStringLiteral("enabled"), &rules.keyOverBudget);
    section(QStringLiteral("quota_exhausted")).flag(QStringLiteral("enabled"), &rules.quotaExhausted);
    const QJsonValue hooks = root.value(QStringLiteral("webhooks"));
    if (!hooks.isUndefined()) {
        SectionReader r = section(QStringLiteral("webhooks"));
        if (!hooks.isArray()) {
            r.problem({}, tr("\"webhooks\" must be a list of {\"url\": ..., \"format\": \"generic\" or \"slack\"}"));
        }
        for (const QJsonValue& hook : hooks.toArray()) {
            const QJsonObject object = hook.toObject();
            const QUrl url(object.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
            const QString format = object.value(QStringLiteral("format")).toString(QStringLiteral("generic"));
            if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
                || url.host().isEmpty()) {
                r.problem(QStringLiteral("url"), tr("a webhook needs an http:// or https:// \"url\""));
                continue;
            }
            if (format != QLatin1String("generic") && format != QLatin1String("slack")) {
                r.problem(QStringLiteral("format"), tr("a webhook's \"format\" is \"generic\" or \"slack\""));
                continue;
            }
            rules.webhooks.append(
                { url,
                  format == QLatin1String("slack") ? WebhookTarget::Format::Slack : WebhookTarget::Format::Generic });
        }
    }
    if (errors->size() > before) {
        return std::nullopt;
    }
    return rules;
}

std::optional<AlertRules> AlertRules::load(const QString& path, QStringList* errors)
{
    QFile file(path);
    if (!file.exists()) {
        return AlertRules();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("%1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return parse(file.readAll(), QFileInfo(path).fileName(), errors);
}
