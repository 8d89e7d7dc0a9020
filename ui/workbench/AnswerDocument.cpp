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

namespace {
struct Formats
{
    QTextBlockFormat shaded;
    QTextBlockFormat spaced;
    QTextCharFormat muted;
    QTextCharFormat who;
    QTextCharFormat heading;

    Formats()
    {
        const QPalette palette = QApplication::palette();
        shaded.setBackground(palette.color(QPalette::AlternateBase));
        shaded.setLeftMargin(4);
        shaded.setRightMargin(4);
        spaced = shaded;
        spaced.setTopMargin(8);
        muted.setForeground(palette.color(QPalette::PlaceholderText));
        who = muted;
        who.setFontWeight(QFont::Bold);
        heading = muted;
        heading.setFontItalic(true);
    }
};

QString tr(const char* text)
{
    return QCoreApplication::translate("AnswerDocument", text);
}

// Each call with its check against the tools offered, its arguments as indented JSON.
void insertCalls(QTextCursor& cursor, const QList<ToolCall>& calls, const QList<ToolCallCheck>& checks,
                 const QTextBlockFormat& base)
{
    const QPalette palette = QApplication::palette();
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    QTextBlockFormat code = base;
    code.setBackground(palette.color(QPalette::AlternateBase));
    code.setNonBreakableLines(true);
    code.setLeftMargin(4);
    QTextCharFormat mono;
    mono.setFontFamilies({ QStringLiteral("monospace") });
    mono.setFontFixedPitch(true);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const ToolCall& call = calls[i];
        const ToolCallCheck check = checks.value(i);
        QTextBlockFormat name = base;
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
            cursor.insertBlock(base, verdict);
            cursor.insertText(mark + line, verdict);
        }
        const QString arguments = checked ? check.arguments : ComparisonHtml::prettyArguments(call.arguments);
        for (const QString& line : arguments.split(QLatin1Char('\n'))) {
            cursor.insertBlock(code, mono);
            cursor.insertText(line, mono);
        }
    }
}
} // namespace

QString filesText(const QList<Attachment>& attachments)
{
    QStringList files;
    for (const Attachment& attachment : attachments) {
        files << QStringLiteral("%1 (%2)").arg(attachment.fileName, attachment.describe());
    }
    return files.join(QStringLiteral(", "));
}

void reset(QTextDocument* document, const Context& context)
{
    document->clear();
    if (context.conversation.isEmpty() && context.attachments.isEmpty()) {
        return;
    }
    const Formats f;
    QTextCursor cursor(document);
    if (!context.conversation.isEmpty()) {
        cursor.setBlockFormat(f.shaded);
        cursor.insertText(tr("Earlier in this conversation"), f.heading);
    }
    bool first = context.conversation.isEmpty();
    const auto block = [&](const QTextBlockFormat& format) {
        if (first) {
            cursor.setBlockFormat(format);
            first = false;
        } else {
            cursor.insertBlock(format);
        }
    };
    for (const ConversationTurn& turn : context.conversation) {
        if (!turn.question.isEmpty() || !turn.attachments.isEmpty()) {
            block(f.spaced);
            cursor.insertText(tr("You"), f.who);
            if (!turn.attachments.isEmpty()) {
                cursor.insertBlock(f.shaded);
                cursor.insertText(tr("Attached: %1").arg(filesText(turn.attachments)), f.heading);
            }
            cursor.insertBlock(f.shaded);
            cursor.insertText(turn.question, f.muted);
        }
        block(f.spaced);
        cursor.insertText(context.modelName, f.who);
        if (!turn.answer.isEmpty()) {
            cursor.insertBlock(f.shaded);
            cursor.insertText(turn.answer, f.muted);
        }
        if (!turn.toolCalls.isEmpty()) {
            insertCalls(cursor, turn.toolCalls, ToolCallCheck::ofAll(turn.toolCalls, context.tools), f.shaded);
        }
        if (turn.answered()) {
            cursor.insertBlock(f.spaced);
            cursor.insertText(tr("Tool results sent"), f.who);
            for (qsizetype i = 0; i < turn.toolCalls.size(); ++i) {
                cursor.insertBlock(f.shaded);
                cursor.insertText(QStringLiteral("%1: %2").arg(turn.toolCalls[i].name, turn.toolResults.value(i)),
                                  f.muted);
            }
        } else if (!turn.toolCalls.isEmpty()) {
            cursor.insertBlock(f.shaded);
            cursor.insertText(tr("No result was given for these calls."), f.heading);
        }
    }
    if (!context.attachments.isEmpty()) {
        QTextBlockFormat files;
        files.setTopMargin(context.conversation.isEmpty() ? 0 : 8);
        QTextCharFormat heading = f.heading;
        heading.setBackground(Qt::transparent);
        block(files);
        cursor.insertText(tr("Sent with: %1").arg(filesText(context.attachments)), heading);
    }
    // The current answer starts in a fresh block below, in the default format.
    QTextBlockFormat answer;
    answer.setTopMargin(12);
    cursor.insertBlock(answer, QTextCharFormat());
}

void renderFinal(QTextDocument* document, const Context& context, const QString& markdown)
{
    if (context.conversation.isEmpty() && context.attachments.isEmpty()) {
        document->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    } else {
        reset(document, context);
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
    QTextCursor cursor(document);
    cursor.movePosition(QTextCursor::End);
    QTextBlockFormat heading;
    heading.setTopMargin(12);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertBlock(heading, bold);
    cursor.insertText(tr("Tool calls"), bold);
    insertCalls(cursor, calls, checks, QTextBlockFormat());
}

} // namespace AnswerDocument
