#include "core/routing/FailoverRules.h"

FailoverAction FailoverRules::actionFor(const CallError& error, const TierSettings& settings, bool rateLimitRetried)
{
    switch (error.failureClass) {
    case FailureClass::RateLimited:
        if (!rateLimitRetried && error.retryAfterMs >= 0 && error.retryAfterMs <= settings.rateLimitWaitCapMs) {
            return FailoverAction::RetrySameModel;
        }
        return FailoverAction::SwitchModel;
    case FailureClass::QuotaExhausted:
        return FailoverAction::CoolProviderAndSwitch;
    case FailureClass::BadRequest:
        return error.contextLengthExceeded ? FailoverAction::LargerContext : FailoverAction::End;
    case FailureClass::Unsupported:
        // The model's limits, not the provider's health: the next model may take the request.
        return FailoverAction::SwitchModel;
    case FailureClass::ContentFiltered:
        // The provider is up and judged the content: not an outage to fail over from, and not a
        // reason to cool it down. The error says which filter fired.
        return FailoverAction::End;
    case FailureClass::Cancelled:
        return FailoverAction::Stop;
    case FailureClass::None:
        return FailoverAction::End;
    case FailureClass::Auth:
    case FailureClass::ServerError:
    case FailureClass::ConnectTimeout:
    case FailureClass::FirstTokenTimeout:
    case FailureClass::IdleTimeout:
    case FailureClass::TotalTimeout:
    case FailureClass::NetworkError:
    case FailureClass::StreamBroken:
    case FailureClass::MalformedResponse:
        break;
    }
    return FailoverAction::SwitchProvider;
}

QString FailoverRules::actionId(FailoverAction action)
{
    switch (action) {
    case FailoverAction::SwitchProvider:
        return QStringLiteral("switch_provider");
    case FailoverAction::RetrySameModel:
        return QStringLiteral("retry_same_model");
    case FailoverAction::SwitchModel:
        return QStringLiteral("switch_model");
    case FailoverAction::CoolProviderAndSwitch:
        return QStringLiteral("cool_provider_and_switch");
    case FailoverAction::LargerContext:
        return QStringLiteral("larger_context");
    case FailoverAction::End:
        return QStringLiteral("end");
    case FailoverAction::Stop:
        return QStringLiteral("stop");
    }
    return {};
}
