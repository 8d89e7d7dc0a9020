#include "core/routing/ResponseCache.h"

#include <QTest>

namespace {
QList<ChatMessage> conversation(const QString& user, const QString& system = {})
{
    QList<ChatMessage> messages;
    if (!system.isEmpty()) {
        messages.append({ QStringLiteral("system"), system });
    }
    messages.append({ QStringLiteral("user"), user });
    return messages;
}

CachedAnswer answer(const QString& text)
{
    CachedAnswer result;
    result.text = text;
    result.modelId = QStringLiteral("sandbox/gpt-5");
    result.usage.promptTokens = 7;
    return result;
}
} // namespace

class TestResponseCache : public QObject
{
    Q_OBJECT

private slots:
    void key_normalisesWhitespace_data();
    void key_normalisesWhitespace();
    void storeThenLookup_returnsTextUsageAndModel();
    void otherTier_misses();
    void leastRecentlyUsed_isEvictedAtCap();
    void storeSameKey_replaces();
};

void TestResponseCache::key_normalisesWhitespace_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("surrounding whitespace is trimmed") << "  hello world \n"
                                                       << "hello world" << true;
    QTest::newRow("inner runs collapse") << "hello \t\n  world"
                                         << "hello world" << true;
    QTest::newRow("case matters") << "Hello world"
                                  << "hello world" << false;
    QTest::newRow("different words differ") << "hello there"
                                            << "hello world" << false;
}

void TestResponseCache::key_normalisesWhitespace()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(ResponseCache::key(conversation(a), "t") == ResponseCache::key(conversation(b), "t"), same);
}

void TestResponseCache::storeThenLookup_returnsTextUsageAndModel()
{
    ResponseCache cache(4);
    cache.store(conversation("q", "be brief"), "standard", answer("a"));
    const auto found = cache.lookup(conversation(" q ", "be  brief"), "standard");
    QVERIFY(found);
    QCOMPARE(found->text, QStringLiteral("a"));
    QCOMPARE(found->modelId, QStringLiteral("sandbox/gpt-5"));
    QCOMPARE(found->usage.promptTokens, 7);
    QVERIFY(!cache.lookup(conversation("q"), "standard")); // the system message is part of the key
}

void TestResponseCache::otherTier_misses()
{
    ResponseCache cache;
    cache.store(conversation("q"), "standard", answer("a"));
    QVERIFY(!cache.lookup(conversation("q"), "premium"));
}

void TestResponseCache::leastRecentlyUsed_isEvictedAtCap()
{
    ResponseCache cache(2);
    cache.store(conversation("1"), "t", answer("one"));
    cache.store(conversation("2"), "t", answer("two"));
    QVERIFY(cache.lookup(conversation("1"), "t")); // 1 is now the most recent
    cache.store(conversation("3"), "t", answer("three"));
    QCOMPARE(cache.size(), 2);
    QVERIFY(cache.lookup(conversation("1"), "t"));
    QVERIFY(!cache.lookup(conversation("2"), "t"));
    QVERIFY(cache.lookup(conversation("3"), "t"));
    cache.setCapacity(1);
    QCOMPARE(cache.size(), 1);
    QVERIFY(cache.lookup(conversation("3"), "t"));
}

void TestResponseCache::storeSameKey_replaces()
{
    ResponseCache cache(2);
    cache.store(conversation("1"), "t", answer("old"));
    cache.store(conversation("1"), "t", answer("new"));
    QCOMPARE(cache.size(), 1);
    QCOMPARE(cache.lookup(conversation("1"), "t")->text, QStringLiteral("new"));
}

QTEST_GUILESS_MAIN(TestResponseCache)
#include "tst_ResponseCache.moc"
