#include "core/pricing/PriceTable.h"

#include "core/common/Clock.h"
#include "core/pricing/JsonErrorPlace.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <limits>

namespace {
const QString FormatName = QStringLiteral("switchyard-prices");

QString tr(const char* text)
{
    return QCoreApplication::translate("PriceTable", text);
}

// The optional rates of a price and of its long-context tier, by JSON name.
struct OptionalRate
{
    const char* key;
    double ModelPrice::*field;
};
const OptionalRate kOptionalRates[] = {
    { "cachedInput", &ModelPrice::cachedInputPerMTok },
    { "cacheWrite5m", &ModelPrice::cacheWrite5mPerMTok },
    { "cacheWrite1h", &ModelPrice::cacheWrite1hPerMTok },
    { "reasoning", &ModelPrice::reasoningPerMTok },
    { "perImage", &ModelPrice::perImageUsd },
    { "batchInput", &ModelPrice::batchInputPerMTok },
    { "batchOutput", &ModelPrice::batchOutputPerMTok },
    { "webSearch", &ModelPrice::webSearchPerRequestUsd },
    { "webSearchLow", &ModelPrice::webSearchLowUsd },
    { "webSearchHigh", &ModelPrice::webSearchHighUsd },
};
struct TierRate
{
    const char* key;
    double LongContextRates::*field;
};
const TierRate kTierRates[] = {
    { "input", &LongContextRates::inputPerMTok },
    { "output", &LongContextRates::outputPerMTok },
    { "cachedInput", &LongContextRates::cachedInputPerMTok },
    { "cacheWrite5m", &LongContextRates::cacheWrite5mPerMTok },
    { "cacheWrite1h", &LongContextRates::cacheWrite1hPerMTok },
};

QJsonObject entryToJson(const PriceEntry& entry)
{
    QJsonObject object;
    const ModelPrice& price = entry.price;
    if (price.known) {
        object.insert(QStringLiteral("input"), price.inputPerMTok);
        object.insert(QStringLiteral("output"), price.outputPerMTok);
        for (const OptionalRate& rate : kOptionalRates) {
            if (price.*rate.field > 0) {
                object.insert(QLatin1String(rate.key), price.*rate.field);
            }
        }
        if (price.webSearchPerPrompt) {
            object.insert(QStringLiteral("webSearchPerPrompt"), true);
        }
    } else {
        object.insert(QStringLiteral("known"), false);
    }
    if (entry.contextWindow > 0) {
        object.insert(QStringLiteral("contextWindow"), entry.contextWindow);
    }
    if (entry.maxOutputTokens > 0) {
        object.insert(QStringLiteral("maxOutputTokens"), entry.maxOutputTokens);
    }
    if (!entry.litellmProvider.isEmpty()) {
        object.insert(QStringLiteral("litellmProvider"), entry.litellmProvider);
    }
    if (entry.mode != ModelMode::Chat) {
        object.insert(QStringLiteral("mode"), ModelModes::id(entry.mode));
    }
    if (entry.capabilities.isKnown()) {
        object.insert(QStringLiteral("supports"), QJsonArray::fromStringList(entry.capabilities.ids()));
    }
    if (price.known && price.hasLongContext()) {
        QJsonObject tier;
        tier.insert(QStringLiteral("aboveTokens"), price.longContext.aboveTokens);
        for (const TierRate& rate : kTierRates) {
            if (price.longContext.*rate.field > 0) {
                tier.insert(QLatin1String(rate.key), price.longContext.*rate.field);
            }
        }
        object.insert(QStringLiteral("longContext"), tier);
    }
    return object;
}

// Reads a non-negative number; on failure sets *error to "<place>.<key>: <problem>".
bool readNumber(const QJsonObject& object, const QString& place, const char* key, double* out, bool required,
                QString* error)
{
    const QJsonValue field = object.value(QLatin1String(key));
    if (field.isUndefined() && !required) {
        return true;
    }
    if (!field.isDouble() || field.toDouble() < 0) {
        *error = place + QLatin1Char('.') + QLatin1String(key) + QStringLiteral(": ")
            + QCoreApplication::translate("PriceTable", "expected a number of USD (or tokens), zero or more");
        return false;
    }
    *out = field.toDouble();
    return true;
}

// Reads one entry; on failure sets *error to "<place>: <problem>".
bool entryFromJson(const QJsonValue& value, const QString& place, PriceEntry* entry, QString* error)
{
    if (!value.isObject()) {
        *error = place + QStringLiteral(": ") + QCoreApplication::translate("PriceTable", "expected an object");
        return false;
    }
    const QJsonObject object = value.toObject();
    auto number = [&](const char* key, double* out, bool required) {
        return readNumber(object, place, key, out, required, error);
    };

    ModelPrice& price = entry->price;
    price.known = object.value(QStringLiteral("known")).toBool(true);
    if (price.known) {
        if (!number("input", &price.inputPerMTok, true) || !number("output", &price.outputPerMTok, true)) {
            return false;
        }
        for (const OptionalRate& rate : kOptionalRates) {
            if (!number(rate.key, &(price.*rate.field), false)) {
                return false;
            }
        }
        const QJsonValue perPrompt = object.value(QStringLiteral("webSearchPerPrompt"));
        if (!perPrompt.isUndefined() && !perPrompt.isBool()) {
            *error = place + QStringLiteral(".webSearchPerPrompt: ")
                + QCoreApplication::translate("PriceTable", "expected true or false");
            return false;
        }
        price.webSearchPerPrompt = perPrompt.toBool();
    }
    double contextWindow = 0;
    double maxOutput = 0;
    if (!number("contextWindow", &contextWindow, false) || !number("maxOutputTokens", &maxOutput, false)) {
        return false;
    }
    entry->contextWindow = int(std::min(contextWindow, double(std::numeric_limits<int>::max())));
    entry->maxOutputTokens = int(std::min(maxOutput, double(std::numeric_limits<int>::max())));
    entry->litellmProvider = object.value(QStringLiteral("litellmProvider")).toString();
    const QJsonValue mode = object.value(QStringLiteral("mode"));
    if (!mode.isUndefined()) {
        const std::optional<ModelMode> known = ModelModes::fromId(mode.toString());
        if (!known) {
            *error = place + QStringLiteral(".mode: ")
                + QCoreApplication::translate("PriceTable", "expected \"chat\" or \"embedding\"");
            return false;
        }
        entry->mode = *known;
    }
    const QJsonValue supports = object.value(QStringLiteral("supports"));
    if (!supports.isUndefined()) {
        QStringList ids;
        bool strings = supports.isArray();
        for (const QJsonValue& id : supports.toArray()) {
            strings = strings && id.isString();
            ids.append(id.toString());
        }
        QString problem = QCoreApplication::translate("PriceTable", "expected an array of capability names");
        const std::optional<ModelCapabilities> capabilities
            = strings ? ModelCapabilities::fromIds(ids, &problem) : std::nullopt;
        if (!capabilities) {
            *error = place + QStringLiteral(".supports: ") + problem;
            return false;
        }
        entry->capabilities = *capabilities;
    }

    const QJsonValue tierValue = object.value(QStringLiteral("longContext"));
    if (tierValue.isUndefined()) {
        return true;
    }
    const QString tierPlace = place + QStringLiteral(".longContext");
    const QJsonObject tier = tierValue.toObject();
    LongContextRates& rates = price.longContext;
    double threshold = 0;
    bool ok = tierValue.isObject() && readNumber(tier, tierPlace, "aboveTokens", &threshold, true, error)
        && threshold >= 1 && readNumber(tier, tierPlace, "input", &rates.inputPerMTok, true, error)
        && readNumber(tier, tierPlace, "output", &rates.outputPerMTok, true, error);
    for (const TierRate& rate : kTierRates) {
        ok = ok && readNumber(tier, tierPlace, rate.key, &(rates.*rate.field), false, error);
    }
    if (!ok) {
        if (error->isEmpty()) {
            *error = tierPlace + QStringLiteral(": ")
                + QCoreApplication::translate("PriceTable", "expected an object with aboveTokens, input and output");
        }
        return false;
    }
    rates.aboveTokens = qint64(threshold);
    return true;
}

} // namespace

