#include "core/common/AwsSigV4.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// SigV4 against AWS's published signing test suite (tests/data/sigv4, copied from awslabs/aws-c-auth's
// tests/aws-signing-test-suite/v4): canonical request, string to sign, signature and the signed
// Authorization header of each vector; then the sandbox's side, verification.
namespace {
QString vectorDir(const QString& name)
{
    return QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/sigv4/") + name;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Vector
{
    AwsSigV4::Request request;
    AwsCredentials credentials;
    QString region;
    QString service;
    QDateTime time;
    bool signBody = false;
};

// request.txt: "METHOD target HTTP/1.1", "Name:value" lines, a blank line, the body.
Vector readVector(const QString& name)
{
    Vector vector;
    const QByteArray text = readFile(vectorDir(name) + QStringLiteral("/request.txt"));
    const qsizetype blank = text.indexOf("\n\n");
    const QList<QByteArray> lines = (blank < 0 ? text : text.left(blank)).split('\n');
    const QList<QByteArray> requestLine = lines.first().split(' ');
    vector.request.method = requestLine.first();
    // The target may hold spaces ("/example space/"): everything between method and protocol.
    const QByteArray target = lines.first().mid(requestLine.first().size() + 1).chopped(int(qstrlen(" HTTP/1.1")));
    const qsizetype question = target.indexOf('?');
    vector.request.path = question < 0 ? target : target.left(question);
    vector.request.query = question < 0 ? QByteArray() : target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0) {
            vector.request.headers.append({ lines.at(i).left(colon), lines.at(i).mid(colon + 1) });
        }
    }
    vector.request.body = blank < 0 ? QByteArray() : text.mid(blank + 2);
    const QJsonObject context
        = QJsonDocument::fromJson(readFile(vectorDir(name) + QStringLiteral("/context.json"))).object();
    const QJsonObject credentials = context.value(QLatin1String("credentials")).toObject();
    vector.credentials = { credentials.value(QLatin1String("access_key_id")).toString(),
                           credentials.value(QLatin1String("secret_access_key")).toString(),
                           credentials.value(QLatin1String("token")).toString(), QStringLiteral("test vector") };
    vector.region = context.value(QLatin1String("region")).toString();
    vector.service = context.value(QLatin1String("service")).toString();
    vector.time = QDateTime::fromString(context.value(QLatin1String("timestamp")).toString(), Qt::ISODate);
    vector.signBody = context.value(QLatin1String("sign_body")).toBool();
    return vector;
}

QByteArray expected(const QString& name, const char* file)
{
    return readFile(vectorDir(name) + QLatin1Char('/') + QLatin1String(file));
}

QByteArray header(const AwsSigV4::Headers& headers, const char* name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}
} // namespace

class TestAwsSigV4 : public QObject
{
    Q_OBJECT

private slots:
    void suiteVector_signsAsAwsDoes_data();
    void suiteVector_signsAsAwsDoes();
    void bedrockPath_isEncodedTwice();
    void verify_outcomes_data();
    void verify_outcomes();
};

void TestAwsSigV4::suiteVector_signsAsAwsDoes_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names
        = QDir(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/sigv4")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(names.size() >= 12);
    for (const QString& name : names) {
        QTest::newRow(qPrintable(name)) << name;
    }
}

void TestAwsSigV4::suiteVector_signsAsAwsDoes()
{
    QFETCH(QString, name);
    Vector vector = readVector(name);
    QVERIFY(vector.time.isValid());
    AwsSigV4::Request signedRequest = vector.request;
    AwsSigV4::sign(signedRequest, vector.credentials, vector.region, vector.service, vector.time, vector.signBody);

    // The canonical request covers what was there before the Authorization header was added.
    AwsSigV4::Request covered = signedRequest;
    covered.headers.removeIf([](const auto& h) { return h.first == "Authorization"; });
    const QByteArray canonical = AwsSigV4::canonicalRequest(covered);
    QCOMPARE(canonical, expected(name, "header-canonical-request.txt"));
    const QByteArray toSign = AwsSigV4::stringToSign(canonical, vector.time, vector.region, vector.service);
    QCOMPARE(toSign, expected(name, "header-string-to-sign.txt"));
    QCOMPARE(
        AwsSigV4::signature(vector.credentials.secretAccessKey, vector.time, vector.region, vector.service, toSign),
        expected(name, "header-signature.txt"));
    const QByteArray signedText = expected(name, "header-signed-request.txt");
    const qsizetype at = signedText.indexOf("Authorization:");
    QVERIFY(at > 0);
    const QByteArray authorization = signedText.mid(at + 14, signedText.indexOf('\n', at) - at - 14);
    QCOMPARE(header(signedRequest.headers, "authorization"), authorization);
}

