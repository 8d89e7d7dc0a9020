#include "core/routing/RuleEngine.h"

#include "core/common/ProviderTypes.h"
#include "core/learning/LearnedRouter.h"

#include <QCoreApplication>
#include <QVarLengthArray>

namespace {
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Splits already lower-cased text into word views without allocating per word.
template <typename Container>
void splitWords(QStringView lower, Container& out)
{
    const qsizetype size = lower.size();
    const QChar* data = lower.data();
    qsizetype i = 0;
    while (i < size) {
        while (i < size && !isWordChar(data[i])) {
            ++i;
        }
        const qsizetype start = i;
        while (i < size && isWordChar(data[i])) {
            ++i;
        }
        if (i > start) {
            out.append(QStringView(data + start, i - start));
        }
    }
}

// Lower-cases one UTF-16 unit; ASCII without a table lookup (a prompt is mostly ASCII).
inline char16_t fold(char16_t c)
{
    if (c < 128) {
        return (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
    }
    return QChar(c).toLower().unicode();
}

template <typename Buffer>
void foldInto(QStringView text, Buffer& out)
{
    out.resize(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        out[i] = QChar(fold(text[i].unicode()));
    }
}

// FNV-1a over a word: keys the keyword index without building a QString per prompt word.
quint64 wordHash(QStringView word)
{
    quint64 hash = 1469598103934665603ULL;
    for (QChar c : word) {
        hash ^= c.unicode();
        hash *= 1099511628211ULL;
    }
    return hash;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("RuleEngine", text);
}
} // namespace

RuleEngine::RuleEngine(const RoutingPolicy& policy, std::shared_ptr<const LearnedRouter> learned)
    : m_rules(policy.rules)
    , m_defaultTier(policy.defaultTier)
    , m_learned(std::move(learned))
{
    m_compiled.reserve(m_rules.size());
    for (int index = 0; index < m_rules.size(); ++index) {
        const RoutingRule& rule = m_rules.at(index);
        Compiled compiled;
        compiled.kind = rule.kind;
        compiled.enabled = rule.enabled;
        switch (rule.kind) {
        case RuleKind::Keywords:
            for (const QString& phrase : rule.pattern.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QStringList phraseWords = words(phrase);
                if (!phraseWords.isEmpty()) {
                    m_phrasesByFirstWord[wordHash(phraseWords.first())].push_back(
                        { index, phraseWords, phrase.trimmed() });
                }
            }
            break;
        case RuleKind::Regex:
            compiled.regex.setPattern(rule.pattern);
            compiled.regex.setPatternOptions(rule.caseSensitive ? QRegularExpression::NoPatternOption
                                                                : QRegularExpression::CaseInsensitiveOption);
            compiled.valid = compiled.regex.isValid();
            if (compiled.valid) {
                compiled.regex.optimize();
            } else {
                m_problems.append(
                    QCoreApplication::translate("RuleEngine", "rule %1 (%2): invalid regular expression: %3")
                        .arg(index + 1)
                        .arg(rule.name, compiled.regex.errorString()));
            }
            break;
        case RuleKind::MinChars:
        case RuleKind::MaxChars:
        case RuleKind::MinTokens:
            compiled.number = rule.pattern.trimmed().toLongLong(&compiled.valid);
            if (!compiled.valid) {
                m_problems.append(QCoreApplication::translate("RuleEngine", "rule %1 (%2): \"%3\" is not a number")
                                      .arg(index + 1)
                                      .arg(rule.name, rule.pattern));
            }
            break;
        case RuleKind::Tag:
            compiled.tag = rule.pattern.trimmed();
            break;
        case RuleKind::HasCodeBlock:
        case RuleKind::Default:
            break;
        case RuleKind::Learned:
            if (rule.weakModel.isEmpty() || rule.strongModel.isEmpty()) {
                compiled.valid = false;
                m_problems.append(QCoreApplication::translate("RuleEngine",
                                                              "rule %1 (%2): a learned rule needs a weak and a "
                                                              "strong model")
                                      .arg(index + 1)
                                      .arg(rule.name));
            } else if (!m_learned && rule.enabled) {
                compiled.valid = false;
                m_problems.append(QCoreApplication::translate("RuleEngine",
                                                              "rule %1 (%2): no trained router; run `switchyard "
                                                              "router train FILE.jsonl` (the rule is skipped)")
                                      .arg(index + 1)
                                      .arg(rule.name));
            }
            break;
        }
        m_compiled.push_back(std::move(compiled));
    }
}

QStringList RuleEngine::words(const QString& text)
{
    QVarLengthArray<QChar, 256> lower;
    foldInto(text, lower);
    QList<QStringView> views;
    splitWords(QStringView(lower.constData(), lower.size()), views);
    QStringList result;
    result.reserve(views.size());
    for (QStringView view : views) {
        result.append(view.toString());
    }
    return result;
}

RuleMatch RuleEngine::result(int index, const QString& why) const
{
    const RoutingRule& rule = m_rules.at(index);
    return { index, rule.name, rule.tier, rule.pinnedModel, why, std::nullopt };
}

RuleMatch RuleEngine::match(const QString& prompt, const QStringList& tags) const
{
    // Keyword hits are found in one pass over the prompt's words, only once a keyword rule is reached.
    QVarLengthArray<const Phrase*, 64> hits;
    bool keywordsScanned = false;
    auto scanKeywords = [&] {
        keywordsScanned = true;
        hits.resize(qsizetype(m_compiled.size()));
        std::fill(hits.begin(), hits.end(), nullptr);
        QVarLengthArray<QChar, 2048> lower;
        foldInto(prompt, lower);
        QVarLengthArray<QStringView, 512> tokens;
        splitWords(QStringView(lower.constData(), lower.size()), tokens);
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const auto found = m_phrasesByFirstWord.constFind(wordHash(tokens[i]));
            if (found == m_phrasesByFirstWord.cend()) {
                continue;
            }
            for (const Phrase& phrase : *found) {
                if (hits[phrase.rule] || i + phrase.words.size() > tokens.size()) {
                    continue;
                }
                bool all = tokens[i] == phrase.words.first(); // hashes may collide
                for (qsizetype w = 1; w < phrase.words.size() && all; ++w) {
                    all = tokens[i + w] == phrase.words.at(w);
                }
                if (all) {
                    hits[phrase.rule] = &phrase;
                }
            }
        }
    };

