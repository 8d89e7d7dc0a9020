#pragma once

#include <QLocale>
#include <QString>

// US dollar amounts as people and programs read them: one rule, so a cost reads the same in
// the workbench, the history, the dashboard, the gateway panel and on the command line.
namespace Money {
// For people, in the locale's digits: "$4.50", "$0.25", "$0.000213" ("$0,000213" in German),
// "-$1.20". Cents from one dollar up; below a dollar four significant digits, trailing zeros
// dropped down to cents, so a small cost or price is never cut to a different figure
// ($0.000213 does not become $0.0002, a $0.004 cost does not read $0.00, a $0.1875 price
// stays $0.1875).
QString format(double usd, const QLocale& locale = QLocale());

// For files and programs (CSV, JSON text): "0.000213", "4.5", "0"; no currency sign, no locale,
// no exponent, at most ten decimals.
QString plain(double usd);
} // namespace Money
