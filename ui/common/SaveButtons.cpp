#include "ui/common/SaveButtons.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>

QDialogButtonBox* SaveButtons::create(QDialog* dialog, std::function<bool()> save)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Save)->setText(QCoreApplication::translate("SaveButtons", "&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(QCoreApplication::translate("SaveButtons", "Cancel"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, [dialog, save = std::move(save)] {
        if (save()) {
            dialog->accept();
        }
    });
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}
