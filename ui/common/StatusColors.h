#pragma once

#include <QColor>
#include <QString>

// How something went, as one colour everywhere: a provider in the status bar, a workbench
// column, a model card, a gateway request and a config problem use the same green for fine and
// the same red for broken. Dark enough to read as text on a light background.
enum class StatusTone
{
    Neutral, // waiting, stopped, no calls yet
    Active, // streaming
    Good, // done, healthy, running
    Warning, // incomplete, cooling down, failed over, a warning
    Bad, // failed, an error
    OverBudget,
};

namespace StatusColors {
QColor color(StatusTone tone);
// "#2e7d32", for style sheets and rich text.
QString name(StatusTone tone);
// Behind an input whose value is wrong (the text then in the Bad tone).
QColor problemBackground();
} // namespace StatusColors
