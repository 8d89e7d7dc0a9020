#include "core/workbench/WordDiff.h"

#include <QTest>

using Segments = QList<WordDiff::Segment>;
using K = WordDiff::Kind;

class tst_WordDiff : public QObject
{
    Q_OBJECT

private slots:
    void compare_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<Segments>("expected");

        QTest::newRow("identical answers are one same segment")
            << QStringLiteral("the sky is blue") << QStringLiteral("the sky is blue")
            << Segments { { K::Same, QStringLiteral("the sky is blue") } };
        QTest::newRow("one word replaced") << QStringLiteral("the sky is blue") << QStringLiteral("the sky is grey")
                                           << Segments { { K::Same, QStringLiteral("the sky is ") },
                                                         { K::Removed, QStringLiteral("blue") },
                                                         { K::Added, QStringLiteral("grey") } };
        QTest::newRow("word inserted in the middle") << QStringLiteral("a b d") << QStringLiteral("a b c d")
                                                     << Segments { { K::Same, QStringLiteral("a b ") },
                                                                   { K::Added, QStringLiteral("c ") },
                                                                   { K::Same, QStringLiteral("d") } };
        QTest::newRow("word removed at the start")
            << QStringLiteral("Well, the answer is 42") << QStringLiteral("the answer is 42")
            << Segments { { K::Removed, QStringLiteral("Well, ") }, { K::Same, QStringLiteral("the answer is 42") } };
        QTest::newRow("empty left is all added")
            << QString() << QStringLiteral("new text") << Segments { { K::Added, QStringLiteral("new text") } };
        QTest::newRow("whitespace changes are not differences")
            << QStringLiteral("one  two\nthree") << QStringLiteral("one two three")
            << Segments { { K::Same, QStringLiteral("one two three") } };
    }
    void compare()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(Segments, expected);
        QCOMPARE(WordDiff::compare(left, right), expected);
    }

    void toHtml_escapesAndMarks()
    {
        const QString html = WordDiff::toHtml(WordDiff::compare(QStringLiteral("x <b> y"), QStringLiteral("x <i> y")));
        QCOMPARE(html, QStringLiteral("x <del>&lt;b&gt; </del><ins>&lt;i&gt; </ins>y"));
    }

    void longAnswers_stayFast()
    {
        QStringList a;
        QStringList b;
        for (int i = 0; i < 3000; ++i) {
            a.append(QStringLiteral("w%1").arg(i));
            b.append(QStringLiteral("w%1").arg(i % 7 == 0 ? i + 100000 : i));
        }
        QElapsedTimer timer;
        timer.start();
        const Segments segments = WordDiff::compare(a.join(' '), b.join(' '));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(WordDiff::similarity(segments) > 0.8);
        QVERIFY(WordDiff::similarity(segments) < 0.9);
    }
};

QTEST_GUILESS_MAIN(tst_WordDiff)
#include "tst_WordDiff.moc"
