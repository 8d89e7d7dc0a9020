#include "ui/common/Icons.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace {
class SvgIconEngine : public QIconEngine
{
public:
    SvgIconEngine(const QByteArray& svg, const QColor& fixedColor)
        : m_svg(svg)
        , m_fixedColor(fixedColor)
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        QColor color = m_fixedColor;
        if (!color.isValid()) {
            const QPalette palette = QApplication::palette();
            color
                = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Normal, QPalette::ButtonText);
            if (mode == QIcon::Selected) {
                color = palette.color(QPalette::HighlightedText);
            }
        } else if (mode == QIcon::Disabled) {
            color.setAlphaF(0.4);
        }
        QByteArray svg = m_svg;
        svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        if (color.alphaF() < 1.0) {
            painter->setOpacity(color.alphaF());
        }
        renderer.render(painter, QRectF(rect));
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine* clone() const override { return new SvgIconEngine(m_svg, m_fixedColor); }

private:
    QByteArray m_svg;
    QColor m_fixedColor;
};

QByteArray load(const QString& name)
{
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

namespace Icons {

QIcon icon(const QString& name)
{
    return QIcon(new SvgIconEngine(load(name), QColor()));
}

QIcon icon(const QString& name, const QColor& color)
{
    return QIcon(new SvgIconEngine(load(name), color));
}

} // namespace Icons
