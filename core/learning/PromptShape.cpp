#include "core/learning/PromptShape.h"

#include <QHashFunctions>
#include <QString>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace {
bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// The numbers of a text ("1,250.5" is one), as slices of it, commas kept.
void numbersOf(QStringView text, std::vector<QStringView>& out)
{
    out.clear();
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < text.size()
               && (isDigit(text[j])
                   || ((text[j] == u'.' || text[j] == u',') && j + 1 < text.size() && isDigit(text[j + 1])))) {
            ++j;
        }
        out.push_back(text.mid(i, j - i));
        i = j;
    }
}

double valueOf(QStringView number)
{
    QString plain = number.toString();
    plain.remove(u',');
    return plain.toDouble();
}

int distinctCount(std::vector<QStringView> values)
{
    std::sort(values.begin(), values.end());
    return int(std::unique(values.begin(), values.end()) - values.begin());
}

// Phrases counted in one pass over the lower-cased prompt, by group (a group is one feature).
namespace Phrases {
enum Group
{
    WhichOfTheFollowing,
    Dollar,
    Percent,
    Fraction,
    Each,
    Total,
    Formula,
    Code,
    Not,
    Passage,
    HowMany,
    Steps,
    Scenario,
    Probability,
    Enumeration,
    Function,
    Approximately,
    Compute,
    GroupCount
};
} // namespace Phrases

struct Phrase
{
    std::u16string text;
    Phrases::Group group;
};

// Phrases by their first (ASCII) character, so the pass looks only at those that can start here.
const std::array<std::vector<Phrase>, 128>& phrasesByFirst()
{
    static const std::array<std::vector<Phrase>, 128> table = [] {
        const std::vector<std::pair<const char*, Phrases::Group>> phrases {
            { "which of the following", Phrases::WhichOfTheFollowing },
            { "$", Phrases::Dollar },
            { "%", Phrases::Percent },
            { "percent", Phrases::Percent },
            { "half", Phrases::Fraction },
            { "third", Phrases::Fraction },
            { "quarter", Phrases::Fraction },
            { "twice", Phrases::Fraction },
            { "double", Phrases::Fraction },
            { " each ", Phrases::Each },
            { " per ", Phrases::Each },
            { " every ", Phrases::Each },
            { "total", Phrases::Total },
            { "remain", Phrases::Total },
            { " left", Phrases::Total },
            { "=", Phrases::Formula },
            { "^", Phrases::Formula },
            { "sqrt", Phrases::Formula },
            { "\\", Phrases::Formula },
            { "{", Phrases::Code },
            { ";", Phrases::Code },
            { "def ", Phrases::Code },
            { "return", Phrases::Code },
            { " not ", Phrases::Not },
            { "n't", Phrases::Not },
            { "refers to the following", Phrases::Passage },
            { "passage", Phrases::Passage },
            { "how many", Phrases::HowMany },
            { "how much", Phrases::HowMany },
            { " then ", Phrases::Steps },
            { " after ", Phrases::Steps },
            { " more than ", Phrases::Steps },
            { " less than ", Phrases::Steps },
            { " fewer ", Phrases::Steps },
            { "scenario", Phrases::Scenario },
            { "probability", Phrases::Probability },
            { "expected", Phrases::Probability },
            { "integer", Phrases::Probability },
            { "prime", Phrases::Probability },
            { "(a)", Phrases::Enumeration },
            { "(b)", Phrases::Enumeration },
            { "(i)", Phrases::Enumeration },
            { "1.", Phrases::Enumeration },
            { "sqrt", Phrases::Function },
            { "log", Phrases::Function },
            { "sin", Phrases::Function },
            { "cos", Phrases::Function },
            { " pi ", Phrases::Function },
            { " mod ", Phrases::Function },
            { " ln ", Phrases::Function },
            { "approximately", Phrases::Approximately },
            { "closest to", Phrases::Approximately },
            { "estimate", Phrases::Approximately },
            { "nearest", Phrases::Approximately },
            { "calculate", Phrases::Compute },
            { "compute", Phrases::Compute },
            { "what is the value", Phrases::Compute },
            { "how long", Phrases::Compute },
            { "how far", Phrases::Compute },
            { "how fast", Phrases::Compute },
            { "determine the", Phrases::Compute },
        };
        std::array<std::vector<Phrase>, 128> byFirst;
        for (const auto& [text, group] : phrases) {
            const std::u16string wide(text, text + std::char_traits<char>::length(text));
            byFirst[std::size_t(wide.front())].push_back({ wide, group });
        }
        return byFirst;
    }();
    return table;
}

