#include "ui/workbench/ToolReplyDialog.h"

#include "core/workbench/ComparisonHtml.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ToolReplyDialog::ToolReplyDialog(const QString& modelName, const QList<ToolCall>& calls, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Answer Tool Calls"));
    auto* intro = new QLabel(
        tr("Type what each tool returned; %1 continues the conversation with the results.").arg(modelName), this);
    intro->setWordWrap(true);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto* callsBox = new QWidget(this);
    auto* list = new QVBoxLayout(callsBox);
    list->setContentsMargins(0, 0, 0, 0);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const ToolCall& call = calls[i];
        auto* name = new QLabel(callsBox);
        name->setText(tr("%1 (call %2)").arg(call.name, call.id));
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        auto* arguments = new QLabel(ComparisonHtml::prettyArguments(call.arguments), callsBox);
        arguments->setFont(mono);
        arguments->setTextFormat(Qt::PlainText);
        arguments->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto* result = new QPlainTextEdit(callsBox);
        result->setObjectName(QStringLiteral("toolResult%1").arg(i));
        result->setPlaceholderText(tr("What %1 returned, e.g. {\"temperature\": 14}").arg(call.name));
        result->setTabChangesFocus(true);
        result->setFixedHeight(result->fontMetrics().lineSpacing() * 4 + 14);
        list->addWidget(name);
        list->addWidget(arguments);
        list->addWidget(result);
        list->addSpacing(8);
        m_results.append(result);
    }
    list->addStretch(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send Results"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    QPushButton* inText = buttons->addButton(tr("Ask in Text Instead"), QDialogButtonBox::ActionRole);
    inText->setObjectName(QStringLiteral("askInText"));
    inText->setToolTip(tr("Leave the calls unanswered and type a follow-up question"));
    connect(inText, &QPushButton::clicked, this, [this] { done(AskInText); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(callsBox, 1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QStringList ToolReplyDialog::results() const
{
    QStringList out;
    for (const QPlainTextEdit* edit : m_results) {
        out.append(edit->toPlainText());
    }
    return out;
}