ModelMode PriceTable::modeOf(const ModelConfig& model) const
{
    const std::optional<PriceEntry> entry = lookup(model.priceName());
    return entry ? entry->mode : ModelMode::Chat;
}

std::optional<PriceEntry> PriceTable::exactLookup(const QString& modelId, int version) const
{
    if (version == Current || version == this->version()) {
        const auto it = m_current.constFind(modelId);
        return it == m_current.cend() ? std::nullopt : std::optional<PriceEntry>(*it);
    }
    for (auto it = m_versions.crbegin(); it != m_versions.crend(); ++it) {
        if (it->version <= version && it->changes.contains(modelId)) {
            return it->changes.value(modelId);
        }
    }
    return std::nullopt;
}

QString PriceTable::resolvedId(const QString& modelId, int version) const
{
    if (!isValidVersion(version)) {
        return {};
    }
    if (exactLookup(modelId, version)) {
        return modelId;
    }
    const QString tail = modelId.section(QLatin1Char('/'), -1);
    return tail != modelId && exactLookup(tail, version) ? tail : QString();
}

std::optional<PriceEntry> PriceTable::lookup(const QString& modelId, int version) const
{
    const QString id = resolvedId(modelId, version);
    return id.isEmpty() ? std::nullopt : exactLookup(id, version);
}

