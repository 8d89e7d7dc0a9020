#pragma once

#include <QStringView>

// A prompt's form as a few dozen dense numbers, for the boosted trees of the learned router:
// whether it is multiple choice ("...\nA. ...\nB. ...\nC. ...\nD. ...\nAnswer:") and, if so, its
// stem and options apart (lengths and their spread, numeric options, "all of the above", how much
// the options overlap), the numbers it carries (how many, distinct, largest, decimals, arithmetic,
// units), sentences, negations in capitals (NOT, EXCEPT), money, percentages, fractions and the
// words of word problems. The hashed n-grams see topics; these see what makes a question within
// a topic hard, which a linear model over n-grams cannot add up. Pure, no allocation per call
// beyond Qt's small strings; about 5-10 us for a typical prompt.
class PromptShape final
{
public:
    // What each value is (the options' from OptionMeanLength on); counts unless named otherwise.
    enum Feature
    {
        MultipleChoice,
        WordProblem,
        PromptLength,
        StemLength,
        StemWords,
        StemNumbers,
        LargestNumber,
        Decimals,
        Sentences,
        QuestionMarks,
        Lines,
        CapitalWords,
        Negations,
        StatementPair,
        WhichOfTheFollowing,
        Dollars,
        Percentages,
        FractionWords,
        EachWords,
        TotalWords,
        FormulaSigns,
        CodeSigns,
        NotWords,
        StemEnd,
        Passage,
        HowManyWords,
        StepWords,
        Scenarios,
        ProbabilityWords,
        Enumerations,
        DistinctNumbers,
        LongNumbers,
        MeanWordLength,
        Commas,
        Quotes,
        Numbers,
        Arithmetic,
        FunctionWords,
        Units,
        Approximations,
        ComputeWords,
        CapitalisedShare,
        RomanStatements,
        LongestNumber,
        OptionMeanLength,
        OptionLongest,
        OptionShortest,
        OptionSpread,
        NumericOptions,
        OptionsWithDigits,
        AboveOrBoth,
        RomanOptions,
        TrueFalseOptions,
        OptionOverlap,
        StemToOptions,
        LongestToSecond,
        SecondToShortest,
        OptionWords,
        StemNumbersInOptions,
        OptionsEndingInPeriod,
        DistinctFirstWords,
        NumericOptionRange,
        PercentOptions,
        FractionOptions,
        FeatureCount
    };
    static constexpr int kCount = FeatureCount;
    // Writes kCount values to out; option features are -1 when the prompt is not multiple choice.
    static void extract(QStringView prompt, float* out);
};
