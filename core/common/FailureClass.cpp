#include "core/common/FailureClass.h"

#include <QCoreApplication>

namespace {
struct Entry
{
    FailureClass value;
    const char* id;
    const char* name;
};

constexpr Entry kEntries[] = {
    { FailureClass::None, "none", QT_TRANSLATE_NOOP("FailureClass", "No error") },
    { FailureClass::Auth, "auth", QT_TRANSLATE_NOOP("FailureClass", "Authentication failed") },
    { FailureClass::BadRequest, "bad_request", QT_TRANSLATE_NOOP("FailureClass", "Bad request") },
    { FailureClass::Unsupported, "unsupported", QT_TRANSLATE_NOOP("FailureClass", "Not supported by the model") },
    { FailureClass::RateLimited, "rate_limited", QT_TRANSLATE_NOOP("FailureClass", "Rate limited") },
    { FailureClass::QuotaExhausted, "quota_exhausted", QT_TRANSLATE_NOOP("FailureClass", "Quota exhausted") },
    { FailureClass::ServerError, "server_error", QT_TRANSLATE_NOOP("FailureClass", "Server error") },
    { FailureClass::ConnectTimeout, "connect_timeout", QT_TRANSLATE_NOOP("FailureClass", "Connect timeout") },
    { FailureClass::FirstTokenTimeout, "first_token_timeout",
      QT_TRANSLATE_NOOP("FailureClass", "First-token timeout") },
    { FailureClass::IdleTimeout, "idle_timeout", QT_TRANSLATE_NOOP("FailureClass", "Idle timeout") },
    { FailureClass::TotalTimeout, "total_timeout", QT_TRANSLATE_NOOP("FailureClass", "Total timeout") },
    { FailureClass::NetworkError, "network_error", QT_TRANSLATE_NOOP("FailureClass", "Network error") },
    { FailureClass::StreamBroken, "stream_broken", QT_TRANSLATE_NOOP("FailureClass", "Stream broken") },
    { FailureClass::MalformedResponse, "malformed_response", QT_TRANSLATE_NOOP("FailureClass", "Malformed response") },
    { FailureClass::Cancelled, "cancelled", QT_TRANSLATE_NOOP("FailureClass", "Cancelled") },
    { FailureClass::ContentFiltered, "content_filtered",
      QT_TRANSLATE_NOOP("FailureClass", "Blocked by content filter") },
};

const Entry* find(FailureClass value)
{
    for (const auto& entry : kEntries) {
        if (entry.value == value) {
            return &entry;
        }
    }
    return &kEntries[0];
}
} // namespace

QString FailureClasses::id(FailureClass failureClass)
{
    return QString::fromLatin1(find(failureClass)->id);
}

FailureClass FailureClasses::fromId(const QString& id, bool* ok)
{
    for (const auto& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            if (ok) {
                *ok = true;
            }
            return entry.value;
        }
    }
    if (ok) {
        *ok = false;
    }
    return FailureClass::None;
}

QString FailureClasses::displayName(FailureClass failureClass)
{
    return QCoreApplication::translate("FailureClass", find(failureClass)->name);
}

bool FailureClasses::isProviderFault(FailureClass failureClass)
{
    switch (failureClass) {
    case FailureClass::ServerError:
    case FailureClass::ConnectTimeout:
    case FailureClass::FirstTokenTimeout:
    case FailureClass::IdleTimeout:
    case FailureClass::TotalTimeout:
    case FailureClass::NetworkError:
    case FailureClass::StreamBroken:
    case FailureClass::MalformedResponse:
        return true;
    default:
        return false;
    }
}

bool FailureClasses::isTimeout(FailureClass failureClass)
{
    return failureClass == FailureClass::ConnectTimeout || failureClass == FailureClass::FirstTokenTimeout
        || failureClass == FailureClass::IdleTimeout || failureClass == FailureClass::TotalTimeout;
}

QList<FailureClass> FailureClasses::all()
{
    QList<FailureClass> result;
    for (const auto& entry : kEntries) {
        if (entry.value != FailureClass::None) {
            result.append(entry.value);
        }
    }
    return result;
}

QString CallError::summary() const
{
    QString text = FailureClasses::id(failureClass);
    if (httpStatus > 0) {
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    }
    if (!message.isEmpty()) {
        text += QStringLiteral(": ") + message;
    }
    return text;
}