QMap<QString, PriceEntry> PriceTable::entries(int version) const
{
    QMap<QString, PriceEntry> result;
    if (!isValidVersion(version)) {
        return result;
    }
    for (const PriceVersion& change : m_versions) {
        if (version != Current && change.version > version) {
            break;
        }
        for (auto it = change.changes.cbegin(); it != change.changes.cend(); ++it) {
            result.insert(it.key(), it.value());
        }
    }
    return result;
}

QStringList PriceTable::modelIds() const
{
    QStringList ids = m_current.keys();
    ids.sort();
    return ids;
}

int PriceTable::setPrice(const QString& modelId, const PriceEntry& entry, const QString& note)
{
    return setPrices({ { modelId, entry } }, note);
}

int PriceTable::setPrices(const QMap<QString, PriceEntry>& entries, const QString& note)
{
    PriceVersion change;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        const auto existing = m_current.constFind(it.key());
        if (!it.key().isEmpty() && (existing == m_current.cend() || *existing != it.value())) {
            change.changes.insert(it.key(), it.value());
        }
    }
    if (change.changes.isEmpty()) {
        return version();
    }
    change.version = version() + 1;
    change.createdAt = Clock::instance().currentDateTimeUtc();
    change.note = note;
    for (auto it = change.changes.cbegin(); it != change.changes.cend(); ++it) {
        m_current.insert(it.key(), it.value());
    }
    m_versions.append(change);
    return change.version;
}

int PriceTable::versionAt(const QDateTime& when) const
{
    int result = 0;
    for (const PriceVersion& change : m_versions) {
        if (change.createdAt > when) {
            break;
        }
        result = change.version;
    }
    return result;
}

