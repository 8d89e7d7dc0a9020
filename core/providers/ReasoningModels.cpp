#include "core/providers/ReasoningModels.h"

#include "core/providers/JsonObjectEditor.h"
#include "core/providers/OpenAiWire.h"

bool ReasoningModels::thinksFirst(const ModelConfig& model, const ChatRequest& request)
{
    const QString name = model.upstreamModel.isEmpty() ? model.id : model.upstreamModel;
    if (!OpenAiWire::takesSamplingParameters(name)) {
        return true; // the reasoning families and deepseek-reasoner
    }
    if (!request.hasClientBody() || !request.clientBody.contains("\"thinking\"")) {
        return false;
    }
    const QByteArrayView thinking = JsonObjectEditor(request.clientBody).value("thinking");
    return thinking.contains("\"enabled\"") || thinking.contains("\"adaptive\"");
}
