#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// What a request can need from a model beyond text in and text out. The price/model data says
// which a model has (LiteLLM's supports_vision, supports_function_calling, supports_pdf_input,
// supports_response_schema); the router skips a model that lacks one the request needs.
enum class ModelCapability : quint8
{
    Vision = 1, // image input: "vision"
    Tools = 2, // function / tool calling: "tools"
    PdfInput = 4, // PDF documents as input: "pdf"
    JsonSchema = 8, // structured output to a JSON schema: "json_schema"
};

// The capabilities one model has, or nothing known about them. Unknown is not "none": a model the
// data does not describe is never skipped for a capability.
class ModelCapabilities
{
    Q_DECLARE_TR_FUNCTIONS(ModelCapabilities)

public:
    static constexpr ModelCapability kAll[]
        = { ModelCapability::Vision, ModelCapability::Tools, ModelCapability::PdfInput, ModelCapability::JsonSchema };

    ModelCapabilities() = default;
    // Known, with exactly these.
    static ModelCapabilities of(std::initializer_list<ModelCapability> capabilities);
    // Known, from the identifiers of a "supports" list; an unknown identifier is named in *error.
    static std::optional<ModelCapabilities> fromIds(const QStringList& ids, QString* error);

    bool isKnown() const { return m_known; }
    // True unless the data is known and lacks it.
    bool allows(ModelCapability capability) const { return !m_known || (m_bits & quint8(capability)) != 0; }
    bool has(ModelCapability capability) const { return m_known && (m_bits & quint8(capability)) != 0; }
    void add(ModelCapability capability)
    {
        m_known = true;
        m_bits |= quint8(capability);
    }
    void markKnown() { m_known = true; }
    QStringList ids() const; // in kAll order; empty when unknown or none

    // Stable identifiers, only at the JSON edge: "vision", "tools", "pdf", "json_schema".
    static QString id(ModelCapability capability);
    static std::optional<ModelCapability> fromId(const QString& id);
    // The capability for a user: "image input", "tool calling", ...
    static QString needName(ModelCapability capability);

    bool operator==(const ModelCapabilities&) const = default;

private:
    bool m_known = false;
    quint8 m_bits = 0;
};
