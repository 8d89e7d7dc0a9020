#pragma once

#include "ui/common/ElidedLabel.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QFontMetrics>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStringList>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>
#include <QWidget>
#include <QtMath>

// What a user would see cut: every visible label and button under `root` whose text needs more
// room than the widget has (an ElidedLabel elides on purpose and says so in its tooltip, and a
// word-wrapped label wraps). One line per cut text: the widget's name, the text, the widths.
namespace ClippedText {

inline bool shownOnScreen(const QWidget* widget, const QWidget* root)
{
    return widget->isVisibleTo(root) && widget->isVisible() && widget->width() > 0 && widget->height() > 0;
}

inline QString describe(const QWidget* widget, const QString& text, int needed, int has)
{
    const QString name = widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                                        : widget->objectName();
    return QStringLiteral("%1 \"%2\" needs %3 px, has %4").arg(name, text).arg(needed).arg(has);
}

inline int labelNeeds(const QLabel* label)
{
    const QString text = label->text();
    if (label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text))) {
        QTextDocument document;
        document.setDefaultFont(label->font());
        document.setDocumentMargin(0);
        // A mnemonic ("<b>&Rules</b>") is shown as an underline, not as "&".
        document.setHtml(
            label->buddy() ? QString(text).replace(QRegularExpression(QStringLiteral("&(?=\\w)")), QString()) : text);
        return qCeil(document.idealWidth());
    }
    int widest = 0;
    for (const QString& line : text.split(u'\n')) {
        widest = qMax(widest, label->fontMetrics().horizontalAdvance(QString(line).remove(u'&')));
    }
    return widest;
}

inline QStringList find(const QWidget* root)
{
    QStringList cut;
    for (const QLabel* label : root->findChildren<QLabel*>()) {
        if (!shownOnScreen(label, root) || label->text().isEmpty() || label->wordWrap()
            || qobject_cast<const ElidedLabel*>(label)) {
            continue;
        }
        const int needed = labelNeeds(label);
        const int has = label->contentsRect().width() - 2 * label->margin();
        if (needed > has + 1) {
            cut.append(describe(label, label->text(), needed, has));
        }
    }
    for (const QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
        if (!shownOnScreen(button, root) || button->text().isEmpty()) {
            continue;
        }
        if (const auto* iconOnly = qobject_cast<const QToolButton*>(button);
            iconOnly && iconOnly->toolButtonStyle() == Qt::ToolButtonIconOnly) {
            continue;
        }
        if (!qobject_cast<const QPushButton*>(button) && !qobject_cast<const QCheckBox*>(button)
            && !qobject_cast<const QRadioButton*>(button) && !qobject_cast<const QToolButton*>(button)) {
            continue;
        }
        // The text and icon against the room inside the button's frame or beside its indicator.
        int needed = button->fontMetrics().horizontalAdvance(QString(button->text()).remove(u'&'));
        const auto* tool = qobject_cast<const QToolButton*>(button);
        if (tool && tool->toolButtonStyle() == Qt::ToolButtonTextUnderIcon) {
            needed = qMax(needed, button->iconSize().width());
        } else if (!button->icon().isNull()) {
            needed += button->iconSize().width() + 4;
        }
        int has = button->width() - 6;
        if (qobject_cast<const QCheckBox*>(button) || qobject_cast<const QRadioButton*>(button)) {
            has = button->width() - button->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, button)
                - button->style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, button);
        }
        if (needed > has) {
            cut.append(describe(button, button->text(), needed, has));
        }
    }
    return cut;
}

} // namespace ClippedText
