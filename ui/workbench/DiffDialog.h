#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QTextBrowser;

// Word diff of any two answers: removed words struck through in red, added ones in green.
class DiffDialog : public QDialog
{
    Q_OBJECT

public:
    // titles[i] names answers[i] ("1 · gpt-4.1-mini").
    DiffDialog(const QStringList& titles, const QStringList& answers, int left, int right, QWidget* parent = nullptr);

    QString diffHtml() const;

private:
    void update();

    QStringList m_answers;
    QComboBox* m_left;
    QComboBox* m_right;
    QLabel* m_similarity;
    QTextBrowser* m_view;
};
