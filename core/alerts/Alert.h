#pragma once

#include "core/alerts/AlertKind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

// One alert as it fires or clears, with the evidence that made it: what was counted, over which
// window, against which threshold, and a few of the requests involved.
struct Alert
{
    AlertKind kind = AlertKind::ProviderDown;
    QString subject; // the provider, model, budget scope ("global/day") or client key id
    bool firing = true; // false: the condition ended (the alert clears)
    QDateTime at; // UTC, from Clock
    QString summary; // one translated line: "openai: 5 failures in 5 min"
    double value = 0; // what was measured: failures, a rate in %, p95 ms, a budget fraction in %
    double threshold = 0; // the limit it was compared with, in the same unit
    qint64 count = 0; // requests or failures counted
    int windowSec = 0; // over how long (0 when the rule has no window)
    QStringList exampleRequestIds; // at most AlertMonitor::kExamples, newest last

    // The episode this alert belongs to: the same kind and subject fire once until cleared.
    QString key() const { return AlertKinds::id(kind) + QLatin1Char('/') + subject; }
    // The generic webhook body and the alert log's record.
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(Alert)
