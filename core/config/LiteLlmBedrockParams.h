#pragma once

#include "core/config/LiteLlmYamlReader.h"

#include <QString>
#include <QUrl>

#include <optional>

// A Bedrock deployment's parameters as Switchyard keeps them: aws_bedrock_runtime_endpoint or
// api_base (none: the region's endpoint), the region and profile, and an api_key that names a
// Bedrock API key variable. The credentials themselves stay with the AWS credential chain: a
// literal key is refused, never stored or repeated.
class LiteLlmBedrockParams
{
public:
    struct Aws
    {
        QString region; // empty: AWS_REGION / AWS_DEFAULT_REGION / the profile's, read at each call
        QString profile;
    };

    explicit LiteLlmBedrockParams(LiteLlmYamlReader& yaml)
        : m_yaml(yaml)
    {
    }

    std::optional<QUrl> base(const YAML::Node& params, const QString& paramsPath);
    std::optional<Aws> aws(const YAML::Node& params, const QString& paramsPath);
    // Empty: SigV4 with the AWS credentials.
    std::optional<QString> keyVariable(const YAML::Node& params, const QString& paramsPath);

private:
    LiteLlmYamlReader& m_yaml;
};
