#include "ui/workbench/AttachmentStrip.h"

#include "ui/common/Icons.h"
#include "ui/common/StatusColors.h"
#include "ui/workbench/AttachmentLoader.h"

#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPromise>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

AttachmentStrip::AttachmentStrip(QWidget* parent)
    : QWidget(parent)
{
    auto* chips = new QWidget(this);
    m_row = new QHBoxLayout(chips);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(6);
    m_row->addStretch(1);
    auto* scroll = m_scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("attachmentChips"));
    scroll->setWidget(chips);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFixedHeight(ThumbnailSide + 14 + scroll->horizontalScrollBar()->sizeHint().height());

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("attachmentProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette bad = m_problem->palette();
    bad.setColor(QPalette::WindowText, StatusColors::color(StatusTone::Bad));
    m_problem->setPalette(bad);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(scroll);
    layout->addWidget(m_problem);
    updateVisibility();
}

bool AttachmentStrip::isReading(QString* fileName) const
{
    for (const Chip& chip : m_chips) {
        if (chip.reading) {
            if (fileName) {
                *fileName = chip.attachment.fileName;
            }
            return true;
        }
    }
    return false;
}

QList<Attachment> AttachmentStrip::attachments() const
{
    QList<Attachment> result;
    for (const Chip& chip : m_chips) {
        result.append(chip.attachment);
    }
    return result;
}

bool AttachmentStrip::addFiles(const QStringList& paths)
{
    QStringList problems;
    for (const QString& path : paths) {
        if (m_chips.size() >= Attachment::kMaxAttachments) {
            problems.append(tr("At most %1 files go with one prompt.").arg(Attachment::kMaxAttachments));
            break;
        }
        QString error;
        if (const auto loaded = AttachmentLoader::fromFile(path, ThumbnailSide, &error)) {
            Chip& chip = add(loaded->attachment, loaded->thumbnail);
            if (loaded->attachment.kind == AttachmentKind::Pdf) {
                readPdf(chip, path);
            }
        } else {
            problems.append(error);
        }
    }
    showProblems(problems);
    return problems.isEmpty();
}

bool AttachmentStrip::addImage(const QImage& image)
{
    QString error;
    const QString name = tr("pasted image %1.png").arg(++m_pasted);
    const auto loaded = m_chips.size() >= Attachment::kMaxAttachments
        ? std::nullopt
        : AttachmentLoader::fromImage(image, name, ThumbnailSide, &error);
    if (!loaded) {
        showProblems(
            { error.isEmpty() ? tr("At most %1 files go with one prompt.").arg(Attachment::kMaxAttachments) : error });
        return false;
    }
    add(loaded->attachment, loaded->thumbnail);
    showProblems({});
    return true;
}

void AttachmentStrip::clear()
{
    const bool reading = isReading();
    while (!m_chips.isEmpty()) {
        const Chip chip = m_chips.takeLast();
        if (chip.reading) {
            chip.reading->cancel(); // the worker stops at its next page
        }
        delete chip.widget;
    }
    showProblems({});
    emit changed();
    if (reading) {
        emit readingFinished();
    }
}

void AttachmentStrip::readPdf(Chip& chip, const QString& path)
{
    chip.what->setText(tr("PDF, reading…"));
    chip.picture->setPixmap(Icons::icon(QStringLiteral("plain-text")).pixmap(24, 24));
    // The watcher lives with the chip: removing the chip cancels the reading and drops its result.
    auto* watcher = new QFutureWatcher<AttachmentLoader::PdfRead>(chip.widget);
    chip.reading = watcher;
    QWidget* widget = chip.widget;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, widget] { pdfRead(widget); });
    watcher->setFuture(QtConcurrent::run([path](QPromise<AttachmentLoader::PdfRead>& promise) {
        promise.addResult(AttachmentLoader::readPdf(path, ThumbnailSide, [&promise] { return promise.isCanceled(); }));
    }));
}

