#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// A key the user gave one client of the gateway (an IDE assistant, an agent, a teammate): what it
// may use and how much. Only a salted hash of the secret is kept; the full key is shown once.
//
//     sk-sy-<id>-<secret>     id: 8 hex digits, looks the key up; secret: 32 random bytes
struct ClientKey
{
    enum class Status
    {
        Active,
        Revoked,
        Expired,
    };

    QString id; // 8 hex digits, also in the ledger's client_key column
    QString name;
    QDateTime createdAt; // UTC
    std::optional<QDateTime> expiresAt; // UTC
    std::optional<QDateTime> revokedAt; // UTC
    // Model ids, group names, tier names and "auto" (the policy picks) it may ask for; empty = any.
    QStringList allowedModels;
    std::optional<double> dailyBudgetUsd;
    std::optional<double> monthlyBudgetUsd;
    // A model without a price cannot be held against a budget: a key with a budget refuses it
    // unless the user allows unpriced models for the key (their cost is then not counted).
    bool allowUnpriced = false;
    std::optional<int> requestsPerMinute;
    std::optional<int> maxConcurrent;
    QByteArray salt; // 16 random bytes
    QByteArray hash; // SHA-256(salt + secret)

    Status status(const QDateTime& now) const;
    static QString statusId(Status status); // "active", "revoked", "expired"

    // Whether a request may go to `target` (the model id, group or tier its model names; "auto"
    // when the policy picks) with the tier it forces, if any.
    bool allows(const QString& target, const QString& forcedTier) const;

    bool operator==(const ClientKey&) const = default;
};

// A newly made key: the record to keep and the secret to show once.
struct IssuedClientKey
{
    ClientKey key;
    QByteArray secret; // "sk-sy-<id>-<secret>"
};

namespace ClientKeys {
// Makes a key with fresh random id, salt and secret (the system's CSPRNG).
IssuedClientKey issue(const QString& name, const QDateTime& now);
// Splits "sk-sy-<id>-<secret>" into its id; empty when it is not such a key.
QString idOf(QByteArrayView presented);
// Constant-time check of a presented key against the record.
bool matches(const ClientKey& key, QByteArrayView presented);
} // namespace ClientKeys
