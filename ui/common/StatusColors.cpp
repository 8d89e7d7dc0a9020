#include "ui/common/StatusColors.h"

namespace StatusColors {

QColor color(StatusTone tone)
{
    switch (tone) {
    case StatusTone::Neutral:
        return QColor(0x75, 0x75, 0x75);
    case StatusTone::Active:
        return QColor(0x2f, 0x6f, 0xde);
    case StatusTone::Good:
        return QColor(0x2e, 0x7d, 0x32);
    case StatusTone::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    case StatusTone::Bad:
        return QColor(0xc6, 0x28, 0x28);
    case StatusTone::OverBudget:
        return QColor(0x8e, 0x44, 0xad);
    }
    return QColor(0x75, 0x75, 0x75);
}

QString name(StatusTone tone)
{
    return color(tone).name();
}

QColor problemBackground()
{
    return QColor(0xff, 0xeb, 0xee);
}

} // namespace StatusColors