void AttachmentStrip::pdfRead(QWidget* widget)
{
    const auto it
        = std::find_if(m_chips.begin(), m_chips.end(), [widget](const Chip& c) { return c.widget == widget; });
    if (it == m_chips.end() || !it->reading) {
        return;
    }
    QFutureWatcher<AttachmentLoader::PdfRead>* watcher = it->reading;
    it->reading = nullptr;
    watcher->deleteLater();
    const AttachmentLoader::PdfRead read
        = watcher->future().resultCount() > 0 ? watcher->result() : AttachmentLoader::PdfRead {};
    if (!read.error.isEmpty()) {
        m_chips.erase(it);
        widget->deleteLater();
        showProblems({ read.error });
    } else {
        it->attachment.pages = read.pages;
        it->attachment.text = read.text;
        it->what->setText(it->attachment.describe());
        widget->setToolTip(QStringLiteral("%1\n%2").arg(it->attachment.fileName, it->attachment.describe()));
        if (!read.thumbnail.isNull()) {
            it->picture->setPixmap(QPixmap::fromImage(read.thumbnail));
        }
    }
    emit changed();
    if (!isReading()) {
        emit readingFinished();
    }
}

QString AttachmentStrip::problem() const
{
    return m_problem->text();
}

AttachmentStrip::Chip& AttachmentStrip::add(const Attachment& attachment, const QImage& thumbnail)
{
    auto* chip = new QFrame;
    chip->setObjectName(QStringLiteral("attachmentChip"));
    chip->setFrameShape(QFrame::StyledPanel);
    chip->setToolTip(QStringLiteral("%1\n%2").arg(attachment.fileName, attachment.describe()));
    auto* picture = new QLabel(chip);
    picture->setFixedSize(ThumbnailSide, ThumbnailSide);
    picture->setAlignment(Qt::AlignCenter);
    if (thumbnail.isNull()) {
        picture->setPixmap(Icons::icon(QStringLiteral("plain-text")).pixmap(24, 24));
    } else {
        picture->setPixmap(QPixmap::fromImage(thumbnail));
    }
    // Long names keep their start and extension: "quarterly-rep…2025.pdf".
    auto* name = new QLabel(fontMetrics().elidedText(attachment.fileName, Qt::ElideMiddle, 180), chip);
    name->setObjectName(QStringLiteral("attachmentName"));
    auto* what = new QLabel(attachment.describe(), chip);
    what->setObjectName(QStringLiteral("attachmentDescription"));
    what->setForegroundRole(QPalette::PlaceholderText);
    auto* removeButton = new QToolButton(chip);
    removeButton->setObjectName(QStringLiteral("removeAttachment"));
    removeButton->setIcon(Icons::icon(QStringLiteral("close")));
    removeButton->setIconSize(QSize(12, 12));
    removeButton->setAutoRaise(true);
    removeButton->setToolTip(tr("Remove %1").arg(attachment.fileName));
    removeButton->setAccessibleName(removeButton->toolTip());
    auto* text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(name);
    text->addWidget(what);
    auto* layout = new QHBoxLayout(chip);
    layout->setContentsMargins(4, 4, 2, 4);
    layout->setSpacing(6);
    layout->addWidget(picture);
    layout->addLayout(text);
    layout->addWidget(removeButton, 0, Qt::AlignTop);
    connect(removeButton, &QToolButton::clicked, this, [this, chip] { remove(chip); });
    m_row->insertWidget(m_row->count() - 1, chip);
    m_chips.append({ attachment, chip, picture, what, nullptr });
    updateVisibility();
    emit changed();
    return m_chips.last();
}

void AttachmentStrip::remove(QWidget* chip)
{
    bool wasReading = false;
    for (qsizetype i = 0; i < m_chips.size(); ++i) {
        if (m_chips[i].widget == chip) {
            if (QFutureWatcher<AttachmentLoader::PdfRead>* reading = m_chips[i].reading) {
                wasReading = true;
                reading->disconnect(this);
                reading->cancel(); // the worker stops at its next page; its result is dropped
            }
            m_chips.removeAt(i);
            chip->deleteLater();
            break;
        }
    }
    showProblems({});
    emit changed();
    if (wasReading && !isReading()) {
        emit readingFinished();
    }
}

void AttachmentStrip::showProblems(const QStringList& problems)
{
    m_problem->setText(problems.join(QLatin1Char('\n')));
    updateVisibility();
}

void AttachmentStrip::updateVisibility()
{
    m_scroll->setVisible(!m_chips.isEmpty());
    m_problem->setVisible(!m_problem->text().isEmpty());
    setVisible(!m_chips.isEmpty() || !m_problem->text().isEmpty());
}
