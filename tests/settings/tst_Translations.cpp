#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

// The German translation is complete, the way `lupdate` and a translator see it: every message
// is finished and non-empty (each plural form too), keeps the source's %1..%9 placeholders, and
// keeps a keyboard accelerator where the source has one.
class tst_Translations : public QObject
{
    Q_OBJECT

private:
    struct Message
    {
        QString context;
        QString source;
        QStringList translations; // one, or one per plural form
        bool unfinished = false;
        bool numerus = false;
    };

    static QList<Message> read(const QString& path, QString* language)
    {
        QList<Message> messages;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return messages;
        }
        QXmlStreamReader xml(&file);
        QString context;
        Message message;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) {
                continue;
            }
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                *language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = Message {
                    context, {}, {}, false, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")
                };
            } else if (name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                message.unfinished = !type.isEmpty(); // unfinished, vanished, obsolete
                if (message.numerus) {
                    while (xml.readNextStartElement()) {
                        message.translations.append(xml.readElementText());
                    }
                } else {
                    message.translations.append(xml.readElementText());
                }
                messages.append(message);
            }
        }
        return messages;
    }

    static QSet<QString> placeholders(const QString& text)
    {
        static const QRegularExpression pattern(QStringLiteral("%[1-9]"));
        QSet<QString> found;
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            found.insert(it.next().captured());
        }
        return found;
    }

    static bool hasAccelerator(const QString& text)
    {
        // "&File", not "&&" (a literal ampersand) and not an HTML entity such as "&nbsp;".
        static const QRegularExpression pattern(QStringLiteral("(?<!&)&(?!&)(?![a-z]+;)\\w"));
        return pattern.match(text).hasMatch();
    }

private slots:
    void german_isComplete()
    {
        QString language;
        const QList<Message> messages
            = read(QStringLiteral(SWITCHYARD_TESTS_DIR "/../translations/switchyard_de.ts"), &language);
        QCOMPARE(language, QStringLiteral("de"));
        QVERIFY(messages.size() > 100);
        QStringList problems;
        for (const Message& m : messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
            if (m.unfinished) {
                problems << where + QStringLiteral(" is unfinished");
                continue;
            }
            if (m.translations.isEmpty() || (m.numerus && m.translations.size() != 2)) {
                problems << where + QStringLiteral(" lacks its translation or plural forms");
                continue;
            }
            for (const QString& translation : m.translations) {
                if (translation.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) {
                    problems << where + QStringLiteral(" has an empty translation");
                }
                if (placeholders(translation) != placeholders(m.source)) {
                    problems << where + QStringLiteral(" -> \"") + translation
                            + QStringLiteral("\" changes the %1..%9 placeholders");
                }
                if (hasAccelerator(m.source) != hasAccelerator(translation)) {
                    problems << where + QStringLiteral(" -> \"") + translation
                            + QStringLiteral("\" adds or drops the & accelerator");
                }
            }
            // %Ln is %n in the locale's digits ("20,050"): either keeps the count.
            const QString count
                = m.source.contains(QLatin1String("%Ln")) ? QStringLiteral("%Ln") : QStringLiteral("%n");
            if (m.numerus && !m.translations.last().contains(count)) {
                problems << where + QStringLiteral(" plural form lacks %n");
            }
        }
        for (const QString& problem : std::as_const(problems).mid(0, 40)) {
            qWarning("%s", qPrintable(problem));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problems").arg(problems.size())));
    }

    void english_pluralForms_readWithoutParentheses()
    {
        // English is the source language; its file exists for "1 request" / "2 requests".
        QString language;
        const QList<Message> messages
            = read(QStringLiteral(SWITCHYARD_TESTS_DIR "/../translations/switchyard_en.ts"), &language);
        QCOMPARE(language, QStringLiteral("en"));
        QVERIFY(messages.size() >= 10);
        QStringList problems;
        for (const Message& m : messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
            if (!m.numerus || m.unfinished || m.translations.size() != 2) {
                problems << where + QStringLiteral(" needs its singular and plural form");
                continue;
            }
            for (const QString& form : m.translations) {
                if (form.contains(QLatin1String("(s)")) || placeholders(form) != placeholders(m.source)) {
                    problems << where + QStringLiteral(" -> \"") + form + QLatin1Char('"');
                }
            }
        }
        for (const QString& problem : std::as_const(problems)) {
            qWarning("%s", qPrintable(problem));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problems").arg(problems.size())));
    }
};

QTEST_APPLESS_MAIN(tst_Translations)
#include "tst_Translations.moc"
