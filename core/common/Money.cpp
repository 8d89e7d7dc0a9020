#include "core/common/Money.h"

#include <algorithm>
#include <cmath>

namespace {
// A ten-billionth of a dollar is far below any price per token; more decimals are noise.
constexpr int MaxDecimals = 10;
constexpr int MinDecimals = 2;
constexpr int SignificantBelowOneDollar = 4;

// The fewest decimals (at least `floor`) that say `amount` rounded at `decimals`.
int withoutTrailingZeros(double amount, int decimals, int floor)
{
    const QString text = QString::number(amount, 'f', decimals);
    int kept = decimals;
    for (qsizetype i = text.size() - 1; kept > floor && text.at(i) == u'0'; --i) {
        --kept;
    }
    return kept;
}

int decimalsFor(double amount)
{
    if (amount == 0 || amount >= 1) {
        return MinDecimals;
    }
    const int leadingZeros = int(std::floor(-std::log10(amount)));
    const int decimals = std::clamp(leadingZeros + SignificantBelowOneDollar, MinDecimals, MaxDecimals);
    return withoutTrailingZeros(amount, decimals, MinDecimals);
}
} // namespace

namespace Money {

QString format(double usd, const QLocale& locale)
{
    if (!std::isfinite(usd)) {
        return QStringLiteral("\u2014");
    }
    const double amount = std::abs(usd);
    const int decimals = decimalsFor(amount);
    const QString text = locale.toString(amount, 'f', decimals);
    // An amount that rounds to zero has no sign: "-$0.00" would read as a refund.
    const bool negative = usd < 0 && std::round(amount * std::pow(10.0, decimals)) > 0;
    return (negative ? QStringLiteral("-$") : QStringLiteral("$")) + text;
}

QString plain(double usd)
{
    if (!std::isfinite(usd)) {
        return QString();
    }
    const int decimals = withoutTrailingZeros(usd, MaxDecimals, 0);
    const QString text = QString::number(usd, 'f', decimals);
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

} // namespace Money
