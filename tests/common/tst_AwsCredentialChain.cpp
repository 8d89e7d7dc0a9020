#include "core/common/AwsCredentialChain.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Where Bedrock's credentials and region come from, in the AWS SDKs' order, with real files in a
// temporary HOME: environment, AWS_PROFILE, the provider's own profile, the config file.
namespace {
void write(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

const QByteArray kCredentials = R"(# comment
[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = default-secret

[work]
aws_access_key_id=AKIDWORK
aws_secret_access_key=work-secret
aws_session_token = work-token
region = ap-south-1
)";

const QByteArray kConfig = R"([default]
region = eu-central-1

[profile sso]
aws_access_key_id = AKIDCONFIG
aws_secret_access_key = config-secret
region = us-west-2
)";
} // namespace

class TestAwsCredentialChain : public QObject
{
    Q_OBJECT

private slots:
    void credentials_followTheSdkOrder_data();
    void credentials_followTheSdkOrder();
    void region_followsTheSdkOrder_data();
    void region_followsTheSdkOrder();
    void nothingFound_namesThePlacesLookedAt();
};

void TestAwsCredentialChain::credentials_followTheSdkOrder_data()
{
    QTest::addColumn<QStringList>("environment"); // NAME=value
    QTest::addColumn<QString>("profile"); // the provider's own
    QTest::addColumn<QString>("accessKeyId");
    QTest::addColumn<QString>("sessionToken");
    QTest::addColumn<QString>("source");
    QTest::newRow("environment keys first")
        << QStringList { "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=env-secret",
                         "AWS_SESSION_TOKEN=env-token" }
        << ""
        << "AKIDENV"
        << "env-token"
        << "environment";
    QTest::newRow("a provider's own profile wins over environment keys")
        << QStringList { "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=env-secret" } << "work"
        << "AKIDWORK"
        << "work-token"
        << "profile work";
    QTest::newRow("an access key without its secret is no credential")
        << QStringList { "AWS_ACCESS_KEY_ID=AKIDENV" } << ""
        << "AKIDDEFAULT"
        << ""
        << "profile default";
    QTest::newRow("AWS_PROFILE picks the profile") << QStringList { "AWS_PROFILE=work" } << ""
                                                   << "AKIDWORK"
                                                   << "work-token"
                                                   << "profile work";
    QTest::newRow("the config file's [profile name] section") << QStringList() << "sso"
                                                              << "AKIDCONFIG"
                                                              << ""
                                                              << "profile sso";
}

void TestAwsCredentialChain::credentials_followTheSdkOrder()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, profile);
    QFETCH(QString, accessKeyId);
    QFETCH(QString, sessionToken);
    QFETCH(QString, source);
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral(".aws")));
    write(home.filePath(QStringLiteral(".aws/credentials")), kCredentials);
    write(home.filePath(QStringLiteral(".aws/config")), kConfig);
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    for (const QString& pair : environment) {
        env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    }
    const AwsCredentialChain::Result result = AwsCredentialChain::credentials(profile, env);
    QVERIFY2(result.credentials.isValid(), qPrintable(result.problem));
    QCOMPARE(result.credentials.accessKeyId, accessKeyId);
    QCOMPARE(result.credentials.sessionToken, sessionToken);
    QVERIFY2(result.credentials.source.startsWith(source), qPrintable(result.credentials.source));
}

void TestAwsCredentialChain::region_followsTheSdkOrder_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("configured");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("region");
    QTest::newRow("the provider's own region first") << QStringList { "AWS_REGION=us-east-2" } << "eu-west-3"
                                                     << ""
                                                     << "eu-west-3";
    QTest::newRow("AWS_REGION before AWS_DEFAULT_REGION")
        << QStringList { "AWS_REGION=us-east-2", "AWS_DEFAULT_REGION=us-east-1" } << ""
        << ""
        << "us-east-2";
    QTest::newRow("AWS_DEFAULT_REGION") << QStringList { "AWS_DEFAULT_REGION=us-east-1" } << ""
                                        << ""
                                        << "us-east-1";
    QTest::newRow("the default profile's region in the config file") << QStringList() << ""
                                                                     << ""
                                                                     << "eu-central-1";
    QTest::newRow("a named profile's region in the config file") << QStringList() << ""
                                                                 << "sso"
                                                                 << "us-west-2";
    QTest::newRow("a region in the credentials file as a last resort") << QStringList() << ""
                                                                       << "work"
                                                                       << "ap-south-1";
    QTest::newRow("AWS_CONFIG_FILE moves the config file")
        << QStringList { "AWS_CONFIG_FILE=/nonexistent/config" } << ""
        << ""
        << "";
}

void TestAwsCredentialChain::region_followsTheSdkOrder()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, configured);
    QFETCH(QString, profile);
    QFETCH(QString, region);
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral(".aws")));
    write(home.filePath(QStringLiteral(".aws/credentials")), kCredentials);
    write(home.filePath(QStringLiteral(".aws/config")), kConfig);
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    for (const QString& pair : environment) {
        env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    }
    QCOMPARE(AwsCredentialChain::region(configured, profile, env), region);
}

void TestAwsCredentialChain::nothingFound_namesThePlacesLookedAt()
{
    QTemporaryDir home;
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), home.filePath(QStringLiteral("creds")));
    const AwsCredentialChain::Result result = AwsCredentialChain::credentials(QString(), env);
    QVERIFY(!result.credentials.isValid());
    QVERIFY2(result.problem.contains(QLatin1String("AWS_ACCESS_KEY_ID")), qPrintable(result.problem));
    QVERIFY2(result.problem.contains(home.filePath(QStringLiteral("creds"))), qPrintable(result.problem));
    QVERIFY2(result.problem.contains(home.filePath(QStringLiteral(".aws/config"))), qPrintable(result.problem));
}

QTEST_GUILESS_MAIN(TestAwsCredentialChain)
#include "tst_AwsCredentialChain.moc"
