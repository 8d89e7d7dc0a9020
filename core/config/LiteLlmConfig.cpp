#include "core/config/LiteLlmConfig.h"

#include "core/config/LiteLlmExporter.h"
#include "core/config/LiteLlmImporter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

LiteLlmImportResult LiteLlmConfig::importYaml(const QByteArray& yaml, const LiteLlmImportOptions& options)
{
    return LiteLlmImporter(options).run(yaml);
}

LiteLlmImportResult LiteLlmConfig::importFile(const QString& path, LiteLlmImportOptions options)
{
    options.fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LiteLlmImportResult result;
        result.problems.append(
            { options.fileName, QString(),
              QCoreApplication::translate("LiteLlmConfig", "cannot read %1: %2").arg(path, file.errorString()) });
        return result;
    }
    return importYaml(file.readAll(), options);
}

LiteLlmExportResult LiteLlmConfig::exportYaml(const SwitchyardConfig& config)
{
    return LiteLlmExporter(config).run();
}
