#pragma once

#include <QSpinBox>

#include <optional>

#include <functional>

// A spin box that shows its value as a counted phrase in the language's plural form ("1 day",
// "30 days", "30 Tage") where a fixed suffix would read "1 days". Typing a bare number works.
class CountSpinBox final : public QSpinBox
{
    Q_OBJECT

public:
    // The phrase for a value, normally tr("%Ln day(s)", nullptr, value).
    using Phrase = std::function<QString(int value)>;

    explicit CountSpinBox(Phrase phrase, QWidget* parent = nullptr);

protected:
    QString textFromValue(int value) const override;
    int valueFromText(const QString& text) const override;
    QValidator::State validate(QString& input, int& pos) const override;

private:
    // The number in what was typed or shown, in the box's locale; nullopt when there is none.
    std::optional<int> numberIn(const QString& text) const;

    Phrase m_phrase;
};
