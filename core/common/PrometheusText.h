#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

// The Prometheus text exposition format 0.0.4, written by hand: HELP and TYPE lines, samples
// with escaped label values. Shared by the metrics registry and the gateway's own gauges, so
// escaping has one owner.
namespace PrometheusText {
using Labels = QList<std::pair<QByteArray, QString>>; // name (a valid label name), value (any text)

// The Content-Type a scrape is answered with.
QByteArray contentType();
// Backslash, double quote and line feed escaped, as label values need.
QByteArray escapeLabelValue(const QString& value);
// Backslash and line feed escaped, as HELP text needs.
QByteArray escapeHelp(const QString& help);
// "1", "0.25", "+Inf", "NaN": Go's ParseFloat reads every one.
QByteArray number(double value);
// "# HELP name help\n# TYPE name type\n"; type is counter, gauge or histogram.
QByteArray header(const QByteArray& name, const QString& help, const QByteArray& type);
// "name{a=\"x\",b=\"y\"} value\n" ("name value\n" without labels).
QByteArray sample(const QByteArray& name, const Labels& labels, double value);
} // namespace PrometheusText
