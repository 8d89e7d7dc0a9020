#include "core/common/ModelCapability.h"
#include "core/workbench/Attachment.h"
#include "core/workbench/AttachmentFit.h"
#include "core/workbench/ColumnSpec.h"
#include "core/workbench/ComparisonExport.h"
#include "core/workbench/ComparisonSnapshot.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// What a file attached to the workbench prompt is (by its bytes, not its name), how a column's
// model takes it, and the OpenAI body that carries it.
class tst_Attachment : public QObject
{
    Q_OBJECT

private slots:
    void kindFromContent_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("kind"); // empty: refused
        QTest::addColumn<QString>("mimeOrWhy");
        QTest::newRow("PNG") << QByteArray("\x89PNG\r\n\x1a\n....", 12) << "image"
                             << "image/png";
        QTest::newRow("JPEG") << QByteArray("\xff\xd8\xff\xe0....") << "image"
                              << "image/jpeg";
        QTest::newRow("GIF") << QByteArray("GIF89a....") << "image"
                             << "image/gif";
        QTest::newRow("WebP") << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << "image"
                              << "image/webp";
        QTest::newRow("PDF") << QByteArray("%PDF-1.7\n...") << "pdf"
                             << "application/pdf";
        QTest::newRow("UTF-8 text") << QByteArray("Grüße, world\n") << "text"
                                    << "text/plain";
        QTest::newRow("BMP") << QByteArray("BM\x36\0\0\0", 6) << ""
                             << "BMP images are not taken";
        QTest::newRow("TIFF") << QByteArray("II*\0\x08\0", 6) << ""
                              << "TIFF images are not taken";
        QTest::newRow("HEIC") << QByteArray("\0\0\0\x18"
                                            "ftypheic",
                                            12)
                              << ""
                              << "HEIC images are not taken";
        QTest::newRow("RIFF that is not WebP") << QByteArray("RIFF\x10\0\0\0WAVEfmt ", 16) << ""
                                               << "not an image";
        QTest::newRow("Latin-1 text") << QByteArray("Gr\xfc\xdf"
                                                    "e")
                                      << ""
                                      << "not an image";
        QTest::newRow("binary with NULs") << QByteArray("ab\0cd", 5) << ""
                                          << "not an image";
        QTest::newRow("empty") << QByteArray() << ""
                               << "the file is empty";
        QTest::newRow("image over the cap") << QByteArray("\xff\xd8\xff").append(Attachment::kMaxImageBytes, 'x') << ""
                                            << "over the cap of 5";
        QTest::newRow("text over the cap") << QByteArray(Attachment::kMaxTextBytes + 1, 'a') << ""
                                           << "over the cap of 1";
    }
    void kindFromContent()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, kind);
        QFETCH(QString, mimeOrWhy);
        QString error;
        const auto attachment = Attachment::fromBytes(QStringLiteral("file.x"), bytes, &error);
        if (kind.isEmpty()) {
            QVERIFY(!attachment);
            QVERIFY2(error.startsWith(QStringLiteral("file.x: ")) && error.contains(mimeOrWhy), qPrintable(error));
            return;
        }
        QVERIFY2(attachment, qPrintable(error));
        QCOMPARE(Attachment::kindId(attachment->kind), kind);
        QCOMPARE(attachment->mimeType, mimeOrWhy);
        QCOMPARE(attachment->data, bytes);
    }

    void fit_byWhatTheModelTakes_data()
    {
        QTest::addColumn<QString>("kind"); // what is attached
        QTest::addColumn<QString>("pdfText");
        QTest::addColumn<QStringList>("capabilities"); // empty with known=false: unknown
        QTest::addColumn<bool>("known");
        QTest::addColumn<QString>("refusal");
        QTest::addColumn<bool>("asText");
        QTest::newRow("image, vision model") << "image"
                                             << "" << QStringList { "vision" } << true << "" << false;
        QTest::newRow("image, text-only model")
            << "image"
            << "" << QStringList { "tools" } << true << "m takes no images: remove a.bin" << false;
        QTest::newRow("image, unknown model: tried") << "image"
                                                     << "" << QStringList {} << false << "" << false;
        QTest::newRow("PDF, PDF model") << "pdf"
                                        << "words" << QStringList { "pdf" } << true << "" << false;
        QTest::newRow("PDF, text-only model: its text") << "pdf"
                                                        << "words" << QStringList {} << true << "" << true;
        QTest::newRow("scanned PDF, text-only model") << "pdf"
                                                      << "" << QStringList {} << true << "no text layer" << false;
        QTest::newRow("text file, text-only model") << "text"
                                                    << "" << QStringList {} << true << "" << false;
    }
    void fit_byWhatTheModelTakes()
    {
        QFETCH(QString, kind);
        QFETCH(QString, pdfText);
        QFETCH(QStringList, capabilities);
        QFETCH(bool, known);
        QFETCH(QString, refusal);
        QFETCH(bool, asText);
        Attachment attachment;
        attachment.fileName = QStringLiteral("a.bin");
        attachment.kind = kind == QLatin1String("image") ? AttachmentKind::Image
            : kind == QLatin1String("pdf")               ? AttachmentKind::Pdf
                                                         : AttachmentKind::Text;
        attachment.text = pdfText;
        attachment.pages = 3;
        ModelCapabilities caps;
        if (known) {
            QString error;
            caps = *ModelCapabilities::fromIds(capabilities, &error);
            caps.markKnown();
        }
        const AttachmentFit fit = AttachmentFit::of({ attachment }, QStringLiteral("m"), caps);
        QVERIFY2(refusal.isEmpty() ? fit.refusal.isEmpty() : fit.refusal.contains(refusal), qPrintable(fit.refusal));
        QCOMPARE(fit.sendsAsText(0), asText);
        QCOMPARE(fit.notes.size(), asText ? 1 : 0);
    }

    void body_filesBeforeTheQuestion_effortAndNoTemperature()
    {
        QString error;
        const Attachment image
            = *Attachment::fromBytes(QStringLiteral("a.png"), QByteArray("\x89PNG\r\n\x1a\nxx", 10), &error);
        Attachment pdf = *Attachment::fromBytes(QStringLiteral("r.pdf"), QByteArray("%PDF-1.4 x"), &error);
        pdf.text = QStringLiteral("page words");
        pdf.pages = 1;
        PromptSettings prompt;
        prompt.prompt = QStringLiteral("Compare them.");
        prompt.systemPrompt = QStringLiteral("Be brief.");
        prompt.temperature = 0.3;
        prompt.maxTokens = 300;
        prompt.attachments = { image, pdf };
        ColumnSpec spec { QStringLiteral("m") };
        spec.reasoningEffort = ReasoningEffort::High;
        AttachmentFit fit;
        fit.asText = { false, true };
        const ChatRequest request = spec.requestFor(prompt, fit);
        QVERIFY(request.hasClientBody());
        QVERIFY(!request.temperature); // a reasoning effort takes no temperature
        QCOMPARE(request.lastUserText(), QStringLiteral("Compare them.")); // rules and the ledger see the text
        const QJsonObject body = QJsonDocument::fromJson(request.clientBody).object();
        QCOMPARE(body.value("reasoning_effort").toString(), QStringLiteral("high"));
        QCOMPARE(body.value("max_tokens").toInt(), 300);
        QVERIFY(!body.contains("temperature"));
        const QJsonArray messages = body.value("messages").toArray();
        QCOMPARE(messages[0].toObject().value("content").toString(), QStringLiteral("Be brief."));
        const QJsonArray parts = messages[1].toObject().value("content").toArray();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0].toObject().value("image_url").toObject().value("url").toString(),
                 QStringLiteral("data:image/png;base64,") + QString::fromLatin1(image.data.toBase64()));
        QVERIFY(parts[1].toObject().value("text").toString().startsWith(
            QStringLiteral("File r.pdf (the text of a 1-page PDF")));
        QCOMPARE(parts[2].toObject().value("text").toString(), QStringLiteral("Compare them."));

        // Text only and no effort: the plain request, no body.
        prompt.attachments.clear();
        QVERIFY(!ColumnSpec { QStringLiteral("m") }.requestFor(prompt).hasClientBody());
    }

    void reference_namesTheFileNotItsBytes()
    {
        QString error;
        const Attachment text = *Attachment::fromBytes(QStringLiteral("notes.md"), QByteArray("# Notes\n"), &error);
        const QJsonObject reference = text.reference();
        QCOMPARE(reference.value("name").toString(), QStringLiteral("notes.md"));
        QCOMPARE(reference.value("kind").toString(), QStringLiteral("text"));
        QCOMPARE(reference.value("bytes").toInteger(), qint64(8));
        QCOMPARE(reference.value("sha256").toString(),
                 QString::fromLatin1(QCryptographicHash::hash("# Notes\n", QCryptographicHash::Sha256).toHex()));
        QVERIFY(!reference.contains("data") && !reference.contains("text"));

        // Exports name what went with the prompt, never its bytes.
        ComparisonSnapshot snapshot;
        snapshot.prompt.prompt = QStringLiteral("Summarise.");
        snapshot.prompt.attachments = { text };
        const QJsonObject json = QJsonDocument::fromJson(ComparisonExport::toJson(snapshot)).object();
        QCOMPARE(json.value("prompt").toObject().value("attachments").toArray().first().toObject(), reference);
        QVERIFY(ComparisonExport::toMarkdown(snapshot).contains("- `notes.md` (text, 8 bytes)"));
        QVERIFY(ComparisonExport::toHtml(snapshot).contains("<li><code>notes.md</code> (text, 8 bytes)</li>"));
        QVERIFY(!ComparisonExport::toJson(snapshot).contains("# Notes"));
        snapshot.columns.append(ColumnSnapshot {});
        const QList<QByteArray> csv = ComparisonExport::toCsv(snapshot).split('\n');
        QVERIFY2(csv.first().trimmed().endsWith(",attachments,earlier_turns"), csv.first().constData());
        QVERIFY2(csv.at(1).trimmed().endsWith(",\"notes.md (text, 8 bytes)\","), csv.at(1).constData());
    }
};

QTEST_GUILESS_MAIN(tst_Attachment)
#include "tst_Attachment.moc"
