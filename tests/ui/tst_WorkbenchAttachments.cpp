#include "UiFixture.h"
#include "WorkbenchDriver.h"
#include "core/workbench/Attachment.h"
#include "ui/MainWindow.h"
#include "ui/common/FileDialogs.h"
#include "ui/workbench/AttachmentLoader.h"
#include "ui/workbench/AttachmentStrip.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchView.h"

#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

// Issue 17 item 1: files attached to the workbench prompt (picked, dropped or pasted) reach every
// column's upstream request as the provider takes them, counted and read server-side by the
// sandbox: images as image parts, PDFs as documents or as their text with a note, and a column
// whose model cannot take a file says so before anything is sent.
class tst_WorkbenchAttachments : public QObject
{
    Q_OBJECT

private:
    UiFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;

    static inline const QString Vision = QStringLiteral("sandbox/gpt-4.1-mini");
    static inline const QString Claude = QStringLiteral("sandbox/claude-haiku-4-5");
    static inline const QString TextOnly = QStringLiteral("sandbox/deepseek-chat"); // no image or PDF input

    WorkbenchView* workbench() const { return m_window->workbench(); }
    AttachmentStrip* strip() const { return workbench()->promptEditor()->attachmentStrip(); }
    void openWindow(const QStringList& models)
    {
        m_window = std::make_unique<MainWindow>(m_fixture.catalog(), m_fixture.client);
        m_window->resize(1280, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        for (const auto& model : models) {
            workbench()->addColumn({ model });
        }
    }
    ColumnRun* column(const QString& model) const
    {
        for (ColumnRun* run : workbench()->comparison()->columns()) {
            if (run->spec().modelId == model) {
                return run;
            }
        }
        return nullptr;
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // A chart-like picture, saved as `format`.
    QString writeImage(const QString& name, const char* format, int width = 96, int height = 64) const
    {
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(QColor(40, 90, 160));
        QPainter painter(&image);
        painter.fillRect(10, 20, 20, 40, Qt::yellow);
        painter.fillRect(40, 10, 20, 50, Qt::green);
        painter.end();
        image.save(path(name), format);
        return path(name);
    }
    // A two-page PDF: with `text` its pages carry a text layer; without, only a picture (a scan).
    QString writePdf(const QString& name, const QString& text) const
    {
        QPdfWriter writer(path(name));
        writer.setResolution(72);
        QPainter painter(&writer);
        for (int page = 0; page < 2; ++page) {
            if (page > 0) {
                writer.newPage();
            }
            if (text.isEmpty()) {
                painter.drawImage(QRect(40, 40, 200, 120), QImage(path(QStringLiteral("chart.png"))));
            } else {
                painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 14));
                painter.drawText(QPointF(60, 80 + page * 20), QStringLiteral("%1 (page %2)").arg(text).arg(page + 1));
            }
        }
        painter.end();
        return path(name);
    }
    static constexpr int LongPdfPages = 400;
    // A PDF of many pages, each with a line of text.
    QString writeLongPdf(const QString& name, int pages) const
    {
        QPdfWriter writer(path(name));
        writer.setResolution(72);
        QPainter painter(&writer);
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 12));
        for (int page = 1; page <= pages; ++page) {
            if (page > 1) {
                writer.newPage();
            }
            for (int line = 0; line < 20; ++line) {
                painter.drawText(QPointF(60, 80 + line * 18),
                                 QStringLiteral("Page %1 of the long report, line %2: revenue, costs and margins.")
                                     .arg(page)
                                     .arg(line + 1));
            }
        }
        painter.end();
        return path(name);
    }
    static QJsonArray userParts(const QByteArray& body)
    {
        const QJsonArray messages = QJsonDocument::fromJson(body).object().value(QLatin1String("messages")).toArray();
        return messages.last().toObject().value(QLatin1String("content")).toArray();
    }
    static QByteArray base64Of(const QString& file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll().toBase64() : QByteArray();
    }
    void send(const QString& prompt)
    {
        WorkbenchDriver::typeAndSend(workbench(), prompt);
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench()), 20000);
    }

