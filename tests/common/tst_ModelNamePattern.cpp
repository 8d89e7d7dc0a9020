#include "core/common/ModelNamePattern.h"

#include <QTest>

// LiteLLM's wildcard routing (router_utils/pattern_match_deployments.py): which requested names a
// model_name pattern takes, and what the deployment's model becomes for them.
class tst_ModelNamePattern : public QObject
{
    Q_OBJECT

private slots:
    void match_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QStringList>("parts");

        QTest::newRow("\"*\" takes any name whole") << "*"
                                                    << "gpt-4o" << true << QStringList { "gpt-4o" };
        QTest::newRow("\"*\" takes a name with a slash whole") << "*"
                                                               << "openai/o3" << true << QStringList { "openai/o3" };
        QTest::newRow("a provider wildcard takes what follows its prefix")
            << "anthropic/*"
            << "anthropic/claude-sonnet-4-5" << true << QStringList { "claude-sonnet-4-5" };
        QTest::newRow("a provider wildcard does not take another provider's name")
            << "anthropic/*"
            << "openai/gpt-4o" << false << QStringList();
        QTest::newRow("a prefix pattern takes names with that prefix")
            << "openai/gpt-4*"
            << "openai/gpt-4.1" << true << QStringList { ".1" };
        QTest::newRow("a prefix pattern does not take a name without it") << "openai/gpt-4*"
                                                                          << "openai/o3" << false << QStringList();
        QTest::newRow("the prefix is literal: a dot in it is no regex dot")
            << "meta.llama3*"
            << "metaXllama3-70b" << false << QStringList();
        QTest::newRow("two stars give two parts in order")
            << "fo::*::static::*"
            << "fo::hi::static::there" << true << QStringList { "hi", "there" };
        QTest::newRow("the whole name must match, not only its start") << "team-*-chat"
                                                                       << "team-a-chat-v2" << false << QStringList();
        QTest::newRow("the pattern itself is no name anybody can call") << "anthropic/*"
                                                                        << "anthropic/*" << false << QStringList();
        QTest::newRow("a name without a star is no pattern and takes nothing") << "gpt-4o"
                                                                               << "gpt-4o" << false << QStringList();
    }
    void match()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QFETCH(QStringList, parts);
        const std::optional<QStringList> found = ModelNamePattern(pattern).match(name);
        QCOMPARE(found.has_value(), matches);
        if (found) {
            QCOMPARE(*found, parts);
        }
    }

    void fill_data()
    {
        QTest::addColumn<QString>("upstream");
        QTest::addColumn<QStringList>("parts");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("sent");

        QTest::newRow("\"*\" sends the requested name") << "*" << QStringList { "gpt-4o" } << "gpt-4o"
                                                        << "gpt-4o";
        QTest::newRow("a provider wildcard sends the part after the prefix")
            << "*" << QStringList { "claude-sonnet-4-5" } << "anthropic/claude-sonnet-4-5"
            << "claude-sonnet-4-5";
        QTest::newRow("a prefix pattern puts the part back after its prefix")
            << "gpt-4*" << QStringList { ".1" } << "openai/gpt-4.1"
            << "gpt-4.1";
        QTest::newRow("a fixed upstream stays fixed") << "gpt-4o" << QStringList { "x" } << "gpt-4x"
                                                      << "gpt-4o";
        QTest::newRow("two stars are filled in order")
            << "fo::*::static::*" << QStringList { "hi", "there" } << "fo::hi::static::there"
            << "fo::hi::static::there";
        QTest::newRow("more parts than stars: the requested name, as LiteLLM does")
            << "x-*" << QStringList { "a", "b" } << "a::b"
            << "a::b";
    }
    void fill()
    {
        QFETCH(QString, upstream);
        QFETCH(QStringList, parts);
        QFETCH(QString, requested);
        QFETCH(QString, sent);
        QCOMPARE(ModelNamePattern::fill(upstream, parts, requested), sent);
    }
};

QTEST_GUILESS_MAIN(tst_ModelNamePattern)
#include "tst_ModelNamePattern.moc"
