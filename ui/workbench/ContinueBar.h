#pragma once

#include <QFrame>

class QCheckBox;
class QLabel;
class QPushButton;

// Shown while the workbench carries on a conversation: which model it continues with, whether
// the other columns follow, and a way back to a fresh comparison.
class ContinueBar : public QFrame
{
    Q_OBJECT

public:
    explicit ContinueBar(QWidget* parent = nullptr);

    void showFor(const QString& modelName);
    bool othersFollow() const;
    QCheckBox* followBox() const { return m_follow; }
    QPushButton* endButton() const { return m_end; }
    QString text() const;

signals:
    void endRequested();

private:
    QLabel* m_label;
    QCheckBox* m_follow;
    QPushButton* m_end;
};
