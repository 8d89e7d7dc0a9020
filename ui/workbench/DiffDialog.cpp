#include "ui/workbench/DiffDialog.h"

#include "core/workbench/WordDiff.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

DiffDialog::DiffDialog(const QStringList& titles, const QStringList& answers, int left, int right, QWidget* parent)
    : QDialog(parent)
    , m_answers(answers)
{
    setWindowTitle(tr("Compare two answers"));
    m_left = new QComboBox(this);
    m_right = new QComboBox(this);
    m_left->addItems(titles);
    m_right->addItems(titles);
    m_left->setCurrentIndex(left);
    m_right->setCurrentIndex(right);
    m_similarity = new QLabel(this);
    m_similarity->setForegroundRole(QPalette::PlaceholderText);
    m_view = new QTextBrowser(this);

    auto* pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("From"), this));
    pick->addWidget(m_left, 1);
    pick->addWidget(new QLabel(tr("to"), this));
    pick->addWidget(m_right, 1);
    pick->addWidget(m_similarity);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_left, &QComboBox::currentIndexChanged, this, &DiffDialog::update);
    connect(m_right, &QComboBox::currentIndexChanged, this, &DiffDialog::update);
    resize(900, 640);
    update();
}

QString DiffDialog::diffHtml() const
{
    return m_view->toHtml();
}

void DiffDialog::update()
{
    const auto segments
        = WordDiff::compare(m_answers.value(m_left->currentIndex()), m_answers.value(m_right->currentIndex()));
    // Qt's rich text has no <ins>/<del>: spans with colours that read on light and dark palettes.
    QString html;
    for (const auto& segment : segments) {
        const QString text = segment.text.toHtmlEscaped();
        switch (segment.kind) {
        case WordDiff::Kind::Same:
            html += text;
            break;
        case WordDiff::Kind::Removed:
            html += QStringLiteral("<span style=\"background-color:rgba(217,63,63,0.28);text-decoration:"
                                   "line-through\">%1</span>")
                        .arg(text);
            break;
        case WordDiff::Kind::Added:
            html += QStringLiteral("<span style=\"background-color:rgba(31,157,85,0.28)\">%1</span>").arg(text);
            break;
        }
    }
    // Whitespace as the answers have it: code keeps its indentation, lines their breaks.
    m_view->setHtml(QStringLiteral("<div style=\"white-space:pre-wrap\">%1</div>").arg(html));
    m_similarity->setText(tr("%1% of words in common").arg(qRound(WordDiff::similarity(segments) * 100)));
}
