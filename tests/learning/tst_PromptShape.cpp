#include "core/learning/PromptShape.h"

#include <QTest>

#include <array>

// The prompt's form as numbers: multiple choice told apart from word problems and open prompts,
// the stem from the options, numbers, negations and the options' overlap.
class TestPromptShape : public QObject
{
    Q_OBJECT

private slots:
    void extract_readsTheForm_data();
    void extract_readsTheForm();
    void notMultipleChoice_optionFeaturesAreMinusOne_data();
    void notMultipleChoice_optionFeaturesAreMinusOne();
};

using Expected = QList<QPair<int, double>>;
Q_DECLARE_METATYPE(Expected)

void TestPromptShape::extract_readsTheForm_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<Expected>("expected");

    QTest::newRow("multiple choice: four numeric options, none from the stem")
        << QStringLiteral("Find the degree of Q(sqrt(2), sqrt(3)) over Q.\nA. 0\nB. 4\nC. 2\nD. 6\nAnswer:")
        << Expected { { PromptShape::MultipleChoice, 1 }, { PromptShape::WordProblem, 0 },
                      { PromptShape::NumericOptions, 4 }, { PromptShape::OptionsWithDigits, 4 },
                      { PromptShape::StemNumbers, 2 },    { PromptShape::StemNumbersInOptions, 1 },
                      { PromptShape::FormulaSigns, 2 },   { PromptShape::StemEnd, 4 } };
    QTest::newRow("multiple choice with NOT in capitals and \"all of the above\"")
        << QStringLiteral("Which of the following is NOT a mammal?\nA. Whale\nB. Bat\nC. Shark\nD. All of the "
                          "above\nAnswer:")
        << Expected { { PromptShape::MultipleChoice, 1 }, { PromptShape::Negations, 1 },
                      { PromptShape::CapitalWords, 1 },   { PromptShape::WhichOfTheFollowing, 1 },
                      { PromptShape::AboveOrBoth, 1 },    { PromptShape::NumericOptions, 0 },
                      { PromptShape::StemEnd, 1 },        { PromptShape::QuestionMarks, 1 } };
    QTest::newRow("statement pair with true/false options")
        << QStringLiteral("Statement 1 | Every group is abelian. Statement 2 | Z is cyclic.\nA. True, True\nB. "
                          "False, False\nC. True, False\nD. False, True\nAnswer:")
        << Expected { { PromptShape::StatementPair, 1 },
                      { PromptShape::TrueFalseOptions, 4 },
                      { PromptShape::DistinctFirstWords, 2 },
                      // {true} {false} {true, false} {false, true}: half the pairs share one of two words
                      { PromptShape::OptionOverlap, 0.5 } };
    QTest::newRow("Roman numeral statements and options")
        << QStringLiteral("Which are true?\nI. A\nII. B\nIII. C\nA. I only\nB. II only\nC. I and II\nD. I, II "
                          "and III\nAnswer:")
        << Expected { { PromptShape::RomanStatements, 3 }, { PromptShape::RomanOptions, 4 } };
    QTest::newRow("word problem: money, distinct numbers, steps")
        << QStringLiteral("Kylar buys 16 glasses. One glass costs $5, but every second glass costs only 60% of "
                          "the price. How much does he pay in total?")
        << Expected { { PromptShape::MultipleChoice, 0 }, { PromptShape::WordProblem, 1 },
                      { PromptShape::Numbers, 3 },        { PromptShape::DistinctNumbers, 3 },
                      { PromptShape::Dollars, 1 },        { PromptShape::Percentages, 1 },
                      { PromptShape::HowManyWords, 1 },   { PromptShape::TotalWords, 1 },
                      { PromptShape::Sentences, 3 },      { PromptShape::LongestNumber, 2 } };
    QTest::newRow("numbers with thousands separators and decimals, arithmetic and a unit (km, not h)")
        << QStringLiteral("A car covers 1,250.5 km in 12.5 h. Compute 3 + 4 and 2^10.")
        << Expected { { PromptShape::StemNumbers, 6 },  { PromptShape::Decimals, 2 },
                      { PromptShape::Units, 1 },        { PromptShape::Arithmetic, 2 },
                      { PromptShape::ComputeWords, 1 }, { PromptShape::LongestNumber, 7 } };
    QTest::newRow("open prompt: no numbers, one line")
        << QStringLiteral("Draft a professional email asking for feedback")
        << Expected { { PromptShape::MultipleChoice, 0 },
                      { PromptShape::WordProblem, 0 },
                      { PromptShape::Numbers, 0 },
                      { PromptShape::Lines, 1 },
                      { PromptShape::StemWords, std::log1p(7.0) } };
    QTest::newRow("empty prompt") << QString()
                                  << Expected { { PromptShape::PromptLength, 0 },
                                                { PromptShape::StemWords, 0 },
                                                { PromptShape::MeanWordLength, 0 } };
}

void TestPromptShape::extract_readsTheForm()
{
    QFETCH(QString, prompt);
    QFETCH(Expected, expected);
    std::array<float, PromptShape::kCount> values {};
    PromptShape::extract(prompt, values.data());
    for (const auto& [feature, value] : expected) {
        QVERIFY2(std::abs(values[std::size_t(feature)] - value) < 1e-5,
                 qPrintable(QStringLiteral("feature %1: %2, expected %3")
                                .arg(feature)
                                .arg(values[std::size_t(feature)])
                                .arg(value)));
    }
}

void TestPromptShape::notMultipleChoice_optionFeaturesAreMinusOne_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::newRow("options without the closing Answer:") << QStringLiteral("Pick one\nA. x\nB. y\nC. z\nD. w");
    QTest::newRow("only three options") << QStringLiteral("Pick one\nA. x\nB. y\nC. z\nAnswer:");
    QTest::newRow("a word problem") << QStringLiteral("Tom has 3 apples and buys 4 more. How many now?");
}

void TestPromptShape::notMultipleChoice_optionFeaturesAreMinusOne()
{
    QFETCH(QString, prompt);
    std::array<float, PromptShape::kCount> values {};
    PromptShape::extract(prompt, values.data());
    QCOMPARE(values[PromptShape::MultipleChoice], 0.0f);
    for (int feature = PromptShape::OptionMeanLength; feature < PromptShape::kCount; ++feature) {
        QCOMPARE(values[std::size_t(feature)], -1.0f);
    }
}

QTEST_GUILESS_MAIN(TestPromptShape)
#include "tst_PromptShape.moc"
