#include "ui/common/StatusColors.h"

#include <QGuiApplication>
#include <QPalette>

namespace StatusColors {

namespace {
// A dark theme gets the lighter shade of each tone: the light theme's dark green on a dark card
// could not be read.
bool darkTheme()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}
} // namespace

QColor color(StatusTone tone)
{
    const bool dark = darkTheme();
    switch (tone) {
    case StatusTone::Neutral:
        return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
    case StatusTone::Active:
        return dark ? QColor(0x6e, 0xa8, 0xff) : QColor(0x2f, 0x6f, 0xde);
    case StatusTone::Good:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case StatusTone::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    case StatusTone::Bad:
        return dark ? QColor(0xef, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case StatusTone::OverBudget:
        return dark ? QColor(0xc3, 0x8c, 0xdb) : QColor(0x8e, 0x44, 0xad);
    }
    return QColor(0x75, 0x75, 0x75);
}

QString name(StatusTone tone)
{
    return color(tone).name();
}

QColor problemBackground()
{
    return darkTheme() ? QColor(0x4a, 0x23, 0x26) : QColor(0xff, 0xeb, 0xee);
}

} // namespace StatusColors
