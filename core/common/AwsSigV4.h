#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

// AWS credentials for one request; the secret parts never reach logs or output.
struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // temporary credentials (STS, SSO); empty for long-term keys
    QString source; // where they were found, for messages: "environment", "profile default (~/.aws/credentials)"

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

// AWS Signature Version 4 (HMAC-SHA256), as documented in "Create a signed AWS API request" and
// checked against AWS's published signing test suite (tests/data/sigv4). Pure functions over a
// request's parts, used by the Bedrock client to sign and by the sandbox to verify.
namespace AwsSigV4 {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

struct Request
{
    QByteArray method; // "POST"
    QByteArray path; // as on the request line, percent-encoding included, no query
    QByteArray query; // after '?', as on the request line
    Headers headers; // the headers to sign, Host included; any case
    QByteArray body;
};

// The canonical request of the signing process. The path is URI-encoded once more, as every
// service but S3 expects: "/model/a%3A0/converse" is signed as "/model/a%253A0/converse".
// signedHeaders gets "host;x-amz-date".
QByteArray canonicalRequest(const Request& request, QByteArray* signedHeaders = nullptr);
QByteArray stringToSign(const QByteArray& canonicalRequest, const QDateTime& timeUtc, const QString& region,
                        const QString& service);
// Hex of HMAC-SHA256(signing key derived from secret, date, region, service; stringToSign).
QByteArray signature(const QString& secretAccessKey, const QDateTime& timeUtc, const QString& region,
                     const QString& service, const QByteArray& stringToSign);
QByteArray amzDate(const QDateTime& timeUtc); // 20150830T123600Z

// Adds X-Amz-Date, X-Amz-Security-Token (temporary credentials), X-Amz-Content-Sha256 (when
// signBody) and Authorization to request.headers, signing every header the request holds.
void sign(Request& request, const AwsCredentials& credentials, const QString& region, const QString& service,
          const QDateTime& timeUtc, bool signBody = false);

// The server side: checks the Authorization header's shape, the scope, the date and the
// signature. secretFor returns the secret of an access key id (empty when the key is unknown).
struct Verification
{
    enum class Outcome
    {
        Valid,
        Missing, // no Authorization header
        Malformed, // not "AWS4-HMAC-SHA256 Credential=.../aws4_request, SignedHeaders=..., Signature=<64 hex>"
        UnknownKey,
        Expired, // X-Amz-Date more than 5 minutes off
        Mismatch, // the signature does not verify
    };
    Outcome outcome = Outcome::Missing;
    QString reason; // for the error message
    QString accessKeyId;
    QString region;
    QString service;
};
Verification verify(const Request& request, const std::function<QString(const QString&)>& secretFor,
                    const QDateTime& nowUtc);

} // namespace AwsSigV4
