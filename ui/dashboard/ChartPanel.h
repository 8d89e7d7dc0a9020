#pragma once

#include <QFrame>

class QChart;
class QImage;
class QChartView;
class QLabel;
class QStackedWidget;
class QToolButton;

// One dashboard tile: a title, export buttons, and either the chart or a sentence that says
// why it is empty. The panel owns its chart, which stays for the panel's life: refreshes update
// its data in place.
class ChartPanel : public QFrame
{
    Q_OBJECT

public:
    ChartPanel(const QString& objectName, const QString& title, QWidget* parent = nullptr);

    QChartView* chartView() const { return m_view; }
    QChart* chart() const;
    // Takes the chart (a previous one is deleted); the empty text stays up until showChart().
    void setChart(QChart* chart);
    void showChart();
    void showEmpty(const QString& explanation);
    bool isEmptyShown() const;
    QString emptyText() const;
    // An extra widget under the chart (the failover table).
    void addBelow(QWidget* widget);
    QString title() const;
    // The chart as shown, under a header band with `header` (the title first, in bold, then the
    // period and the filters), so the image says what it shows away from the app.
    QImage render(const QStringList& header) const;

signals:
    void csvExportRequested();
    void pngExportRequested();

private:
    QLabel* m_title;
    QStackedWidget* m_stack;
    QChartView* m_view;
    QLabel* m_empty;
    QToolButton* m_png;
    QToolButton* m_csv;
};
