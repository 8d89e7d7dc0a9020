#include "SandboxTestClient.h"

#include "core/sandbox/SandboxEmbeddings.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

// The sandbox's POST /embeddings against OpenAI's real answers (tests/data/wire-next): the same
// layout for floats and base64, the 404 for an unknown model byte for byte, OpenAI's refusals,
// and vectors that are the same in every run.
class tst_SandboxEmbeddings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void answer_hasOpenAisLayout_data();
    void answer_hasOpenAisLayout();
    void unknownModel_isOpenAis404();
    void refusals_asOpenAiWords_data();
    void refusals_asOpenAiWords();
    void chatWithAnEmbeddingsModel_isOpenAis404();
    void vectors_deterministicUnitLength();
    void shortened_isTheFullVectorCutAndNormalised();

private:
    struct Answer
    {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
    };
    Answer post(const QString& providerId, const QByteArray& body);

    SandboxServer* m_sandbox = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
};

namespace {
QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/wire-next/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The layout without the values: every number and base64 string as one token, a vector's numbers
// as one line.
QByteArray skeleton(QByteArray body)
{
    QString text = QString::fromUtf8(body);
    text.replace(QRegularExpression(QStringLiteral("\"[A-Za-z0-9+/]{40,}={0,2}\"")), QStringLiteral("\"B64\""));
    text.replace(QRegularExpression(QStringLiteral("-?\\d+(\\.\\d+)?(e-?\\d+)?")), QStringLiteral("N"));
    text.replace(QRegularExpression(QStringLiteral("( *N,\\n)+( *N\\n)")), QStringLiteral("\\2"));
    return text.toUtf8();
}
} // namespace

void tst_SandboxEmbeddings::initTestCase()
{
    m_sandbox = new SandboxServer(this);
    m_sandbox->setTimeScale(0);
    QVERIFY(m_sandbox->start());
    m_nam = new QNetworkAccessManager(this);
}

void tst_SandboxEmbeddings::cleanupTestCase()
{
    delete m_nam;
    delete m_sandbox;
}

tst_SandboxEmbeddings::Answer tst_SandboxEmbeddings::post(const QString& providerId, const QByteArray& body)
{
    QUrl url;
    for (const ProviderConfig& provider : m_sandbox->providers()) {
        if (provider.id == providerId) {
            url = QUrl(provider.baseUrl.toString() + QStringLiteral("/embeddings"));
        }
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = m_nam->post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Answer answer;
    if (finished.wait(10000) || reply->isFinished()) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        answer.body = reply->readAll();
    }
    reply->deleteLater();
    return answer;
}

void tst_SandboxEmbeddings::answer_hasOpenAisLayout_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("recorded");
    // The recorded requests: four texts as floats; one text as base64 at 128 dimensions.
    QTest::newRow("floats, four inputs") << QByteArray(
        R"({"model":"text-embedding-3-small","input":["a","b","c","d"],"encoding_format":"float"})")
                                         << fixture("openai-embeddings-float.json");
    QTest::newRow("base64, 128 dimensions")
        << QByteArray(R"({"model":"text-embedding-3-small","input":"x","encoding_format":"base64","dimensions":128})")
        << fixture("openai-embeddings-base64.json");
}

void tst_SandboxEmbeddings::answer_hasOpenAisLayout()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, recorded);
    QVERIFY(!recorded.isEmpty());
    const Answer answer = post(QStringLiteral("sandbox-openai"), request);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.contentType, QByteArray("application/json"));
    QCOMPARE(skeleton(answer.body), skeleton(recorded));
    const QJsonObject ours = QJsonDocument::fromJson(answer.body).object();
    const QJsonObject theirs = QJsonDocument::fromJson(recorded).object();
    const QJsonValue ourVector = ours["data"].toArray()[0].toObject()["embedding"];
    const QJsonValue theirVector = theirs["data"].toArray()[0].toObject()["embedding"];
    QCOMPARE(ourVector.isString(), theirVector.isString());
    if (ourVector.isString()) {
        QCOMPARE(ourVector.toString().size(), theirVector.toString().size()); // 128 float32 -> 684 characters
    } else {
        QCOMPARE(ourVector.toArray().size(), theirVector.toArray().size());
    }
}

void tst_SandboxEmbeddings::unknownModel_isOpenAis404()
{
    const Answer answer = post(QStringLiteral("sandbox-openai"), R"({"model":"nonexistent","input":"x"})");
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.contentType, QByteArray("application/json; charset=utf-8"));
    QCOMPARE(answer.body, fixture("openai-error-404-embeddings-model-not-found.json"));
}

