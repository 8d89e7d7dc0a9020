#pragma once

#include "core/routing/LearnedDecision.h"
#include "core/routing/RoutingPolicy.h"

#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class LearnedRouter;

// Which rule fired for a prompt, and why, in words a user can check.
struct RuleMatch
{
    int ruleIndex = -1; // index into RoutingPolicy::rules; -1 when no rule matched (policy default tier)
    QString ruleName;
    QString tier;
    QString pinnedModel;
    QString why; // e.g. `keyword "debug"`, `code block`, `tag "tier=coding"`
    std::optional<LearnedDecision> learned; // set when a learned rule fired

    bool matchedRule() const { return ruleIndex >= 0; }
};

// A policy's rules compiled once (regexes precompiled, keywords lower-cased and indexed by their
// first word) so that matching a prompt costs one pass over its words plus the non-keyword rules.
class RuleEngine
{
public:
    RuleEngine() = default;
    // `learned`: the trained router learned rules ask; without one they are skipped.
    explicit RuleEngine(const RoutingPolicy& policy, std::shared_ptr<const LearnedRouter> learned = {});

    // First enabled rule that matches wins; without one, the policy's default tier.
    RuleMatch match(const QString& prompt, const QStringList& tags) const;

    // Rules that can never match because their pattern is invalid ("rule 3: bad regex ...").
    QStringList problems() const { return m_problems; }

    // Lower-cased words of a text, split on anything that is not a letter, digit or underscore.
    static QStringList words(const QString& text);

private:
    struct Phrase
    {
        int rule;
        QStringList words; // lower-cased, first word included
        QString text; // as written in the rule, for `why`
    };
    struct Compiled
    {
        RuleKind kind = RuleKind::Default;
        bool enabled = true;
        qint64 number = 0;
        QString tag;
        QRegularExpression regex;
        bool valid = true;
    };

    RuleMatch result(int index, const QString& why) const;

    QList<RoutingRule> m_rules;
    std::vector<Compiled> m_compiled;
    QHash<quint64, std::vector<Phrase>> m_phrasesByFirstWord; // by hash of the first word
    QString m_defaultTier;
    QStringList m_problems;
    std::shared_ptr<const LearnedRouter> m_learned;
};
