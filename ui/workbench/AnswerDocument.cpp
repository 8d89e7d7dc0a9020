#include "ui/workbench/AnswerDocument.h"

#include "core/workbench/ComparisonHtml.h"
#include "ui/common/StatusColors.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace AnswerDocument {

void reset(QTextDocument* document, const QList<ChatMessage>& conversation, const QString& modelName)
{
    document->clear();
    if (conversation.isEmpty()) {
        return;
    }
    const QPalette palette = QApplication::palette();
    QTextBlockFormat shaded;
    shaded.setBackground(palette.color(QPalette::AlternateBase));
    shaded.setLeftMargin(4);
    shaded.setRightMargin(4);
    QTextBlockFormat spaced = shaded;
    spaced.setTopMargin(8);
    QTextCharFormat muted;
    muted.setForeground(palette.color(QPalette::PlaceholderText));
    QTextCharFormat who = muted;
    who.setFontWeight(QFont::Bold);
    QTextCharFormat heading = muted;
    heading.setFontItalic(true);

    QTextCursor cursor(document);
    cursor.setBlockFormat(shaded);
    cursor.insertText(QCoreApplication::translate("AnswerDocument", "Earlier in this conversation"), heading);
    for (const ChatMessage& message : conversation) {
        const bool user = message.role == QLatin1String("user");
        cursor.insertBlock(spaced);
        cursor.insertText(user ? QCoreApplication::translate("AnswerDocument", "You") : modelName, who);
        cursor.insertBlock(shaded);
        cursor.insertText(message.content, muted);
    }
    // The current answer starts in a fresh block below, in the default format.
    QTextBlockFormat answer;
    answer.setTopMargin(12);
    cursor.insertBlock(answer, QTextCharFormat());
}

void renderFinal(QTextDocument* document, const QList<ChatMessage>& conversation, const QString& modelName,
                 const QString& markdown)
{
    if (conversation.isEmpty()) {
        document->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    } else {
        reset(document, conversation, modelName);
        QTextCursor cursor(document);
        cursor.movePosition(QTextCursor::End);
        cursor.insertMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    }
    // Shade code blocks so they stand apart from prose, in the palette's own alternate colour.
    const QColor codeBackground = QApplication::palette().color(QPalette::AlternateBase);
    QTextCursor cursor(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        if (format.hasProperty(QTextFormat::BlockCodeFence) || format.nonBreakableLines()) {
            format.setBackground(codeBackground);
            cursor.setPosition(block.position());
            cursor.setBlockFormat(format);
        }
    }
}

void appendToolCalls(QTextDocument* document, const QList<ToolCall>& calls, const QList<ToolCallCheck>& checks)
{
    if (calls.isEmpty()) {
        return;
    }
    const QPalette palette = QApplication::palette();
    QTextCursor cursor(document);
    cursor.movePosition(QTextCursor::End);
    QTextBlockFormat heading;
    heading.setTopMargin(12);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertBlock(heading, bold);
    cursor.insertText(QCoreApplication::translate("AnswerDocument", "Tool calls"), bold);
    QTextBlockFormat code;
    code.setBackground(palette.color(QPalette::AlternateBase));
    code.setNonBreakableLines(true);
    code.setLeftMargin(4);
    QTextCharFormat mono;
    mono.setFontFamilies({ QStringLiteral("monospace") });
    mono.setFontFixedPitch(true);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const ToolCall& call = calls[i];
        const ToolCallCheck check = checks.value(i);
        QTextBlockFormat name;
        name.setTopMargin(6);
        cursor.insertBlock(name, bold);
        cursor.insertText(call.name, bold);
        QTextCharFormat verdict;
        const bool checked = check.verdict != ToolCallCheck::Verdict::Unchecked;
        verdict.setForeground(!checked           ? palette.color(QPalette::PlaceholderText)
                                  : check.fits() ? StatusColors::color(StatusTone::Good)
                                                 : StatusColors::color(StatusTone::Bad));
        const QString mark = !checked ? QString()
            : check.fits()            ? QStringLiteral("\u2713 ")
                                      : QStringLiteral("\u2717 ");
        const QStringList lines = check.problems.isEmpty() ? QStringList { check.summary() } : check.problems;
        for (const QString& line : lines) {
            cursor.insertBlock(QTextBlockFormat(), verdict);
            cursor.insertText(mark + line, verdict);
        }
        const QString arguments = checked ? check.arguments : ComparisonHtml::prettyArguments(call.arguments);
        for (const QString& line : arguments.split(QLatin1Char('\n'))) {
            cursor.insertBlock(code, mono);
            cursor.insertText(line, mono);
        }
    }
}

} // namespace AnswerDocument
