#include "ColumnFigures.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

std::optional<double> ColumnFigures::rate(qint64 completionTokens, qint64 ttftMs, qint64 elapsedMs)
{
    // An answer that arrived in one burst (a cache, a proxy that buffers the stream) says nothing
    // about speed: 50 tokens in 1 ms would read as 50,000 tok/s. No figure below a short window.
    constexpr qint64 kMinWindowMs = 20;
    if (ttftMs < 0 || elapsedMs - ttftMs < kMinWindowMs || completionTokens <= 0) {
        return std::nullopt;
    }
    return completionTokens * 1000.0 / double(elapsedMs - ttftMs);
}

namespace FigureFormat {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("FigureFormat", text);
}

QString dash()
{
    return QStringLiteral("\u2014");
}
} // namespace

QString milliseconds(qint64 ms)
{
    if (ms < 0) {
        return dash();
    }
    if (ms < 1000) {
        return tr("%1 ms").arg(ms);
    }
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', ms < 10000 ? 2 : 1));
}

QString tokens(qint64 count, bool estimated)
{
    const QString number = QLocale().toString(count);
    return estimated ? QStringLiteral("~") + number : number;
}

QString tokensPerSecond(const std::optional<double>& rate)
{
    if (!rate) {
        return dash();
    }
    return tr("%1 tok/s").arg(QLocale().toString(*rate, 'f', *rate < 100 ? 1 : 0));
}

QString usd(double value)
{
    if (value == 0) {
        return QStringLiteral("$0");
    }
    if (value >= 1) {
        return QStringLiteral("$") + QString::number(value, 'f', 2);
    }
    // Sub-cent costs are the common case: three significant digits, no trailing zeros.
    const int decimals = qBound(2, int(std::ceil(-std::log10(value))) + 2, 8);
    QString text = QString::number(value, 'f', decimals);
    while (text.endsWith(QLatin1Char('0'))) {
        text.chop(1);
    }
    if (text.endsWith(QLatin1Char('.'))) {
        text.chop(1);
    }
    return QStringLiteral("$") + text;
}

QString cost(const ColumnFigures& figures)
{
    if (!figures.priced) {
        return tr("unpriced");
    }
    if (!figures.costUsd) {
        return dash();
    }
    if (*figures.costUsd == 0) {
        return tr("free");
    }
    const QString value = usd(*figures.costUsd);
    return figures.costEstimated ? QStringLiteral("~") + value : value;
}

QString pricePerMTok(const ModelPrice& price)
{
    if (!price.known) {
        return tr("unpriced");
    }
    if (price.isFree()) {
        return tr("free");
    }
    auto perM = [](double value) { return QStringLiteral("$") + QString::number(value, 'g', 4); };
    return tr("%1 in / %2 out").arg(perM(price.inputPerMTok), perM(price.outputPerMTok));
}

} // namespace FigureFormat
