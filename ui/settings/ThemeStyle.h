#pragma once

#include <QProxyStyle>

// Fusion, with the frames of check boxes and radio buttons drawn so they show on a dark palette:
// Fusion draws them in the window colour darkened, which on a dark window is the colour of the
// box itself, so an unchecked box vanished (in the rules table, in dialogs).
class ThemeStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    ThemeStyle();

    // The colour a check box's frame is drawn in on `palette` (Fusion's own on a light palette).
    static QColor indicatorFrame(const QPalette& palette);
    static bool isDark(const QPalette& palette);

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
};