std::array<int, Phrases::GroupCount> countPhrases(QStringView lower)
{
    std::array<int, Phrases::GroupCount> counts {};
    const auto& table = phrasesByFirst();
    const char16_t* text = lower.utf16();
    const std::size_t size = std::size_t(lower.size());
    for (std::size_t i = 0; i < size; ++i) {
        const char16_t c = text[i];
        if (c >= 128) {
            counts[Phrases::Function] += c == u'\u03c0' || c == u'\u222b'; // pi, integral
            continue;
        }
        for (const Phrase& phrase : table[c]) {
            const std::size_t length = phrase.text.size();
            if (size - i >= length && std::equal(phrase.text.begin(), phrase.text.end(), text + i)) {
                ++counts[phrase.group];
            }
        }
    }
    return counts;
}

// Sorted, distinct hashes of the words of a lower-cased text.
std::vector<size_t> wordSet(QStringView text)
{
    std::vector<size_t> words;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!text[i].isLetterOrNumber()) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < text.size() && text[j].isLetterOrNumber()) {
            ++j;
        }
        words.push_back(qHash(text.mid(i, j - i)));
        i = j;
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

double jaccard(const std::vector<size_t>& a, const std::vector<size_t>& b)
{
    std::size_t common = 0;
    auto x = a.begin();
    auto y = b.begin();
    while (x != a.end() && y != b.end()) {
        if (*x < *y) {
            ++x;
        } else if (*y < *x) {
            ++y;
        } else {
            ++common;
            ++x;
            ++y;
        }
    }
    const std::size_t all = a.size() + b.size() - common;
    return all ? double(common) / double(all) : 1.0;
}

// A digit, an operator (spaces allowed around it) and a digit: "3 + 4", "2^10", "6x7".
int arithmeticCount(QStringView text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isDigit(text[i])) {
            continue;
        }
        qsizetype j = i + 1;
        while (j < text.size() && text[j] == u' ') {
            ++j;
        }
        if (j >= text.size()) {
            break;
        }
        const char16_t op = text[j].unicode();
        if (op != u'+' && op != u'-' && op != u'*' && op != u'/' && op != u'^' && op != u'x' && op != u'\u00d7'
            && op != u'\u00f7') {
            continue;
        }
        ++j;
        while (j < text.size() && text[j] == u' ') {
            ++j;
        }
        count += j < text.size() && isDigit(text[j]);
    }
    return count;
}

// A number followed by a unit of measure ("9.8 m/s", "12 kg").
int unitCount(QStringView lower)
{
    static const std::array<QLatin1String, 19> units {
        QLatin1String("km"), QLatin1String("kg"), QLatin1String("m/s"), QLatin1String("mol"), QLatin1String("cm"),
        QLatin1String("mm"), QLatin1String("g"),  QLatin1String("j"),   QLatin1String("hz"),  QLatin1String("v"),
        QLatin1String("w"),  QLatin1String("n"),  QLatin1String("k"),   QLatin1String("s"),   QLatin1String("m"),
        QLatin1String("l"),  QLatin1String("ml"), QLatin1String("ev"),  QLatin1String("atm")
    };
    int count = 0;
    for (qsizetype i = 0; i + 1 < lower.size(); ++i) {
        if (!isDigit(lower[i]) || isDigit(lower[i + 1])) {
            continue;
        }
        qsizetype j = i + 1;
        while (j < lower.size() && lower[j] == u' ') {
            ++j;
        }
        qsizetype k = j;
        while (k < lower.size() && (lower[k].isLetter() || lower[k] == u'/')) {
            ++k;
        }
        const QStringView token = lower.mid(j, k - j);
        count += !token.isEmpty() && std::find(units.begin(), units.end(), token) != units.end();
    }
    return count;
}

// Lines that start with a Roman numeral and a period: "I. ...", "II. ...", "IV. ...".
int romanStatementCount(QStringView text)
{
    int count = 0;
    qsizetype lineStart = 0;
    while (lineStart < text.size()) {
        qsizetype i = lineStart;
        while (i < text.size() && text[i] == u' ') {
            ++i;
        }
        qsizetype j = i;
        while (j < text.size() && (text[j] == u'I' || text[j] == u'V')) {
            ++j;
        }
        count += j > i && j - i <= 4 && j < text.size() && text[j] == u'.';
        const qsizetype next = text.indexOf(u'\n', lineStart);
        if (next < 0) {
            break;
        }
        lineStart = next + 1;
    }
    return count;
}