    for (int index = 0; index < int(m_compiled.size()); ++index) {
        const Compiled& rule = m_compiled[index];
        if (!rule.enabled || !rule.valid) {
            continue;
        }
        switch (rule.kind) {
        case RuleKind::Keywords:
            if (!keywordsScanned) {
                scanKeywords();
            }
            if (const Phrase* phrase = hits[index]) {
                return result(index, tr("keyword \"%1\"").arg(phrase->text));
            }
            break;
        case RuleKind::Regex: {
            const QRegularExpressionMatch found = rule.regex.match(prompt);
            if (found.hasMatch()) {
                return result(index, tr("regex /%1/ matched \"%2\"").arg(m_rules.at(index).pattern, found.captured(0)));
            }
            break;
        }
        case RuleKind::MinChars:
            if (prompt.size() >= rule.number) {
                return result(index, tr("%1 characters, at least %2").arg(prompt.size()).arg(rule.number));
            }
            break;
        case RuleKind::MaxChars:
            if (prompt.size() <= rule.number) {
                return result(index, tr("%1 characters, at most %2").arg(prompt.size()).arg(rule.number));
            }
            break;
        case RuleKind::MinTokens: {
            const qint64 tokens = estimateTokens(prompt);
            if (tokens >= rule.number) {
                return result(index, tr("about %1 tokens, at least %2").arg(tokens).arg(rule.number));
            }
            break;
        }
        case RuleKind::HasCodeBlock:
            if (prompt.contains(QLatin1String("```"))) {
                return result(index, tr("code block"));
            }
            break;
        case RuleKind::Tag:
            for (const QString& tag : tags) {
                if (tag.trimmed().compare(rule.tag, Qt::CaseInsensitive) == 0) {
                    return result(index, tr("tag \"%1\"").arg(rule.tag));
                }
            }
            break;
        case RuleKind::Default:
            return result(index, tr("default rule"));
        case RuleKind::Learned: {
            const RoutingRule& rule = m_rules.at(index);
            LearnedDecision decision;
            decision.pStrong = m_learned->pStrong(prompt);
            decision.threshold = rule.threshold;
            decision.strong = decision.pStrong >= rule.threshold;
            decision.model = decision.strong ? rule.strongModel : rule.weakModel;
            const QString why = decision.strong
                ? QCoreApplication::translate("RuleEngine", "learned router: p_strong %1 >= threshold %2, strong model")
                : QCoreApplication::translate("RuleEngine", "learned router: p_strong %1 < threshold %2, weak model");
            RuleMatch match = result(index, why.arg(decision.pStrong, 0, 'f', 3).arg(decision.threshold, 0, 'f', 2));
            match.pinnedModel = decision.model;
            match.learned = decision;
            return match;
        }
        }
    }
    return { -1, QString(), m_defaultTier, QString(), tr("no rule matched; the policy's default tier"), std::nullopt };
}
