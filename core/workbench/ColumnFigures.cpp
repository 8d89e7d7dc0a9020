#include "core/workbench/ColumnFigures.h"

#include "core/common/Money.h"

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
    const QString value = Money::format(*figures.costUsd);
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
    return tr("%1 in / %2 out").arg(Money::format(price.inputPerMTok), Money::format(price.outputPerMTok));
}

} // namespace FigureFormat
