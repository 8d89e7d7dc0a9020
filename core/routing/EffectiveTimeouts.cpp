#include "core/routing/EffectiveTimeouts.h"

#include "core/providers/ReasoningModels.h"

#include <QCoreApplication>

namespace {
struct Field
{
    TimeoutField bit;
    int Timeouts::*value;
    TimeoutSource EffectiveTimeouts::*source;
    const char* jsonKey;
};

constexpr Field kFields[] = {
    { ConnectTimeoutField, &Timeouts::connectMs, &EffectiveTimeouts::connect, "connect_ms" },
    { FirstTokenTimeoutField, &Timeouts::firstTokenMs, &EffectiveTimeouts::firstToken, "first_token_ms" },
    { IdleTimeoutField, &Timeouts::idleMs, &EffectiveTimeouts::idle, "idle_ms" },
    { TotalTimeoutField, &Timeouts::totalMs, &EffectiveTimeouts::total, "total_ms" },
};
// How long a model that thinks before its first word may stay silent when nobody set a first-token
// timeout: OpenAI's reasoning models, deepseek-reasoner and Claude asked to think often take tens
// of seconds, and the built-in 10 s would fail every such call over.
constexpr int kThinkingFirstTokenMs = 60000;
} // namespace

EffectiveTimeouts EffectiveTimeouts::resolve(const ChatRequest& request, const ModelConfig& model,
                                             const TierSettings* tier, const TierSettings& defaults)
{
    EffectiveTimeouts out;
    for (const Field& field : kFields) {
        int value = defaults.timeouts.*field.value;
        TimeoutSource source = TimeoutSource::Defaults;
        if (request.timeoutsSet & field.bit) {
            value = request.timeouts.*field.value;
            source = TimeoutSource::Request;
        } else if (model.timeoutsSet & field.bit) {
            value = model.timeouts.*field.value;
            source = TimeoutSource::Model;
        } else if (tier && (tier->timeoutsSet & field.bit)) {
            value = tier->timeouts.*field.value;
            source = TimeoutSource::Tier;
        }
        out.values.*field.value = value;
        out.*field.source = source;
    }
    // The built-in default only: a first-token timeout anyone set is kept as set, 10 s included.
    if (out.firstToken == TimeoutSource::Defaults && !(defaults.timeoutsSet & FirstTokenTimeoutField)
        && ReasoningModels::thinksFirst(model, request)) {
        out.values.firstTokenMs = kThinkingFirstTokenMs;
    }
    return out;
}

Timeouts EffectiveTimeouts::merged(const Timeouts& own, quint8 ownSet, const Timeouts& fallback)
{
    Timeouts out = fallback;
    for (const Field& field : kFields) {
        if (ownSet & field.bit) {
            out.*field.value = own.*field.value;
        }
    }
    return out;
}

QJsonObject EffectiveTimeouts::toJson() const
{
    QJsonObject object;
    for (const Field& field : kFields) {
        object.insert(QLatin1String(field.jsonKey),
                      QJsonObject { { QStringLiteral("value"), values.*field.value },
                                    { QStringLiteral("from"), TimeoutSources::id(this->*field.source) } });
    }
    return object;
}

QString EffectiveTimeouts::toText() const
{
    auto part = [this](const char* label, int value, TimeoutSource source) {
        return QCoreApplication::translate("EffectiveTimeouts", "%1 %2 ms (%3)")
            .arg(QCoreApplication::translate("EffectiveTimeouts", label))
            .arg(value)
            .arg(TimeoutSources::id(source));
    };
    return QStringList { part(QT_TRANSLATE_NOOP("EffectiveTimeouts", "connect"), values.connectMs, connect),
                         part(QT_TRANSLATE_NOOP("EffectiveTimeouts", "first token"), values.firstTokenMs, firstToken),
                         part(QT_TRANSLATE_NOOP("EffectiveTimeouts", "idle"), values.idleMs, idle),
                         part(QT_TRANSLATE_NOOP("EffectiveTimeouts", "total"), values.totalMs, total) }
        .join(QStringLiteral(", "));
}
