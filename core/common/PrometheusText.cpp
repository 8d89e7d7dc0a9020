#include "core/common/PrometheusText.h"

#include <cmath>

namespace PrometheusText {
QByteArray contentType()
{
    return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

QByteArray escapeLabelValue(const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray escapeHelp(const QString& help)
{
    QByteArray out = help.toUtf8();
    out.replace('\\', "\\\\");
    out.replace('\n', "\\n");
    return out;
}

QByteArray number(double value)
{
    if (std::isnan(value)) {
        return QByteArrayLiteral("NaN");
    }
    if (std::isinf(value)) {
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    }
    // Whole numbers (counts) print without an exponent up to 2^53, which covers any counter here.
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
        return QByteArray::number(qint64(value));
    }
    return QByteArray::number(value, 'g', 15);
}

QByteArray header(const QByteArray& name, const QString& help, const QByteArray& type)
{
    return "# HELP " + name + ' ' + escapeHelp(help) + "\n# TYPE " + name + ' ' + type + '\n';
}

QByteArray sample(const QByteArray& name, const Labels& labels, double value)
{
    QByteArray line = name;
    if (!labels.isEmpty()) {
        line += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0) {
                line += ',';
            }
            line += labels[i].first + "=\"" + escapeLabelValue(labels[i].second) + '"';
        }
        line += '}';
    }
    line += ' ' + number(value) + '\n';
    return line;
}
} // namespace PrometheusText
