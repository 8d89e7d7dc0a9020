#include "core/secrets/KeyStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

namespace {

bool meansNoService(QKeychain::Error error, const QString& message)
{
    // A missing Secret Service shows up as NoBackendAvailable, or as OtherError with a D-Bus
    // message ("Cannot autolaunch D-Bus without X11 $DISPLAY", "Could not connect: ..."). Other
    // OtherErrors ("Cannot create an item in a locked collection") are a working keychain saying no.
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented) {
        return true;
    }
    return error == QKeychain::OtherError
        && (message.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
            || message.contains(QLatin1String("DBus"), Qt::CaseInsensitive)
            || message.contains(QLatin1String("Could not connect"), Qt::CaseInsensitive)
            || message.contains(QLatin1String("org.freedesktop.secrets"), Qt::CaseInsensitive));
}

} // namespace

KeyStore::KeyStore(QObject* parent)
    : QObject(parent)
{
}

KeyStore::~KeyStore()
{
    if (m_current) {
        // libsecret still calls back into a running job: deleting it with us crashed at random.
        // It is left to delete itself once it has finished.
        m_current->disconnect(this);
        m_current->setParent(nullptr);
        m_current->setAutoDelete(true);
    }
}

void KeyStore::readKey(const QString& providerId)
{
    enqueue({ OpType::Read, providerId, {} });
}

QString KeyStore::readSecretNow(const QString& entry, int timeoutMs)
{
    QEventLoop loop;
    bool answered = false;
    connect(this, &KeyStore::keyRead, &loop, [&loop, &entry, &answered](const QString& id) {
        if (id == entry) {
            answered = true;
            loop.quit();
        }
    });
    readKey(entry);
    if (!answered) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return cachedSecret(entry);
}

void KeyStore::writeKey(const QString& providerId, const QString& key)
{
    enqueue({ OpType::Write, providerId, key });
}

void KeyStore::deleteKey(const QString& providerId)
{
    enqueue({ OpType::Delete, providerId, {} });
}

void KeyStore::preload(const QStringList& providerIds)
{
    for (const QString& id : providerIds) {
        enqueue({ OpType::Read, id, {} });
    }
    enqueue({ OpType::PreloadDone, {}, {} });
}

QString KeyStore::key(const ProviderConfig& provider) const
{
    const QString stored = m_keys.value(provider.id);
    if (!stored.isEmpty()) {
        return stored;
    }
    return provider.keyEnv.isEmpty() ? QString() : qEnvironmentVariable(provider.keyEnv.toUtf8().constData());
}

KeyStore::Source KeyStore::source(const ProviderConfig& provider) const
{
    if (!m_keys.value(provider.id).isEmpty()) {
        return Source::Keychain;
    }
    if (!provider.keyEnv.isEmpty() && !qEnvironmentVariable(provider.keyEnv.toUtf8().constData()).isEmpty()) {
        return Source::Environment;
    }
    return Source::None;
}

QString KeyStore::sourceText(const ProviderConfig& provider) const
{
    switch (source(provider)) {
    case Source::Keychain:
        return tr("in the keychain");
    case Source::Environment:
        return tr("from %1").arg(provider.keyEnv);
    case Source::None:
        break;
    }
    return provider.keyEnv.isEmpty() ? tr("no key needed") : tr("no key");
}

QString KeyStore::masked(const QString& key)
{
    if (key.isEmpty()) {
        return {};
    }
    if (key.size() < 12) {
        return QStringLiteral("…");
    }
    return key.left(3) + QStringLiteral("…") + key.right(4);
}

void KeyStore::enqueue(Op op)
{
    m_queue.enqueue(std::move(op));
    if (!m_current) {
        // Asynchronous even when idle, so that signals connected right after the call arrive.
        QTimer::singleShot(0, this, &KeyStore::startNext);
    }
}

void KeyStore::startNext()
{
    if (m_current || m_queue.isEmpty()) {
        return;
    }
    m_currentOp = m_queue.dequeue();
    const QString service = QString::fromLatin1(ServiceName);
    switch (m_currentOp.type) {
    case OpType::PreloadDone:
        emit preloaded();
        startNext();
        return;
    case OpType::Read:
        m_current = new QKeychain::ReadPasswordJob(service, this);
        break;
    case OpType::Write: {
        auto* job = new QKeychain::WritePasswordJob(service, this);
        job->setTextData(m_currentOp.key);
        m_current = job;
        break;
    }
    case OpType::Delete:
        m_current = new QKeychain::DeletePasswordJob(service, this);
        break;
    }
    m_current->setAutoDelete(false);
    m_current->setInsecureFallback(false); // never a plain-text file
    m_current->setKey(m_currentOp.providerId);
    connect(m_current, &QKeychain::Job::finished, this, &KeyStore::jobFinished);
    m_current->start();
}

void KeyStore::jobFinished(QKeychain::Job* job)
{
    const Op op = m_currentOp;
    const QKeychain::Error error = job->error();
    const QString errorText = job->errorString();
    QString readText;
    if (op.type == OpType::Read && error == QKeychain::NoError) {
        readText = static_cast<QKeychain::ReadPasswordJob*>(job)->textData();
    }
    m_current = nullptr;
    job->deleteLater();

    const bool noService = meansNoService(error, errorText);
    if (noService) {
        markUnavailable(errorText);
    } else if (!m_available && error != QKeychain::AccessDeniedByUser && error != QKeychain::AccessDenied) {
        m_available = true;
        m_keychainError.clear();
        emit keychainAvailabilityChanged(true);
    }

    switch (op.type) {
    case OpType::Read:
        if (error == QKeychain::NoError && !readText.isEmpty()) {
            m_keys.insert(op.providerId, readText);
        } else if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
            m_keys.remove(op.providerId);
        }
        emit keyRead(op.providerId, m_keys.contains(op.providerId));
        break;
    case OpType::Write:
        if (error == QKeychain::NoError) {
            m_keys.insert(op.providerId, op.key);
        }
        emit keyWritten(op.providerId, error == QKeychain::NoError,
                        error == QKeychain::NoError ? QString() : (noService ? m_keychainError : errorText));
        break;
    case OpType::Delete: {
        const bool ok = error == QKeychain::NoError || error == QKeychain::EntryNotFound;
        if (ok) {
            m_keys.remove(op.providerId);
        }
        emit keyDeleted(op.providerId, ok, ok ? QString() : (noService ? m_keychainError : errorText));
        break;
    }
    case OpType::PreloadDone:
        break;
    }
    startNext();
}

void KeyStore::markUnavailable(const QString& detail)
{
    const QString message
        = tr("No keychain service is running (%1). Switchyard does not store API keys in plain text: "
             "start a Secret Service (GNOME Keyring, KWallet) or set the provider's environment variable, "
             "e.g. OPENAI_API_KEY, before starting Switchyard.")
              .arg(detail.trimmed());
    const bool changed = m_available;
    m_available = false;
    m_keychainError = message;
    if (changed) {
        emit keychainAvailabilityChanged(false);
    }
}