QByteArray PriceTable::toJson() const
{
    QJsonArray versions;
    for (const PriceVersion& change : m_versions) {
        QJsonObject models;
        for (auto it = change.changes.cbegin(); it != change.changes.cend(); ++it) {
            models.insert(it.key(), entryToJson(it.value()));
        }
        QJsonObject object;
        object.insert(QStringLiteral("version"), change.version);
        object.insert(QStringLiteral("createdAt"), change.createdAt.toUTC().toString(Qt::ISODate));
        if (!change.note.isEmpty()) {
            object.insert(QStringLiteral("note"), change.note);
        }
        object.insert(QStringLiteral("models"), models);
        versions.append(object);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), FormatName);
    root.insert(QStringLiteral("formatVersion"), FormatVersion);
    root.insert(QStringLiteral("version"), version());
    root.insert(QStringLiteral("versions"), versions);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<PriceTable> PriceTable::fromJson(const QByteArray& json, QString* error)
{
    QString problem;
    auto fail = [&](const QString& message) {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(jsonErrorPlace(json, parseError));
    }
    if (!document.isObject()) {
        return fail(tr("top level: expected an object"));
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != FormatName) {
        return fail(tr("format: expected \"%1\"").arg(FormatName));
    }
    const int formatVersion = root.value(QStringLiteral("formatVersion")).toInt(0);
    if (formatVersion < 1 || formatVersion > FormatVersion) {
        return fail(tr("formatVersion: %1 is not supported (this Switchyard reads up to %2)")
                        .arg(root.value(QStringLiteral("formatVersion")).toVariant().toString())
                        .arg(FormatVersion));
    }
    const QJsonValue versionsValue = root.value(QStringLiteral("versions"));
    if (!versionsValue.isArray()) {
        return fail(tr("versions: expected an array"));
    }

    PriceTable table;
    const QJsonArray versions = versionsValue.toArray();
    for (qsizetype i = 0; i < versions.size(); ++i) {
        const QString place = QStringLiteral("versions[%1]").arg(i);
        const QJsonObject object = versions.at(i).toObject();
        PriceVersion change;
        change.version = object.value(QStringLiteral("version")).toInt(0);
        if (change.version <= table.version()) {
            return fail(place + QStringLiteral(".version: ")
                        + tr("expected a number greater than %1").arg(table.version()));
        }
        change.createdAt = QDateTime::fromString(object.value(QStringLiteral("createdAt")).toString(), Qt::ISODate);
        if (!change.createdAt.isValid()) {
            return fail(place + QStringLiteral(".createdAt: ") + tr("expected an ISO 8601 date and time"));
        }
        change.createdAt = change.createdAt.toUTC();
        change.note = object.value(QStringLiteral("note")).toString();
        const QJsonValue modelsValue = object.value(QStringLiteral("models"));
        if (!modelsValue.isObject()) {
            return fail(place + QStringLiteral(".models: ") + tr("expected an object"));
        }
        const QJsonObject models = modelsValue.toObject();
        for (auto it = models.constBegin(); it != models.constEnd(); ++it) {
            PriceEntry entry;
            if (!entryFromJson(it.value(), place + QStringLiteral(".models[\"%1\"]").arg(it.key()), &entry, &problem)) {
                return fail(problem);
            }
            change.changes.insert(it.key(), entry);
            table.m_current.insert(it.key(), entry);
        }
        table.m_versions.append(change);
    }
    const int declared = root.value(QStringLiteral("version")).toInt(-1);
    if (declared != table.version()) {
        return fail(tr("version: says %1 but the last entry of versions is %2").arg(declared).arg(table.version()));
    }
    return table;
}

bool PriceTable::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = tr("%1: cannot read: %2").arg(path, file.errorString());
        }
        return false;
    }
    QString problem;
    auto table = fromJson(file.readAll(), &problem);
    if (!table) {
        if (error) {
            *error = path + QStringLiteral(": ") + problem;
        }
        return false;
    }
    *this = std::move(*table);
    return true;
}

bool PriceTable::save(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit()) {
        if (error) {
            *error = tr("%1: cannot write: %2").arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

PriceTable PriceTable::bundled()
{
    PriceTable table;
    QString problem;
    // A broken bundled file is a build mistake; the tests load it, so an empty table here is loud.
    if (!table.load(QStringLiteral(":/pricing/prices.json"), &problem)) {
        qWarning("bundled prices: %s", qPrintable(problem));
    }
    return table;
}