void tst_SandboxEmbeddings::refusals_asOpenAiWords_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("an encoding OpenAI does not have")
        << QByteArray(R"({"model":"text-embedding-3-small","input":"x","encoding_format":"md5"})") << 400
        << "Invalid value for 'encoding_format' = md5. Supported values: ['float', 'base64'].";
    QTest::newRow("no input") << QByteArray(R"({"model":"text-embedding-3-small"})") << 400
                              << "'input' is a required property";
    QTest::newRow("no model") << QByteArray(R"({"input":"x"})") << 400 << "you must provide a model parameter";
    QTest::newRow("empty string") << QByteArray(R"({"model":"text-embedding-3-small","input":""})") << 400
                                  << "'$.input' is invalid. Please check the API reference: "
                                     "https://platform.openai.com/docs/api-reference.";
    QTest::newRow("dimensions on ada-002")
        << QByteArray(R"({"model":"text-embedding-ada-002","input":"x","dimensions":8})") << 400
        << "This model does not support specifying dimensions.";
    QTest::newRow("a chat model") << QByteArray(R"({"model":"gpt-4.1-mini","input":"x"})") << 403
                                  << "You are not allowed to generate embeddings from this model";
}

void tst_SandboxEmbeddings::refusals_asOpenAiWords()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, message);
    const Answer answer = post(QStringLiteral("sandbox-openai"), request);
    QCOMPARE(answer.status, status);
    const QJsonObject error = QJsonDocument::fromJson(answer.body).object()["error"].toObject();
    QCOMPARE(error["message"].toString(), message);
    QCOMPARE(error["type"].toString(), QStringLiteral("invalid_request_error"));
}

void tst_SandboxEmbeddings::chatWithAnEmbeddingsModel_isOpenAis404()
{
    QNetworkRequest request(callUrl(*m_sandbox, QStringLiteral("sandbox-openai")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<Exchange> exchange(new Exchange(m_nam->post(
        request,
        QJsonDocument(openAiBody(QStringLiteral("text-embedding-3-small"), QStringLiteral("hi"), false)).toJson())));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 404);
    const QJsonObject error = exchange->json()["error"].toObject();
    QVERIFY(error["message"].toString().startsWith(QLatin1String("This is not a chat model")));
    QCOMPARE(error["param"].toString(), QStringLiteral("model"));
}

void tst_SandboxEmbeddings::vectors_deterministicUnitLength()
{
    const QByteArray request = R"({"model":"text-embedding-3-small","input":["same","other"]})";
    const Answer first = post(QStringLiteral("sandbox-openai"), request);
    const Answer second = post(QStringLiteral("sandbox-openai"), request);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body, second.body);
    const QJsonArray data = QJsonDocument::fromJson(first.body).object()["data"].toArray();
    QVERIFY(data[0].toObject()["embedding"] != data[1].toObject()["embedding"]);
    const QList<float> vector = SandboxEmbeddings::vector(QStringLiteral("text-embedding-3-small"), "same", 1536);
    double norm = 0;
    for (const float value : vector) {
        norm += double(value) * value;
    }
    QVERIFY(std::abs(norm - 1) < 1e-5);
    QCOMPARE(float(data[0].toObject()["embedding"].toArray()[7].toDouble()), vector.at(7));
}

void tst_SandboxEmbeddings::shortened_isTheFullVectorCutAndNormalised()
{
    const Answer full = post(QStringLiteral("sandbox-openai"),
                             R"({"model":"text-embedding-3-large","input":"cut me","encoding_format":"base64"})");
    const Answer cut = post(QStringLiteral("sandbox-openai"),
                            R"({"model":"text-embedding-3-large","input":"cut me","encoding_format":"base64",)"
                            R"("dimensions":64})");
    auto floats = [](const Answer& answer) {
        const QByteArray bytes = QByteArray::fromBase64(QJsonDocument::fromJson(answer.body)
                                                            .object()["data"]
                                                            .toArray()[0]
                                                            .toObject()["embedding"]
                                                            .toString()
                                                            .toLatin1());
        QList<float> values;
        for (qsizetype i = 0; i + 4 <= bytes.size(); i += 4) {
            values.append(qFromLittleEndian<float>(bytes.constData() + i));
        }
        return values;
    };
    const QList<float> a = floats(full);
    const QList<float> b = floats(cut);
    QCOMPARE(a.size(), 3072);
    QCOMPARE(b.size(), 64);
    // Same direction: the ratio of the first numbers is one scale factor.
    const double scale = double(b.at(0)) / a.at(0);
    for (qsizetype i = 1; i < b.size(); ++i) {
        QVERIFY2(std::abs(double(b.at(i)) - scale * a.at(i)) < 1e-5, qPrintable(QString::number(i)));
    }
}

QTEST_GUILESS_MAIN(tst_SandboxEmbeddings)
#include "tst_SandboxEmbeddings.moc"
