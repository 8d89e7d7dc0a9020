#include "ui/settings/ThemeStyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

ThemeStyle::ThemeStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
}

bool ThemeStyle::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor ThemeStyle::indicatorFrame(const QPalette& palette)
{
    // Half-way between the text and the box: visible on the base and the window colour alike.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor((text.red() + base.red()) / 2, (text.green() + base.green()) / 2, (text.blue() + base.blue()) / 2);
}

void ThemeStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                               const QWidget* widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    // An item view's check (the rules table) is drawn through PE_IndicatorCheckBox too.
    const bool box = element == PE_IndicatorCheckBox;
    if (!(box || element == PE_IndicatorRadioButton) || !isDark(option->palette)) {
        return;
    }
    const bool focused = option->state.testFlag(State_HasFocus) && option->state.testFlag(State_KeyboardFocusChange);
    if (focused) {
        return; // Fusion's highlighted outline shows already
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->translate(0.5, 0.5);
    painter->setPen(indicatorFrame(option->palette));
    painter->setBrush(Qt::NoBrush);
    if (box) {
        const QRect rect = option->rect.adjusted(0, 0, -1, -1);
        painter->drawRect(rect);
    } else {
        painter->drawEllipse(QRectF(option->rect).adjusted(1, 1, -2, -2));
    }
    painter->restore();
}