void TestAwsSigV4::bedrockPath_isEncodedTwice()
{
    // What the AWS SDKs do for every service but S3: the path as sent, percent-encoded once more.
    AwsSigV4::Request request;
    request.method = "POST";
    request.path = "/model/us.amazon.nova-micro-v1%3A0/converse-stream";
    request.headers = { { "Host", "bedrock-runtime.us-east-1.amazonaws.com" } };
    const QByteArray canonical = AwsSigV4::canonicalRequest(request);
    QVERIFY2(canonical.startsWith("POST\n/model/us.amazon.nova-micro-v1%253A0/converse-stream\n\n"), canonical);
}

void TestAwsSigV4::verify_outcomes_data()
{
    using Outcome = AwsSigV4::Verification::Outcome;
    QTest::addColumn<QByteArray>("tamper"); // what happens to the request after signing
    QTest::addColumn<int>("skewSeconds"); // server clock minus signing time
    QTest::addColumn<int>("outcome");
    QTest::newRow("a signed request verifies") << QByteArray() << 0 << int(Outcome::Valid);
    QTest::newRow("an unsigned header may be added") << QByteArray("add-unsigned") << 0 << int(Outcome::Valid);
    QTest::newRow("a changed body does not verify") << QByteArray("body") << 0 << int(Outcome::Mismatch);
    QTest::newRow("a changed path does not verify") << QByteArray("path") << 0 << int(Outcome::Mismatch);
    QTest::newRow("another secret does not verify") << QByteArray("secret") << 0 << int(Outcome::Mismatch);
    QTest::newRow("an unknown access key") << QByteArray("key") << 0 << int(Outcome::UnknownKey);
    QTest::newRow("no Authorization header") << QByteArray("drop") << 0 << int(Outcome::Missing);
    QTest::newRow("a bearer token is no SigV4") << QByteArray("bearer") << 0 << int(Outcome::Malformed);
    QTest::newRow("signed six minutes ago") << QByteArray() << 360 << int(Outcome::Expired);
    QTest::newRow("signed four minutes ago") << QByteArray() << 240 << int(Outcome::Valid);
}

void TestAwsSigV4::verify_outcomes()
{
    QFETCH(QByteArray, tamper);
    QFETCH(int, skewSeconds);
    QFETCH(int, outcome);
    const AwsCredentials credentials {
        QStringLiteral("AKIDSANDBOXEXAMPLE01"), QStringLiteral("server-secret"), QStringLiteral("session-token"), {}
    };
    const QDateTime signedAt(QDate(2026, 12, 6), QTime(7, 0), Qt::UTC);
    AwsSigV4::Request request;
    request.method = "POST";
    request.path = "/bedrock/model/us.amazon.nova-micro-v1%3A0/converse";
    request.headers = { { "Host", "127.0.0.1:4000" }, { "Content-Type", "application/json" } };
    request.body = R"({"messages":[]})";
    AwsSigV4::sign(request,
                   tamper == "secret" ? AwsCredentials { credentials.accessKeyId, QStringLiteral("other"), {}, {} }
                                      : credentials,
                   QStringLiteral("eu-west-1"), QStringLiteral("bedrock"), signedAt);
    if (tamper == "body") {
        request.body += ' ';
    } else if (tamper == "path") {
        request.path.replace("converse", "convers3");
    } else if (tamper == "add-unsigned") {
        request.headers.append({ QByteArray("User-Agent"), QByteArray("test") });
    } else if (tamper == "drop" || tamper == "bearer" || tamper == "key") {
        for (auto& [name, value] : request.headers) {
            if (name == "Authorization") {
                value = tamper == "drop" ? QByteArray()
                    : tamper == "bearer" ? QByteArray("Bearer abc")
                                         : value.replace("AKIDSANDBOX", "AKIDOTHERXX");
            }
        }
        request.headers.removeIf([](const auto& h) { return h.first == "Authorization" && h.second.isEmpty(); });
    }
    const AwsSigV4::Verification result = AwsSigV4::verify(
        request,
        [&](const QString& id) { return id == credentials.accessKeyId ? credentials.secretAccessKey : QString(); },
        signedAt.addSecs(skewSeconds));
    QCOMPARE(int(result.outcome), outcome);
    if (outcome == int(AwsSigV4::Verification::Outcome::Valid)) {
        QCOMPARE(result.region, QStringLiteral("eu-west-1"));
        QCOMPARE(result.service, QStringLiteral("bedrock"));
    } else {
        QVERIFY(!result.reason.isEmpty());
        QVERIFY(!result.reason.contains(QLatin1String("server-secret")));
    }
}

QTEST_GUILESS_MAIN(TestAwsSigV4)
#include "tst_AwsSigV4.moc"