private slots:
    void initTestCase()
    {
        UiFixture::initTestCase(QStringLiteral("tst_workbenchattachments"));
        QVERIFY(m_dir.isValid());
        writeImage(QStringLiteral("chart.png"), "PNG");
    }
    void init() { QVERIFY(m_fixture.start(0.02)); }
    void cleanup()
    {
        m_window.reset();
        m_fixture.stop();
    }

    void pickedImage_reachesEveryVisionColumn_textOnlyModelRefusesBeforeSending()
    {
        openWindow({ Vision, Claude, TextOnly });
        FileDialogs::setNextOpenFileName(path(QStringLiteral("chart.png")));
        workbench()->promptEditor()->attachButton()->click();
        QCOMPARE(strip()->attachments().size(), 1);
        QCOMPARE(strip()->attachments().first().kind, AttachmentKind::Image);
        send(QStringLiteral("What does this chart show?"));

        const QByteArray png = base64Of(path(QStringLiteral("chart.png")));
        // OpenAI's format: an image_url part with the file as a data URL, then the question.
        const QJsonArray openAi = userParts(m_fixture.sandbox->lastRequestBody(QStringLiteral("gpt-4.1-mini")));
        QCOMPARE(openAi.size(), 2);
        QCOMPARE(openAi[0].toObject().value("type").toString(), QStringLiteral("image_url"));
        QCOMPARE(openAi[0].toObject().value("image_url").toObject().value("url").toString(),
                 QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png));
        QCOMPARE(openAi[1].toObject().value("text").toString(), QStringLiteral("What does this chart show?"));
        // Anthropic's: an image block with the same bytes.
        const QJsonArray anthropic = userParts(m_fixture.sandbox->lastRequestBody(QStringLiteral("claude-haiku-4-5")));
        QCOMPARE(anthropic[0].toObject().value("type").toString(), QStringLiteral("image"));
        const QJsonObject source = anthropic[0].toObject().value("source").toObject();
        QCOMPARE(source.value("media_type").toString(), QStringLiteral("image/png"));
        QCOMPARE(source.value("data").toString(), QString::fromLatin1(png));
        QCOMPARE(column(Vision)->state(), ColumnState::Done);
        QCOMPARE(column(Claude)->state(), ColumnState::Done);
        // The sandbox counted one image in each of the two requests it received.
        QCOMPARE(m_fixture.sandbox->answered().images, 2);

        // The text-only model was never asked: its column says why.
        QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("deepseek-chat")), 0);
        QCOMPARE(column(TextOnly)->state(), ColumnState::Failed);
        QVERIFY2(column(TextOnly)->error().message.contains(QStringLiteral("takes no images")),
                 qPrintable(column(TextOnly)->error().message));
        QVERIFY(column(TextOnly)->error().message.contains(QStringLiteral("chart.png")));

        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(m_window->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/workbench-vision.png")));
    }

    void droppedPdf_goesAsDocumentOrAsItsTextWithANote()
    {
        openWindow({ Vision, Claude, TextOnly });
        const QString pdf = writePdf(QStringLiteral("report.pdf"), QStringLiteral("Quarterly revenue grew 12 percent"));
        // Dropped or pasted files arrive as URLs in the prompt's mime data.
        auto* mime = new QMimeData;
        mime->setUrls({ QUrl::fromLocalFile(pdf) });
        QGuiApplication::clipboard()->setMimeData(mime);
        workbench()->promptEditor()->promptEdit()->paste();
        QCOMPARE(strip()->attachments().size(), 1);
        QTRY_VERIFY(!strip()->isReading()); // its pages are read on a worker thread
        const Attachment attached = strip()->attachments().first();
        QCOMPARE(attached.kind, AttachmentKind::Pdf);
        QCOMPARE(attached.pages, 2);
        QVERIFY2(attached.text.contains(QStringLiteral("Quarterly revenue grew 12 percent (page 2)")),
                 qPrintable(attached.text));
        QVERIFY(workbench()->promptEditor()->promptEdit()->toPlainText().isEmpty()); // no path pasted as text
        send(QStringLiteral("Summarise the report."));

        const QString data = QStringLiteral("data:application/pdf;base64,") + QString::fromLatin1(base64Of(pdf));
        const QJsonObject file
            = userParts(m_fixture.sandbox->lastRequestBody(QStringLiteral("gpt-4.1-mini")))[0].toObject();
        QCOMPARE(file.value("type").toString(), QStringLiteral("file"));
        QCOMPARE(file.value("file").toObject().value("filename").toString(), QStringLiteral("report.pdf"));
        QCOMPARE(file.value("file").toObject().value("file_data").toString(), data);
        const QJsonObject document
            = userParts(m_fixture.sandbox->lastRequestBody(QStringLiteral("claude-haiku-4-5")))[0].toObject();
        QCOMPARE(document.value("type").toString(), QStringLiteral("document"));
        QCOMPARE(document.value("source").toObject().value("media_type").toString(), QStringLiteral("application/pdf"));

        // The text-only model got the text layer, said so, and no PDF.
        const QByteArray textOnly = m_fixture.sandbox->lastRequestBody(QStringLiteral("deepseek-chat"));
        QVERIFY(!textOnly.contains("file_data"));
        const QString sent = userParts(textOnly)[0].toObject().value("text").toString();
        QVERIFY2(sent.startsWith(QStringLiteral("File report.pdf")) && sent.contains(QStringLiteral("12 percent")),
                 qPrintable(sent));
        for (const QString& model : { Vision, Claude, TextOnly }) {
            QCOMPARE(column(model)->state(), ColumnState::Done);
        }
        QCOMPARE(column(TextOnly)->notes().size(), 1);
        QVERIFY2(column(TextOnly)->notes().first().contains(QStringLiteral("went as its text")),
                 qPrintable(column(TextOnly)->notes().first()));
        QVERIFY(column(Vision)->notes().isEmpty());
        ColumnView* view = workbench()->columnViews().at(2);
        QVERIFY2(view->routeText().contains(QStringLiteral("report.pdf went as its text")),
                 qPrintable(view->routeText()));
    }

    void scannedPdf_refusedForATextOnlyModel()
    {
        openWindow({ TextOnly });
        QVERIFY(strip()->addFiles({ writePdf(QStringLiteral("scan.pdf"), QString()) }));
        QTRY_VERIFY(!strip()->isReading());
        QCOMPARE(strip()->attachments().first().pages, 2);
        QVERIFY(strip()->attachments().first().text.isEmpty());
        send(QStringLiteral("What does the scan say?"));
        QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("deepseek-chat")), 0);
        QCOMPARE(column(TextOnly)->state(), ColumnState::Failed);
        QVERIFY2(column(TextOnly)->error().message.contains(QStringLiteral("no text layer")),
                 qPrintable(column(TextOnly)->error().message));
    }

    // Issue 17: a large PDF's pages are read on a worker thread. The chip says "reading…" at once,
    // the event loop keeps running (a timer ticks) while the pages are read, a send meanwhile is
    // held back with a message, and the text is there when the reading is done.
    void largePdf_readOffTheUiThread_chipSaysReading_stripStaysResponsive()
    {
        openWindow({ TextOnly });
        const QString pdf = writeLongPdf(QStringLiteral("long.pdf"), LongPdfPages);
        QElapsedTimer clock;
        clock.start();
        const AttachmentLoader::PdfRead direct = AttachmentLoader::readPdf(pdf, AttachmentStrip::ThumbnailSide);
        const qint64 readMs = clock.elapsed();
        QCOMPARE(direct.pages, LongPdfPages);

        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(1);
        QSignalSpy finished(strip(), &AttachmentStrip::readingFinished);
        clock.restart();
        QVERIFY(strip()->addFiles({ pdf }));
        const qint64 addMs = clock.elapsed();
        QVERIFY(strip()->isReading());
        QVERIFY2(addMs < readMs, qPrintable(QStringLiteral("addFiles %1 ms, reading %2 ms").arg(addMs).arg(readMs)));
        auto* what = strip()->findChild<QLabel*>(QStringLiteral("attachmentDescription"));
        QCOMPARE(what->text(), QStringLiteral("PDF, reading…"));
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(workbench()->promptEditor()->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/pdf-reading.png")));

        // Sent while reading: held back, nothing reaches the sandbox.
        QSignalSpy status(workbench(), &WorkbenchView::statusMessage);
        WorkbenchDriver::typeAndSend(workbench(), QStringLiteral("Summarise it."));
        if (strip()->isReading()) {
            QCOMPARE(status.size(), 1);
            QCOMPARE(status.first().first().toString(), QStringLiteral("Wait until long.pdf is read, then send."));
            QCOMPARE(column(TextOnly)->state(), ColumnState::Idle);
        }

        const int ticksBefore = ticks;
        QVERIFY(finished.wait(60000));
        QVERIFY(!strip()->isReading());
        QVERIFY2(ticks > ticksBefore, "the event loop ran while the PDF was read");
        const Attachment read = strip()->attachments().first();
        QCOMPARE(read.pages, LongPdfPages);
        QCOMPARE(read.text, direct.text);
        QVERIFY(read.text.contains(QStringLiteral("Page %1 of the long report").arg(LongPdfPages)));
        QCOMPARE(what->text(), read.describe());
        send(QStringLiteral("Summarise it."));
        QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("deepseek-chat")), 1);
    }

    // Removing the chip of a PDF being read stops the reading: nothing comes back, nothing is
    // attached, the strip says it is done; the loader stops between pages when asked.
    void pdfRemovedWhileReading_readingStops()
    {
        openWindow({ TextOnly });
        const QString pdf = writeLongPdf(QStringLiteral("long.pdf"), LongPdfPages);
        int asked = 0;
        const AttachmentLoader::PdfRead stopped
            = AttachmentLoader::readPdf(pdf, AttachmentStrip::ThumbnailSide, [&asked] { return ++asked > 3; });
        QVERIFY(stopped.cancelled);
        QCOMPARE(asked, 4); // three pages read, stopped before the fourth
        QVERIFY(stopped.text.isEmpty());

        QSignalSpy changed(strip(), &AttachmentStrip::changed);
        QSignalSpy finished(strip(), &AttachmentStrip::readingFinished);
        QVERIFY(strip()->addFiles({ pdf }));
        QVERIFY(strip()->isReading());
        strip()->findChild<QToolButton*>(QStringLiteral("removeAttachment"))->click();
        QVERIFY(!strip()->isReading());
        QVERIFY(strip()->attachments().isEmpty());
        QCOMPARE(finished.size(), 1);
        const int changes = changed.size();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
        QTest::qWait(20); // a late result would arrive as a queued event
        QVERIFY(strip()->attachments().isEmpty());
        QCOMPARE(changed.size(), changes);
        QVERIFY(strip()->problem().isEmpty());
    }

    void textFile_goesAsTextToEveryColumn()
    {
        openWindow({ TextOnly });
        QFile source(path(QStringLiteral("main.cpp")));
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write("int main() { return 0; }\n");
        source.close();
        QVERIFY(strip()->addFiles({ source.fileName() }));
        send(QStringLiteral("Review this."));
        const QJsonArray parts = userParts(m_fixture.sandbox->lastRequestBody(QStringLiteral("deepseek-chat")));
        QCOMPARE(parts[0].toObject().value("text").toString(),
                 QStringLiteral("File main.cpp:\n```\nint main() { return 0; }\n```"));
        QCOMPARE(column(TextOnly)->state(), ColumnState::Done);
    }

    void pastedImage_becomesAnAttachment()
    {
        openWindow({ Vision });
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(Qt::red);
        QGuiApplication::clipboard()->setImage(image);
        workbench()->promptEditor()->promptEdit()->paste();
        QCOMPARE(strip()->attachments().size(), 1);
        const Attachment pasted = strip()->attachments().first();
        QCOMPARE(pasted.kind, AttachmentKind::Image);
        QCOMPARE(pasted.mimeType, QStringLiteral("image/png"));
        QVERIFY(pasted.fileName.endsWith(QStringLiteral(".png")));
        QCOMPARE(QImage::fromData(pasted.data).size(), QSize(32, 24));
    }

    void badFile_refusedAtTheStrip_nothingAttached_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << QStringLiteral("empty.txt") << QStringLiteral("the file is empty");
        QTest::newRow("BMP") << QStringLiteral("picture.bmp") << QStringLiteral("BMP images are not taken");
        QTest::newRow("binary") << QStringLiteral("blob.bin") << QStringLiteral("not an image");
        QTest::newRow("image over 5 MB") << QStringLiteral("huge.png") << QStringLiteral("over the cap of 5");
        QTest::newRow("damaged PDF") << QStringLiteral("broken.pdf") << QStringLiteral("cannot be opened");
        QTest::newRow("missing") << QStringLiteral("gone.png") << QStringLiteral("cannot be read");
    }
    void badFile_refusedAtTheStrip_nothingAttached()
    {
        QFETCH(QString, file);
        QFETCH(QString, why);
        openWindow({ Vision });
        QFile out(path(file));
        if (file == QLatin1String("picture.bmp")) {
            writeImage(file, "BMP");
        } else if (file != QLatin1String("gone.png")) {
            QVERIFY(out.open(QIODevice::WriteOnly));
            if (file == QLatin1String("blob.bin")) {
                out.write(QByteArray("\x00\x01\x02\xff\xfe", 5).repeated(100));
            } else if (file == QLatin1String("huge.png")) {
                out.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(Attachment::kMaxImageBytes, 'x'));
            } else if (file == QLatin1String("broken.pdf")) {
                out.write("%PDF-1.7\n1 0 obj <<");
            }
            out.close();
        }
        const bool added = strip()->addFiles({ path(file) });
        // A PDF is opened on a worker thread: its refusal comes when it has been tried.
        QTRY_VERIFY(!strip()->isReading());
        QVERIFY(!added || file.endsWith(QLatin1String(".pdf")));
        QVERIFY(strip()->attachments().isEmpty());
        QVERIFY2(strip()->problem().startsWith(file + QLatin1Char(':')), qPrintable(strip()->problem()));
        QVERIFY2(strip()->problem().contains(why), qPrintable(strip()->problem()));
        QVERIFY(strip()->isVisible()); // the refusal shows where the file was dropped
        QFile::remove(path(file));
    }
};

QTEST_MAIN(tst_WorkbenchAttachments)
#include "tst_WorkbenchAttachments.moc"
