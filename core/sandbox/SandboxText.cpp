#include "core/sandbox/SandboxText.h"

#include <array>

namespace SandboxText {

namespace {

constexpr std::array kWords = {
    "routing",  "latency",  "provider", "model",  "budget",   "request",  "stream",   "token",   "cache",    "answer",
    "quality",  "fallback", "quota",    "window", "context",  "prompt",   "response", "timeout", "signal",   "ledger",
    "price",    "workload", "careful",  "simple", "reliable", "quickly",  "usually",  "often",   "clear",    "small",
    "large",    "cheaper",  "faster",   "steady", "useful",   "every",    "each",     "the",     "a",        "this",
    "that",     "with",     "without",  "for",    "and",      "but",      "when",     "because", "keeps",    "checks",
    "measures", "balances", "returns",  "sends",  "reads",    "improves", "reduces",  "handles", "compares", "tracks",
    "system",   "result",   "choice",   "option", "plan",
};

constexpr std::array kOpeners = {
    "In short,", "Broadly,", "Here is the idea:", "Put simply,", "First,", "Overall,", "In practice,", "Notably,",
};

// A tiny linear congruential generator: enough variety, fully determined by the seed.
class Dice
{
public:
    explicit Dice(quint32 seed)
        : m_state(seed ? seed : 1u)
    {
    }
    quint32 next()
    {
        m_state = m_state * 1664525u + 1013904223u;
        return m_state >> 8;
    }
    int between(int low, int high) { return low + int(next() % quint32(high - low + 1)); }

private:
    quint32 m_state;
};

QString sentence(Dice& dice, bool withOpener)
{
    QString text;
    if (withOpener) {
        text += QLatin1String(kOpeners[dice.next() % kOpeners.size()]) + QLatin1Char(' ');
    }
    const int count = dice.between(6, 13);
    for (int i = 0; i < count; ++i) {
        QString word = QLatin1String(kWords[dice.next() % kWords.size()]);
        if (i == 0 && !withOpener) {
            word[0] = word[0].toUpper();
        }
        text += word;
        text += i + 1 < count ? QLatin1Char(' ') : QLatin1Char('.');
    }
    return text;
}

QString language(const QString& lowerText)
{
    if (lowerText.contains(QLatin1String("c++")) || lowerText.contains(QLatin1String("cpp"))) {
        return QStringLiteral("cpp");
    }
    if (lowerText.contains(QLatin1String("javascript")) || lowerText.contains(QLatin1String("typescript"))) {
        return QStringLiteral("javascript");
    }
    if (lowerText.contains(QLatin1String("rust"))) {
        return QStringLiteral("rust");
    }
    return QStringLiteral("python");
}

QString codeBlock(Dice& dice, const QString& lang)
{
    static const std::array names = { "route", "pick_model", "total_cost", "retry_budget", "merge_usage" };
    const QString name = QLatin1String(names[dice.next() % names.size()]);
    const int factor = dice.between(2, 9);
    if (lang == QLatin1String("cpp")) {
        return QStringLiteral(
                   "```cpp\nint %1(const std::vector<int>& items)\n{\n    int total = 0;\n"
                   "    for (int item : items) {\n        total += item * %2;\n    }\n    return total;\n}\n```")
            .arg(name)
            .arg(factor);
    }
    if (lang == QLatin1String("javascript")) {
        return QStringLiteral("```javascript\nfunction %1(items) {\n  return items.reduce((sum, item) => sum + item * "
                              "%2, 0);\n}\n```")
            .arg(name)
            .arg(factor);
    }
    if (lang == QLatin1String("rust")) {
        return QStringLiteral(
                   "```rust\nfn %1(items: &[i64]) -> i64 {\n    items.iter().map(|item| item * %2).sum()\n}\n```")
            .arg(name)
            .arg(factor);
    }
    return QStringLiteral(
               "```python\ndef %1(items):\n    total = 0\n    for item in items:\n        total += item * %2\n"
               "    return total\n```")
        .arg(name)
        .arg(factor);
}

} // namespace

quint32 stableHash(QByteArrayView data, quint32 seed)
{
    quint32 hash = seed;
    for (char c : data) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return hash;
}

bool asksForCode(const QString& text)
{
    const QString lower = text.toLower();
    static const std::array keys = { "code",   "function", "implement", "script",     "program",    "snippet",
                                     "class ", "python",   "c++",       "javascript", "typescript", "rust" };
    for (const char* key : keys) {
        if (lower.contains(QLatin1String(key))) {
            return true;
        }
    }
    return false;
}

QStringList splitPieces(const QString& text)
{
    QStringList pieces;
    qsizetype start = 0;
    const qsizetype size = text.size();
    while (start < size) {
        qsizetype pos = start;
        while (pos < size && text[pos].isSpace()) {
            ++pos;
        }
        while (pos < size && !text[pos].isSpace()) {
            ++pos;
        }
        pieces.append(text.mid(start, pos - start));
        start = pos;
    }
    return pieces;
}

Reply generate(const QString& prompt, const QString& lastUserText, const QString& model, int maxTokens,
               bool withReasoning)
{
    const quint32 seed = stableHash(model.toUtf8(), stableHash(prompt.toUtf8()));
    Dice dice(seed);
    Reply reply;

    if (withReasoning) {
        QString thinking = QStringLiteral("Let me think about what is being asked. ");
        thinking += sentence(dice, false) + QLatin1Char(' ') + sentence(dice, true);
        reply.reasoning = splitPieces(thinking);
    }

    QString answer;
    const int sentences = dice.between(3, 5);
    for (int i = 0; i < sentences; ++i) {
        if (i > 0) {
            answer += QLatin1Char(' ');
        }
        answer += sentence(dice, i == 1);
    }
    reply.pieces = splitPieces(answer);
    if (asksForCode(lastUserText)) {
        reply.pieces.append(QStringLiteral("\n\n"));
        // Code goes one line per piece or word: close enough to how real tokenizers stream it.
        reply.pieces.append(splitPieces(codeBlock(dice, language(lastUserText.toLower()))));
        reply.pieces.append(splitPieces(QStringLiteral("\n\n") + sentence(dice, false)));
    }

    if (maxTokens > 0 && reply.tokenCount() > maxTokens) {
        reply.truncated = true;
        if (reply.reasoning.size() >= maxTokens) {
            reply.reasoning = reply.reasoning.mid(0, maxTokens);
            reply.pieces.clear();
        } else {
            reply.pieces = reply.pieces.mid(0, maxTokens - reply.reasoning.size());
        }
    }
    return reply;
}

} // namespace SandboxText
