#pragma once

#include "core/config/ConfigProblem.h"
#include "core/config/SwitchyardConfig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <optional>
#include <tuple>

// Reads typed fields out of JSON objects, reporting wrong types with their path.
class JsonFieldReader
{
public:
    explicit JsonFieldReader(QList<ConfigProblem>* problems)
        : m_problems(problems)
    {
    }

    void error(const QString& path, const QString& message)
    {
        m_problems->append(ConfigProblem { QString(), path, message, ConfigProblem::Severity::Error });
    }

    static QString join(const QString& path, const QString& key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    static QString index(const QString& path, qsizetype i) { return path + QStringLiteral("[%1]").arg(i); }

    void string(const QJsonObject& object, const QString& key, const QString& path, QString* out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return;
        }
        if (!value.isString()) {
            error(join(path, key), tr("expected a string"));
            return;
        }
        *out = value.toString();
    }

    void integer(const QJsonObject& object, const QString& key, const QString& path, int* out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return;
        }
        const double number = value.toDouble();
        if (!value.isDouble() || number != std::floor(number) || std::abs(number) > 2e9) {
            error(join(path, key), tr("expected a whole number"));
            return;
        }
        *out = int(number);
    }

    void real(const QJsonObject& object, const QString& key, const QString& path, double* out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return;
        }
        if (!value.isDouble()) {
            error(join(path, key), tr("expected a number"));
            return;
        }
        *out = value.toDouble();
    }

    void boolean(const QJsonObject& object, const QString& key, const QString& path, bool* out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return;
        }
        if (!value.isBool()) {
            error(join(path, key), tr("expected true or false"));
            return;
        }
        *out = value.toBool();
    }

    QJsonArray array(const QJsonObject& object, const QString& key, const QString& path)
    {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isNull() && !value.isArray()) {
            error(join(path, key), tr("expected a list"));
        }
        return value.toArray();
    }

    std::optional<QJsonObject> object(const QJsonValue& value, const QString& path)
    {
        if (value.isUndefined() || value.isNull()) {
            return std::nullopt;
        }
        if (!value.isObject()) {
            error(path, tr("expected an object"));
            return std::nullopt;
        }
        return value.toObject();
    }

    QStringList strings(const QJsonObject& object, const QString& key, const QString& path)
    {
        QStringList result;
        const QJsonArray items = array(object, key, path);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString()) {
                error(index(join(path, key), i), tr("expected a string"));
                continue;
            }
            result.append(items.at(i).toString());
        }
        return result;
    }

    template <typename Enum, typename FromId>
    void enumeration(const QJsonObject& object, const QString& key, const QString& path, FromId fromId,
                     const QStringList& known, Enum* out)
    {
        QString text;
        if (!object.contains(key)) {
            return;
        }
        string(object, key, path, &text);
        if (const std::optional<Enum> value = fromId(text)) {
            *out = *value;
            return;
        }
        error(join(path, key),
              tr("unknown value \"%1\" (expected one of: %2)").arg(text, known.join(QStringLiteral(", "))));
    }

    // Returns the TimeoutField bits of the fields the object names.
    quint8 timeouts(const QJsonObject& object, const QString& path, Timeouts* out)
    {
        checkKeys(object, path, { "connectMs", "firstTokenMs", "idleMs", "totalMs" });
        quint8 named = 0;
        for (const auto& [key, bit, value] :
             { std::tuple { "connectMs", ConnectTimeoutField, &out->connectMs },
               std::tuple { "firstTokenMs", FirstTokenTimeoutField, &out->firstTokenMs },
               std::tuple { "idleMs", IdleTimeoutField, &out->idleMs },
               std::tuple { "totalMs", TotalTimeoutField, &out->totalMs } }) {
            const QString name = QLatin1String(key);
            if (object.contains(name) && !object.value(name).isNull()) {
                integer(object, name, path, value);
                named |= bit;
            }
        }
        return named;
    }

    void settings(const QJsonObject& object, const QString& path, TierSettings* out)
    {
        checkKeys(object, path,
                  { "timeouts", "rateLimitWaitCapMs", "quotaCooldownSec", "cooldown", "strategy", "midStream",
                    "hedging", "hedgeAfterMs", "cacheEnabled" });
        const QString timeoutsPath = join(path, QStringLiteral("timeouts"));
        if (auto nested = this->object(object.value(QStringLiteral("timeouts")), timeoutsPath)) {
            out->timeoutsSet |= timeouts(*nested, timeoutsPath, &out->timeouts);
        }
        integer(object, QStringLiteral("rateLimitWaitCapMs"), path, &out->rateLimitWaitCapMs);
        integer(object, QStringLiteral("quotaCooldownSec"), path, &out->quotaCooldownSec);
        const QString cooldownPath = join(path, QStringLiteral("cooldown"));
        if (auto nested = this->object(object.value(QStringLiteral("cooldown")), cooldownPath)) {
            checkKeys(*nested, cooldownPath, { "failures", "windowSec", "durationSec" });
            integer(*nested, QStringLiteral("failures"), cooldownPath, &out->cooldown.failures);
            integer(*nested, QStringLiteral("windowSec"), cooldownPath, &out->cooldown.windowSec);
            integer(*nested, QStringLiteral("durationSec"), cooldownPath, &out->cooldown.durationSec);
        }
        enumeration(
            object, QStringLiteral("strategy"), path, LoadBalanceStrategies::fromId,
            { QStringLiteral("simple-shuffle"), QStringLiteral("least-busy"), QStringLiteral("latency-based-routing") },
            &out->strategy);
        enumeration(object, QStringLiteral("midStream"), path, MidStreamPolicies::fromId,
                    { QStringLiteral("restart"), QStringLiteral("continue"), QStringLiteral("stop") }, &out->midStream);
        boolean(object, QStringLiteral("hedging"), path, &out->hedging);
        integer(object, QStringLiteral("hedgeAfterMs"), path, &out->hedgeAfterMs);
        boolean(object, QStringLiteral("cacheEnabled"), path, &out->cacheEnabled);
    }

    std::optional<Deployment> deployment(const QJsonValue& value, const QString& path)
    {
        if (value.isString()) {
            return Deployment { value.toString(), 1 };
        }
        if (!value.isObject()) {
            error(path, tr("expected a model id or {\"model\": id, \"weight\": n}"));
            return std::nullopt;
        }
        Deployment deployment;
        checkKeys(value.toObject(), path, { "model", "weight" });
        string(value.toObject(), QStringLiteral("model"), path, &deployment.modelId);
        integer(value.toObject(), QStringLiteral("weight"), path, &deployment.weight);
        return deployment;
    }

    QList<Deployment> deployments(const QJsonArray& items, const QString& path)
    {
        QList<Deployment> result;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (auto deployment = this->deployment(items.at(i), index(path, i))) {
                result.append(*deployment);
            }
        }
        return result;
    }

    // Keys the reader does not know are most likely typos ("keyenv"): a warning, with a suggestion.
    void checkKeys(const QJsonObject& object, const QString& path, const QStringList& known)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!known.contains(it.key())) {
                m_problems->append(
                    ConfigProblem { QString(), join(path, it.key()),
                                    tr("unknown key, ignored%1").arg(ConfigProblems::didYouMean(it.key(), known)),
                                    ConfigProblem::Severity::Warning });
            }
        }
    }

private:
    static QString tr(const char* text) { return QCoreApplication::translate("JsonFieldReader", text); }

    QList<ConfigProblem>* m_problems;
};
