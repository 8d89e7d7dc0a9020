#include "ui/common/CountSpinBox.h"

#include <QRegularExpression>

CountSpinBox::CountSpinBox(Phrase phrase, QWidget* parent)
    : QSpinBox(parent)
    , m_phrase(std::move(phrase))
{
}

QString CountSpinBox::textFromValue(int value) const
{
    return m_phrase ? m_phrase(value) : QSpinBox::textFromValue(value);
}

std::optional<int> CountSpinBox::numberIn(const QString& text) const
{
    // The digits with the locale's group separators ("1.000 Tage", "1,000 days").
    static const QRegularExpression number(QStringLiteral("\\d[\\d.,\\x{00a0}\\x{202f} ]*"));
    const QRegularExpressionMatch match = number.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    QString digits = match.captured().trimmed();
    digits.remove(QRegularExpression(QStringLiteral("[^\\d]")));
    bool ok = false;
    const int value = digits.toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

int CountSpinBox::valueFromText(const QString& text) const
{
    if (!specialValueText().isEmpty() && text == specialValueText()) {
        return minimum();
    }
    return numberIn(text).value_or(value());
}

QValidator::State CountSpinBox::validate(QString& input, int& pos) const
{
    Q_UNUSED(pos)
    if (!specialValueText().isEmpty() && input == specialValueText()) {
        return QValidator::Acceptable;
    }
    const std::optional<int> typed = numberIn(input);
    if (!typed) {
        return QValidator::Intermediate;
    }
    return *typed >= minimum() && *typed <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}
