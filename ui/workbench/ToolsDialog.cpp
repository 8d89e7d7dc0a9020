#include "ui/workbench/ToolsDialog.h"

#include "core/pricing/JsonErrorPlace.h"
#include "ui/common/FileDialogs.h"
#include "ui/common/SaveButtons.h"
#include "ui/common/StatusColors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
// A tools file is a few kilobytes; anything this large is not one.
constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

enum Tab
{
    FormTab,
    JsonTab,
};

QString indented(const QJsonObject& object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}
} // namespace

ToolsDialog::ToolsDialog(const ToolSet& tools, QWidget* parent)
    : QDialog(parent)
    , m_saved(tools)
{
    setWindowTitle(tr("Tools"));
    auto* intro = new QLabel(tr("Every column is offered these tools; each call a model makes is checked against "
                                "the tool's parameters schema. Paste OpenAI's \"tools\" JSON in the JSON tab or "
                                "import a file."),
                             this);
    intro->setWordWrap(true);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("toolList"));
    m_add = new QPushButton(tr("Add"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    auto* listBox = new QVBoxLayout;
    listBox->addWidget(m_list, 1);
    listBox->addLayout(listButtons);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("toolName"));
    m_name->setPlaceholderText(QStringLiteral("get_weather"));
    m_description = new QPlainTextEdit(this);
    m_description->setPlaceholderText(tr("What the tool does, for the model"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 14);
    m_strict = new QCheckBox(tr("Strict: the provider makes the arguments fit the schema (OpenAI)"), this);
    m_parameters = new QPlainTextEdit(this);
    m_parameters->setObjectName(QStringLiteral("toolParameters"));
    m_parameters->setFont(mono);
    m_parameters->setTabChangesFocus(true);
    m_parameters->setPlaceholderText(
        QStringLiteral("{\n  \"type\": \"object\",\n  \"properties\": {\"city\": {\"type\": \"string\"}},\n"
                       "  \"required\": [\"city\"]\n}"));
    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Description"), m_description);
    form->addRow(QString(), m_strict);
    form->addRow(tr("Parameters\n(JSON Schema)"), m_parameters);

    auto* formPage = new QWidget(this);
    auto* formLayout = new QHBoxLayout(formPage);
    formLayout->addLayout(listBox, 1);
    formLayout->addLayout(form, 3);

    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(QStringLiteral("toolsJson"));
    m_json->setFont(mono);
    m_json->setPlaceholderText(
        QStringLiteral("[{\"type\": \"function\", \"function\": {\"name\": ..., \"parameters\": {...}}}]"));

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(formPage, tr("Tools"));
    m_tabs->addTab(m_json, tr("JSON"));

    m_import = new QPushButton(tr("Import File…"), this);
    m_import->setToolTip(tr("Read OpenAI's \"tools\" JSON from a file"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("toolsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette problemPalette = m_problem->palette();
    problemPalette.setColor(QPalette::WindowText, StatusColors::color(StatusTone::Bad));
    m_problem->setPalette(problemPalette);
    m_problem->hide();

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_import);
    bottom->addStretch(1);
    bottom->addWidget(SaveButtons::create(this, [this] { return save(); }));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addLayout(bottom);

    connect(m_add, &QPushButton::clicked, this, &ToolsDialog::addTool);
    connect(m_remove, &QPushButton::clicked, this, &ToolsDialog::removeTool);
    connect(m_import, &QPushButton::clicked, this, &ToolsDialog::chooseFile);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_loading) {
            keepDraft();
            showDraft(row);
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &ToolsDialog::onTabChanged);
    for (QPlainTextEdit* edit : { m_description, m_parameters, m_json }) {
        connect(edit, &QPlainTextEdit::textChanged, this, &ToolsDialog::recheck);
    }
    connect(m_name, &QLineEdit::textChanged, this, &ToolsDialog::recheck);
    connect(m_strict, &QCheckBox::toggled, this, &ToolsDialog::recheck);

    setDrafts(tools);
    resize(820, 560);
}

QString ToolsDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ToolsDialog::setDrafts(const ToolSet& tools)
{
    m_drafts.clear();
    for (const ToolDefinition& tool : tools.tools) {
        m_drafts.append({ tool.name, tool.description, indented(tool.parameters), tool.strict.value_or(false) });
    }
    m_loading = true;
    m_list->clear();
    for (const Draft& draft : std::as_const(m_drafts)) {
        m_list->addItem(draft.name);
    }
    m_loading = false;
    m_shown = -1;
    m_list->setCurrentRow(m_drafts.isEmpty() ? -1 : 0);
    showDraft(m_list->currentRow());
}

void ToolsDialog::showDraft(int row)
{
    m_loading = true;
    const Draft draft = m_drafts.value(row);
    m_name->setText(draft.name);
    m_description->setPlainText(draft.description);
    m_strict->setChecked(draft.strict);
    m_parameters->setPlainText(draft.parameters);
    m_loading = false;
    m_shown = row;
    for (QWidget* editor : std::initializer_list<QWidget*> { m_name, m_description, m_strict, m_parameters }) {
        editor->setEnabled(row >= 0);
    }
    m_remove->setEnabled(row >= 0);
}

void ToolsDialog::keepDraft()
{
    if (m_shown < 0 || m_shown >= m_drafts.size()) {
        return;
    }
    Draft& draft = m_drafts[m_shown];
    draft.name = m_name->text().trimmed();
    draft.description = m_description->toPlainText().trimmed();
    draft.strict = m_strict->isChecked();
    draft.parameters = m_parameters->toPlainText();
    if (QListWidgetItem* item = m_list->item(m_shown)) {
        item->setText(draft.name);
    }
}

void ToolsDialog::addTool()
{
    keepDraft();
    m_drafts.append({ QString(), QString(),
                      QStringLiteral("{\n    \"type\": \"object\",\n    \"properties\": {\n    }\n}\n"), false });
    m_loading = true;
    m_list->addItem(QString());
    m_loading = false;
    m_shown = -1;
    m_list->setCurrentRow(int(m_drafts.size()) - 1);
    showDraft(m_list->currentRow());
    m_name->setFocus();
    recheck();
}

void ToolsDialog::removeTool()
{
    const int row = m_list->currentRow();
    if (row < 0) {
        return;
    }
    m_drafts.removeAt(row);
    m_loading = true;
    delete m_list->takeItem(row);
    m_loading = false;
    m_shown = -1;
    showDraft(m_list->currentRow());
    recheck();
}

void ToolsDialog::chooseFile()
{
    const QString path = FileDialogs::openFileName(this, tr("Import Tools"), FileDialogs::startDirectory(),
                                                   tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        importFile(path);
    }
}

bool ToolsDialog::importFile(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (file.size() > MaxFileBytes) {
        showProblem(tr("%1 is larger than 4 MB: not a tools file.").arg(name));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        showProblem(tr("Could not read %1: %2").arg(name, file.errorString()));
        return false;
    }
    const QByteArray json = file.readAll();
    QString error;
    const std::optional<ToolSet> tools = ToolSet::parse(json, &error);
    if (!tools) {
        // The text goes where it can be corrected; the message names the file and the place.
        showTab(JsonTab);
        m_json->setPlainText(QString::fromUtf8(json));
        showProblem(QStringLiteral("%1: %2").arg(name, error));
        return false;
    }
    setDrafts(*tools);
    showTab(FormTab);
    recheck();
    return true;
}

void ToolsDialog::showTab(int index)
{
    m_loading = true;
    m_tabs->setCurrentIndex(index);
    m_tab = index;
    m_loading = false;
}

void ToolsDialog::onTabChanged(int index)
{
    if (m_loading || index == m_tab) {
        return;
    }
    QString error;
    const std::optional<ToolSet> tools = current(&error);
    if (!tools) {
        showTab(m_tab); // stay where the problem can be fixed
        showProblem(error);
        return;
    }
    m_tab = index;
    m_loading = true;
    if (index == JsonTab) {
        m_json->setPlainText(tools->isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(tools->toJson()).toJson()));
    }
    m_loading = false;
    if (index == FormTab) {
        setDrafts(*tools);
    }
    recheck();
}

std::optional<ToolSet> ToolsDialog::fromDrafts(QString* error) const
{
    ToolSet tools;
    for (qsizetype i = 0; i < m_drafts.size(); ++i) {
        const Draft& draft = m_drafts[i];
        ToolDefinition tool { draft.name, draft.description, {}, std::nullopt };
        if (draft.strict) {
            tool.strict = true;
        }
        const QByteArray parameters = draft.parameters.trimmed().toUtf8();
        if (!parameters.isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(parameters, &parseError);
            const QString place = QStringLiteral("tools[%1].function.parameters").arg(i);
            if (parseError.error != QJsonParseError::NoError) {
                *error = QStringLiteral("%1 (%2): %3").arg(place, draft.name, jsonErrorPlace(parameters, parseError));
                return std::nullopt;
            }
            if (!document.isObject()) {
                *error = tr("%1 (%2): expected a JSON Schema object").arg(place, draft.name);
                return std::nullopt;
            }
            tool.parameters = document.object();
        }
        tools.tools.append(tool);
    }
    const QStringList problems = tools.problems();
    if (!problems.isEmpty()) {
        *error = problems.first();
        return std::nullopt;
    }
    return tools;
}

std::optional<ToolSet> ToolsDialog::current(QString* error)
{
    if (m_tab == JsonTab) {
        const QByteArray json = m_json->toPlainText().trimmed().toUtf8();
        return json.isEmpty() ? ToolSet {} : ToolSet::parse(json, error);
    }
    keepDraft();
    return fromDrafts(error);
}

bool ToolsDialog::save()
{
    QString error;
    const std::optional<ToolSet> tools = current(&error);
    if (!tools) {
        showProblem(error);
        return false;
    }
    m_saved = *tools;
    return true;
}

void ToolsDialog::showProblem(const QString& problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void ToolsDialog::recheck()
{
    if (m_loading) {
        return;
    }
    QString error;
    showProblem(current(&error) ? QString() : error);
}