bool hasRomanNumeral(QStringView option)
{
    // "I", "II", "III", "IV" as whole words: "I and II only", "II, III and IV".
    qsizetype i = 0;
    while (i < option.size()) {
        if (option[i] != u'I' && option[i] != u'V') {
            ++i;
            continue;
        }
        const bool startsWord = i == 0 || !option[i - 1].isLetterOrNumber();
        qsizetype j = i;
        while (j < option.size() && (option[j] == u'I' || option[j] == u'V')) {
            ++j;
        }
        if (startsWord && (j == option.size() || !option[j].isLetterOrNumber())) {
            return true;
        }
        i = j;
    }
    return false;
}
} // namespace

void PromptShape::extract(QStringView prompt, float* out)
{
    std::fill(out, out + kCount, 0.0f);
    const QStringView trimmed = prompt.trimmed();

    // Multiple choice: the last "\nA. " .. "\nD. " before a closing "Answer:".
    bool multipleChoice = false;
    std::array<QStringView, 4> options;
    QStringView stem = prompt;
    const QLatin1String answer("Answer:");
    if (trimmed.endsWith(answer)) {
        const qsizetype d = trimmed.lastIndexOf(QLatin1String("\nD. "));
        const qsizetype c = d > 0 ? trimmed.lastIndexOf(QLatin1String("\nC. "), d - 1) : -1;
        const qsizetype b = c > 0 ? trimmed.lastIndexOf(QLatin1String("\nB. "), c - 1) : -1;
        const qsizetype a = b > 0 ? trimmed.lastIndexOf(QLatin1String("\nA. "), b - 1) : -1;
        if (a >= 0) {
            multipleChoice = true;
            const qsizetype end = trimmed.size() - answer.size();
            options = { trimmed.mid(a + 4, b - a - 4), trimmed.mid(b + 4, c - b - 4), trimmed.mid(c + 4, d - c - 4),
                        trimmed.mid(d + 4, end - d - 4).trimmed() };
            stem = trimmed.left(a);
        }
    }
    // Lower-cased one character for one, so a slice of the prompt is the same slice here.
    thread_local std::u16string lowerText;
    lowerText.resize(std::size_t(prompt.size()));
    for (qsizetype i = 0; i < prompt.size(); ++i) {
        const char16_t c = prompt[i].unicode();
        lowerText[std::size_t(i)]
            = c < 128 ? (c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c) : QChar(c).toLower().unicode();
    }
    const QStringView lower(lowerText.data(), prompt.size());
    const auto lowerOf = [&](QStringView slice) { return lower.mid(slice.data() - prompt.data(), slice.size()); };
    const std::array<int, Phrases::GroupCount> phrases = countPhrases(lower);

    thread_local std::vector<QStringView> stemNumbers;
    thread_local std::vector<QStringView> allNumbers;
    numbersOf(stem, stemNumbers);
    numbersOf(prompt, allNumbers);
    double largest = 0;
    int decimals = 0;
    for (QStringView number : stemNumbers) {
        largest = std::max(largest, valueOf(number));
        decimals += number.contains(u'.');
    }
    int maxDigits = 0;
    int longNumbers = 0;
    for (QStringView number : allNumbers) {
        maxDigits = std::max(maxDigits, int(number.size()));
    }
    const int distinctNumbers = distinctCount(allNumbers);
    {
        std::vector<QStringView> distinct = allNumbers;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (QStringView number : distinct) {
            longNumbers += number.size() >= 4;
        }
    }

    // The stem's sentences, lines and words.
    int sentences = 0;
    int questions = 0;
    int lines = 1;
    for (qsizetype i = 0; i < stem.size(); ++i) {
        const QChar c = stem[i];
        if ((c == u'.' || c == u'?' || c == u'!') && (i + 1 == stem.size() || stem[i + 1].isSpace())) {
            ++sentences;
        }
        questions += c == u'?';
        lines += c == u'\n';
    }
    int words = 0;
    int upperWords = 0;
    int negations = 0;
    int capitalised = 0;
    qsizetype letters = 0;
    {
        qsizetype i = 0;
        while (i < stem.size()) {
            if (stem[i].isSpace()) {
                ++i;
                continue;
            }
            qsizetype j = i;
            while (j < stem.size() && !stem[j].isSpace()) {
                ++j;
            }
            const QStringView word = stem.mid(i, j - i);
            ++words;
            letters += word.size();
            capitalised += i > 0 && word.size() > 1 && word[0].isUpper() && word[1].isLower();
            // The word's letters only: "NOT," counts as NOT.
            qsizetype from = 0;
            while (from < word.size() && !word[from].isLetter()) {
                ++from;
            }
            qsizetype to = from;
            while (to < word.size() && word[to].isLetter()) {
                ++to;
            }
            const QStringView core = word.mid(from, to - from);
            bool allUpper = core.size() >= 2;
            for (QChar c : core) {
                allUpper = allUpper && c.isUpper();
            }
            upperWords += allUpper;
            negations += allUpper
                && (core == QLatin1String("NOT") || core == QLatin1String("EXCEPT") || core == QLatin1String("LEAST")
                    || core == QLatin1String("FALSE") || core == QLatin1String("INCORRECT"));
            i = j;
        }
    }
    const QStringView stemTrimmed = stem.trimmed();
    const QChar last = stemTrimmed.isEmpty() ? QChar(u' ') : stemTrimmed.back();

    const auto set = [out](PromptShape::Feature feature, double value) { out[feature] = float(value); };
    set(MultipleChoice, multipleChoice);
    set(WordProblem, !multipleChoice && stemNumbers.size() >= 2);
    set(PromptLength, std::log1p(double(prompt.size())));
    set(StemLength, std::log1p(double(stem.size())));
    set(StemWords, std::log1p(double(words)));
    set(StemNumbers, double(stemNumbers.size()));
    set(LargestNumber, std::log10(1 + largest));
    set(Decimals, decimals);
    set(Sentences, sentences);
    set(QuestionMarks, questions);
    set(Lines, lines);
    set(CapitalWords, upperWords);
    set(Negations, negations);
    set(StatementPair, prompt.contains(QLatin1String("Statement 1")));
    set(WhichOfTheFollowing, phrases[Phrases::WhichOfTheFollowing] > 0);
    set(Dollars, phrases[Phrases::Dollar]);
    set(Percentages, phrases[Phrases::Percent]);
    set(FractionWords, phrases[Phrases::Fraction]);
    set(EachWords, phrases[Phrases::Each]);
    set(TotalWords, phrases[Phrases::Total]);
    set(FormulaSigns, phrases[Phrases::Formula]);
    set(CodeSigns, phrases[Phrases::Code]);
    set(NotWords, phrases[Phrases::Not]);
    set(StemEnd, last == u'?' ? 1 : last == u':' ? 2 : last == u'_' ? 3 : last == u'.' ? 4 : 0);
    set(Passage, phrases[Phrases::Passage] > 0);
    set(HowManyWords, phrases[Phrases::HowMany]);
    set(StepWords, phrases[Phrases::Steps]);
    set(Scenarios, phrases[Phrases::Scenario]);
    set(ProbabilityWords, phrases[Phrases::Probability]);
    set(Enumerations, phrases[Phrases::Enumeration]);
    set(DistinctNumbers, distinctNumbers);
    set(LongNumbers, longNumbers);
    set(MeanWordLength, words ? double(letters) / words : 0);
    set(Commas, double(stem.count(u',')));
    set(Quotes, double(stem.count(u'"') + stem.count(u'\u201c')));
    set(Numbers, double(allNumbers.size()));
    set(Arithmetic, arithmeticCount(lower));
    set(FunctionWords, phrases[Phrases::Function]);
    set(Units, unitCount(lower));
    set(Approximations, phrases[Phrases::Approximately]);
    set(ComputeWords, phrases[Phrases::Compute]);
    set(CapitalisedShare, words ? double(capitalised) / words : 0);
    set(RomanStatements, romanStatementCount(stem));
    set(LongestNumber, maxDigits);

    // The options, -1 each when there are none.
    if (!multipleChoice) {
        std::fill(out + OptionMeanLength, out + kCount, -1.0f);
        return;
    }
    std::array<double, 4> length {};
    int numeric = 0;
    int withDigits = 0;
    int aboveOrBoth = 0;
    int roman = 0;
    int trueFalse = 0;
    int optionWords = 0;
    int periods = 0;
    int percents = 0;
    int fractions = 0;
    std::array<std::vector<size_t>, 4> sets;
    std::vector<QStringView> firstWords;
    std::vector<double> firstValues;
    std::vector<QStringView> sortedStemNumbers = stemNumbers;
    std::sort(sortedStemNumbers.begin(), sortedStemNumbers.end());
    int sharedNumbers = 0;
    thread_local std::vector<QStringView> optionNumbers;
    for (std::size_t k = 0; k < options.size(); ++k) {
        const QStringView option = options[k];
        const QStringView optionLower = lowerOf(option);
        length[k] = double(option.size());
        bool anyDigit = false;
        bool onlyNumber = !option.trimmed().isEmpty();
        for (QChar c : option) {
            if (isDigit(c)) {
                anyDigit = true;
            } else if (c.isLetter() && c != u'x' && c != u'e') {
                onlyNumber = false;
            }
        }
        numeric += onlyNumber && anyDigit;
        withDigits += anyDigit;
        aboveOrBoth += optionLower.contains(QLatin1String("of the above"))
            || optionLower.contains(QLatin1String("all of")) || optionLower.contains(QLatin1String("none of"))
            || optionLower.startsWith(QLatin1String("both"));
        roman += hasRomanNumeral(option);
        trueFalse += optionLower.contains(QLatin1String("true")) || optionLower.contains(QLatin1String("false"));
        sets[k] = wordSet(optionLower);
        optionWords += int(option.count(u' ')) + 1;
        periods += option.trimmed().endsWith(u'.');
        percents += option.contains(u'%');
        numbersOf(option, optionNumbers);
        for (QStringView number : optionNumbers) {
            sharedNumbers += std::binary_search(sortedStemNumbers.begin(), sortedStemNumbers.end(), number);
        }
        if (!optionNumbers.empty()) {
            firstValues.push_back(valueOf(optionNumbers.front()));
        }
        for (qsizetype i = 1; i + 1 < option.size(); ++i) {
            if (option[i] == u'/' && isDigit(option[i - 1]) && isDigit(option[i + 1])) {
                ++fractions;
                break;
            }
        }
        const qsizetype space = option.indexOf(u' ');
        firstWords.push_back(space < 0 ? option : option.left(space));
    }
    double overlap = 0;
    for (std::size_t i = 0; i < sets.size(); ++i) {
        for (std::size_t j = i + 1; j < sets.size(); ++j) {
            overlap += jaccard(sets[i], sets[j]) / 6;
        }
    }
    std::array<double, 4> sorted = length;
    std::sort(sorted.begin(), sorted.end());
    const double mean = (length[0] + length[1] + length[2] + length[3]) / 4;
    double range = 0;
    if (firstValues.size() >= 2) {
        const auto [low, high] = std::minmax_element(firstValues.begin(), firstValues.end());
        range = (*high - *low) / std::max(1e-9, std::abs(*high));
    }
    for (QStringView& word : firstWords) {
        word = word.trimmed();
    }
    std::vector<QStringView> firstLower;
    for (QStringView word : firstWords) {
        firstLower.push_back(lowerOf(word));
    }
    std::sort(firstLower.begin(), firstLower.end());
    const int distinctFirst = int(std::unique(firstLower.begin(), firstLower.end()) - firstLower.begin());

    set(OptionMeanLength, std::log1p(mean));
    set(OptionLongest, std::log1p(sorted[3]));
    set(OptionShortest, std::log1p(sorted[0]));
    set(OptionSpread, (sorted[3] - sorted[0]) / std::max(1.0, mean));
    set(NumericOptions, numeric);
    set(OptionsWithDigits, withDigits);
    set(AboveOrBoth, aboveOrBoth);
    set(RomanOptions, roman);
    set(TrueFalseOptions, trueFalse);
    set(OptionOverlap, overlap);
    set(StemToOptions, std::log1p(double(stem.size())) - std::log1p(mean));
    set(LongestToSecond, sorted[3] / std::max(1.0, sorted[2]));
    set(SecondToShortest, sorted[1] / std::max(1.0, sorted[0]));
    set(OptionWords, double(optionWords) / 4);
    set(StemNumbersInOptions, sharedNumbers);
    set(OptionsEndingInPeriod, periods);
    set(DistinctFirstWords, distinctFirst);
    set(NumericOptionRange, range);
    set(PercentOptions, percents);
    set(FractionOptions, fractions);
}
