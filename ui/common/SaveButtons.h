#pragma once

#include <functional>

class QDialog;
class QDialogButtonBox;

// Save and Cancel for a dialog whose Save may refuse: Save runs `save` and closes the dialog only
// when it returns true (the dialog shows why it did not). The texts are our own: Qt's translations
// (qtbase_*.qm) are not installed everywhere.
class SaveButtons
{
public:
    static QDialogButtonBox* create(QDialog* dialog, std::function<bool()> save);
};
