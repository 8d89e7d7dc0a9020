#include "core/common/AwsSigV4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <algorithm>

namespace AwsSigV4 {

namespace {

bool unreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

// RFC 3986 percent-encoding of every byte but the unreserved ones (and '/' when asked), with
// upper-case hex as SigV4 requires.
QByteArray uriEncode(QByteArrayView bytes, bool keepSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (unreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            out += '%';
            out += hex[(quint8(c) >> 4) & 0xF];
            out += hex[quint8(c) & 0xF];
        }
    }
    return out;
}

QByteArray sha256Hex(QByteArrayView bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray hmac(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray canonicalQuery(const QByteArray& query)
{
    if (query.isEmpty()) {
        return {};
    }
    QList<std::pair<QByteArray, QByteArray>> pairs;
    for (const QByteArray& part : query.split('&')) {
        const qsizetype equals = part.indexOf('=');
        const QByteArray key = QByteArray::fromPercentEncoding(equals < 0 ? part : part.left(equals));
        const QByteArray value = equals < 0 ? QByteArray() : QByteArray::fromPercentEncoding(part.mid(equals + 1));
        pairs.append({ uriEncode(key, false), uriEncode(value, false) });
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray out;
    for (const auto& [key, value] : pairs) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += key + '=' + value;
    }
    return out;
}

// Trimmed, inner runs of spaces collapsed to one.
QByteArray canonicalValue(const QByteArray& value)
{
    return value.simplified();
}

QString dateStamp(const QDateTime& timeUtc)
{
    return timeUtc.toUTC().toString(QStringLiteral("yyyyMMdd"));
}

QByteArray scope(const QDateTime& timeUtc, const QString& region, const QString& service)
{
    return (dateStamp(timeUtc) + QLatin1Char('/') + region + QLatin1Char('/') + service
            + QLatin1String("/aws4_request"))
        .toUtf8();
}

QByteArray headerValue(const Headers& headers, QByteArrayView lowerName)
{
    for (const auto& [name, value] : headers) {
        if (name.toLower() == lowerName) {
            return value;
        }
    }
    return {};
}

} // namespace

QByteArray canonicalRequest(const Request& request, QByteArray* signedHeaders)
{
    // Same-named headers join with commas in the order given; names sort as bytes.
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const auto& [name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        const auto found
            = std::find_if(headers.begin(), headers.end(), [&](const auto& h) { return h.first == lower; });
        if (found != headers.end()) {
            found->second += ',' + canonicalValue(value);
        } else {
            headers.append({ lower, canonicalValue(value) });
        }
    }
    std::sort(headers.begin(), headers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QByteArray canonicalHeaders;
    QByteArray names;
    for (const auto& [name, value] : headers) {
        canonicalHeaders += name + ':' + value + '\n';
        names += (names.isEmpty() ? "" : ";") + name;
    }
    if (signedHeaders) {
        *signedHeaders = names;
    }
    const QByteArray path = request.path.isEmpty() ? QByteArrayLiteral("/") : request.path;
    const QByteArray payloadHash = headerValue(request.headers, "x-amz-content-sha256").isEmpty()
        ? sha256Hex(request.body)
        : headerValue(request.headers, "x-amz-content-sha256");
    return request.method + '\n' + uriEncode(path, true) + '\n' + canonicalQuery(request.query) + '\n'
        + canonicalHeaders + '\n' + names + '\n' + payloadHash;
}

QByteArray amzDate(const QDateTime& timeUtc)
{
    return timeUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray stringToSign(const QByteArray& canonicalRequest, const QDateTime& timeUtc, const QString& region,
                        const QString& service)
{
    return "AWS4-HMAC-SHA256\n" + amzDate(timeUtc) + '\n' + scope(timeUtc, region, service) + '\n'
        + sha256Hex(canonicalRequest);
}

QByteArray signature(const QString& secretAccessKey, const QDateTime& timeUtc, const QString& region,
                     const QString& service, const QByteArray& stringToSign)
{
    QByteArray key = hmac("AWS4" + secretAccessKey.toUtf8(), dateStamp(timeUtc).toUtf8());
    key = hmac(key, region.toUtf8());
    key = hmac(key, service.toUtf8());
    key = hmac(key, QByteArrayLiteral("aws4_request"));
    return hmac(key, stringToSign).toHex();
}

void sign(Request& request, const AwsCredentials& credentials, const QString& region, const QString& service,
          const QDateTime& timeUtc, bool signBody)
{
    request.headers.append({ QByteArrayLiteral("X-Amz-Date"), amzDate(timeUtc) });
    if (!credentials.sessionToken.isEmpty()) {
        request.headers.append({ QByteArrayLiteral("X-Amz-Security-Token"), credentials.sessionToken.toUtf8() });
    }
    if (signBody) {
        request.headers.append({ QByteArrayLiteral("X-Amz-Content-Sha256"), sha256Hex(request.body) });
    }
    QByteArray signedHeaders;
    const QByteArray canonical = canonicalRequest(request, &signedHeaders);
    const QByteArray toSign = stringToSign(canonical, timeUtc, region, service);
    request.headers.append({ QByteArrayLiteral("Authorization"),
                             "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId.toUtf8() + '/'
                                 + scope(timeUtc, region, service) + ", SignedHeaders=" + signedHeaders + ", Signature="
                                 + signature(credentials.secretAccessKey, timeUtc, region, service, toSign) });
}

Verification verify(const Request& request, const std::function<QString(const QString&)>& secretFor,
                    const QDateTime& nowUtc)
{
    Verification result;
    const QByteArray authorization = headerValue(request.headers, "authorization");
    if (authorization.isEmpty()) {
        result.reason = QStringLiteral("Missing Authentication Token");
        return result;
    }
    static const QRegularExpression shape(QStringLiteral(
        "^AWS4-HMAC-SHA256 Credential=([A-Z0-9]{1,128})/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request, "
        "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$"));
    const QRegularExpressionMatch match = shape.match(QString::fromLatin1(authorization));
    if (!match.hasMatch()) {
        result.outcome = Verification::Outcome::Malformed;
        result.reason = QStringLiteral("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' "
                                       "parameters in the AWS4-HMAC-SHA256 form.");
        return result;
    }
    result.accessKeyId = match.captured(1);
    result.region = match.captured(3);
    result.service = match.captured(4);
    const QDateTime time = QDateTime::fromString(QString::fromLatin1(headerValue(request.headers, "x-amz-date")),
                                                 QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QDateTime timeUtc = time;
    timeUtc.setTimeSpec(Qt::UTC);
    const QStringList signedNames = match.captured(5).split(QLatin1Char(';'));
    if (!time.isValid() || dateStamp(timeUtc) != match.captured(2) || !signedNames.contains(QLatin1String("host"))
        || !signedNames.contains(QLatin1String("x-amz-date"))) {
        result.outcome = Verification::Outcome::Malformed;
        result.reason = QStringLiteral("The request must sign host and x-amz-date, and X-Amz-Date must match the "
                                       "credential scope's date.");
        return result;
    }
    const QString secret = secretFor(result.accessKeyId);
    if (secret.isEmpty()) {
        result.outcome = Verification::Outcome::UnknownKey;
        result.reason = QStringLiteral("The security token included in the request is invalid.");
        return result;
    }
    if (qAbs(timeUtc.secsTo(nowUtc)) > 5 * 60) {
        result.outcome = Verification::Outcome::Expired;
        result.reason = QStringLiteral("Signature expired: %1 is more than 5 minutes from the server's time %2.")
                            .arg(QString::fromLatin1(amzDate(timeUtc)), QString::fromLatin1(amzDate(nowUtc)));
        return result;
    }
    Request signedPart = request;
    signedPart.headers.clear();
    for (const auto& [name, value] : request.headers) {
        if (signedNames.contains(QString::fromLatin1(name.toLower()))) {
            signedPart.headers.append({ name, value });
        }
    }
    const QByteArray canonical = canonicalRequest(signedPart);
    const QByteArray expected = signature(secret, timeUtc, result.region, result.service,
                                          stringToSign(canonical, timeUtc, result.region, result.service));
    if (expected != match.captured(6).toLatin1()) {
        result.outcome = Verification::Outcome::Mismatch;
        result.reason = QStringLiteral("The request signature we calculated does not match the signature you "
                                       "provided. Check your AWS Secret Access Key and signing method. Consult the "
                                       "service documentation for details.");
        return result;
    }
    result.outcome = Verification::Outcome::Valid;
    return result;
}

} // namespace AwsSigV4
