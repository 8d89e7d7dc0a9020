#include "ui/dashboard/ChartPanel.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

ChartPanel::ChartPanel(const QString& objectName, const QString& title, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QChartView(this))
    , m_empty(new QLabel(this))
    , m_png(new QToolButton(this))
    , m_csv(new QToolButton(this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_png->setText(tr("PNG"));
    m_png->setToolTip(tr("Save this chart as a PNG image"));
    m_png->setAutoRaise(true);
    m_csv->setText(tr("CSV"));
    m_csv->setToolTip(tr("Save the numbers behind this chart as CSV"));
    m_csv->setAutoRaise(true);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMinimumHeight(260);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    m_stack->setCurrentWidget(m_empty); // blank until the first result

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_png);
    header->addWidget(m_csv);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 8);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(m_png, &QToolButton::clicked, this, &ChartPanel::pngExportRequested);
    connect(m_csv, &QToolButton::clicked, this, &ChartPanel::csvExportRequested);
}

QChart* ChartPanel::chart() const
{
    return m_view->chart();
}

void ChartPanel::setChart(QChart* chart)
{
    QChart* old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

void ChartPanel::showChart()
{
    if (m_stack->currentWidget() != m_view) {
        // At its final size right away, so the chart is laid out once, in the slice that fills it.
        m_view->setGeometry(m_stack->contentsRect());
        m_stack->setCurrentWidget(m_view);
    }
}

void ChartPanel::showEmpty(const QString& explanation)
{
    m_empty->setText(explanation);
    m_stack->setCurrentWidget(m_empty);
}

bool ChartPanel::isEmptyShown() const
{
    return m_stack->currentWidget() == m_empty;
}

QString ChartPanel::emptyText() const
{
    return m_empty->text();
}

void ChartPanel::addBelow(QWidget* widget)
{
    static_cast<QVBoxLayout*>(layout())->addWidget(widget, 1);
}

QString ChartPanel::title() const
{
    return m_title->text();
}

QImage ChartPanel::render(const QStringList& header) const
{
    QWidget* shown = m_stack->currentWidget();
    const QPixmap chart = shown->grab();
    const qreal ratio = chart.devicePixelRatio();
    QFont titleFont = m_title->font();
    QFont lineFont = font();
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics lineMetrics(lineFont);
    constexpr int kMargin = 10;
    const int width = qRound(chart.width() / ratio);
    int headerHeight = kMargin;
    for (int i = 0; i < header.size(); ++i) {
        const QFontMetrics& metrics = i == 0 ? titleMetrics : lineMetrics;
        headerHeight
            += metrics.boundingRect(QRect(0, 0, width - 2 * kMargin, 10000), Qt::TextWordWrap, header[i]).height() + 2;
    }
    headerHeight += kMargin / 2;
    QImage image(QSize(width, headerHeight + qRound(chart.height() / ratio)) * ratio, QImage::Format_ARGB32);
    image.setDevicePixelRatio(ratio);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setPen(palette().color(QPalette::Text));
    int y = kMargin;
    for (int i = 0; i < header.size(); ++i) {
        painter.setFont(i == 0 ? titleFont : lineFont);
        QRect drawn;
        painter.drawText(QRect(kMargin, y, width - 2 * kMargin, 10000), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                         header[i], &drawn);
        y += drawn.height() + 2;
    }
    painter.drawPixmap(QPoint(0, headerHeight), chart);
    painter.end();
    return image;
}
