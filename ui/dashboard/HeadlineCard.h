#pragma once

#include <QFrame>

class QLabel;

// One headline figure: a caption, the value in large type, and a line of context under it.
class HeadlineCard : public QFrame
{
    Q_OBJECT

public:
    HeadlineCard(const QString& objectName, const QString& caption, QWidget* parent = nullptr);

    void setValue(const QString& value, const QString& detail, const QString& toolTip = QString());
    QString value() const;
    QString detail() const;

private:
    QLabel* m_caption;
    QLabel* m_value;
    QLabel* m_detail;
};
