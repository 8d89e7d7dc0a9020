#include "core/common/JsonSchemaCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// JSON Schema as tools use it: where a model's arguments break a tool's parameters schema
// ("arguments.city: required"), and where a schema a user typed is not a schema at all.
class TestJsonSchemaCheck : public QObject
{
    Q_OBJECT

private:
    static QJsonValue json(const QByteArray& text)
    {
        // Wrapped, so that scalars parse too.
        return QJsonDocument::fromJson("[" + text + "]").array().at(0);
    }
    static QStringList texts(const QList<JsonSchemaCheck::Problem>& problems)
    {
        QStringList out;
        for (const auto& problem : problems) {
            out.append(problem.text());
        }
        return out;
    }

private slots:
    void validate_data();
    void validate();
    void checkSchema_data();
    void checkSchema();
};

void TestJsonSchemaCheck::validate_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QStringList>("problems");

    const QByteArray weather
        = R"({"type":"object","properties":{"city":{"type":"string"},"units":{"enum":["celsius","fahrenheit"]}},"required":["city"],"additionalProperties":false})";
    QTest::newRow("arguments that fit") << weather << QByteArray(R"({"city":"Paris","units":"celsius"})")
                                        << QStringList();
    QTest::newRow("a required property missing")
        << weather << QByteArray(R"({"units":"celsius"})") << QStringList { "arguments.city: required" };
    QTest::newRow("a property of the wrong type")
        << weather << QByteArray(R"({"city":42})") << QStringList { "arguments.city: expected string, got number" };
    QTest::newRow("a value outside the enum")
        << weather << QByteArray(R"({"city":"Oslo","units":"kelvin"})")
        << QStringList { R"(arguments.units: not one of ["celsius","fahrenheit"])" };
    QTest::newRow("an extra property when additionalProperties is false")
        << weather << QByteArray(R"({"city":"Oslo","country":"NO"})")
        << QStringList { "arguments.country: not allowed (additionalProperties is false)" };
    QTest::newRow("additionalProperties as a schema")
        << QByteArray(R"({"type":"object","additionalProperties":{"type":"integer"}})")
        << QByteArray(R"({"a":1,"b":"two"})") << QStringList { "arguments.b: expected integer, got string" };
    QTest::newRow("type as a list allows null")
        << QByteArray(R"({"type":["string","null"]})") << QByteArray("null") << QStringList();
    QTest::newRow("type as a list names every type")
        << QByteArray(R"({"type":["string","null"]})") << QByteArray("true")
        << QStringList { "arguments: expected string or null, got boolean" };
    QTest::newRow("integer takes 3.0, not 3.5")
        << QByteArray(R"({"type":"array","items":{"type":"integer"}})") << QByteArray("[3.0, 3.5]")
        << QStringList { "arguments[1]: expected integer, got number" };
    QTest::newRow("const") << QByteArray(R"({"const":"v1"})") << QByteArray(R"("v2")")
                           << QStringList { R"(arguments: must be "v1")" };
    QTest::newRow("min and max items") << QByteArray(R"({"type":"array","minItems":2,"maxItems":3})")
                                       << QByteArray("[1]")
                                       << QStringList { "arguments: fewer items than minItems (2)" };
    QTest::newRow("too many items") << QByteArray(R"({"type":"array","maxItems":1})") << QByteArray("[1,2]")
                                    << QStringList { "arguments: more items than maxItems (1)" };
    QTest::newRow("uniqueItems names the repeat")
        << QByteArray(R"({"type":"array","uniqueItems":true})") << QByteArray(R"([1,{"a":1},2,{"a":1.0}])")
        << QStringList { "arguments[3]: repeats item 1 (uniqueItems)" };
    QTest::newRow("tuple items, draft 4 and 2020-12 alike")
        << QByteArray(R"({"prefixItems":[{"type":"number"},{"type":"string"}],"items":false})")
        << QByteArray(R"([1,"a",true])") << QStringList { "arguments[2]: no item is allowed past the 2 listed" };
    QTest::newRow("minLength counts characters, not bytes")
        << QByteArray(R"({"type":"string","minLength":3,"maxLength":3})") << QByteArray(R"("äöü")") << QStringList();
    QTest::newRow("too short and too long")
        << QByteArray(R"({"type":"array","items":{"minLength":2,"maxLength":3}})") << QByteArray(R"(["a","abcd"])")
        << QStringList { "arguments[0]: shorter than minLength (2)", "arguments[1]: longer than maxLength (3)" };
    QTest::newRow("pattern searches unless anchored")
        << QByteArray(R"({"type":"object","properties":{"zip":{"pattern":"^[0-9]{5}$"},"code":{"pattern":"[0-9]"}}})")
        << QByteArray(R"({"zip":"1234","code":"ab1"})")
        << QStringList { "arguments.zip: does not match the pattern ^[0-9]{5}$" };
    QTest::newRow("minimum and maximum are inclusive")
        << QByteArray(R"({"type":"array","items":{"minimum":1,"maximum":5}})") << QByteArray("[1,5,0,6]")
        << QStringList { "arguments[2]: less than the minimum 1", "arguments[3]: greater than the maximum 5" };
    QTest::newRow("exclusive bounds as numbers")
        << QByteArray(R"({"type":"array","items":{"exclusiveMinimum":0,"exclusiveMaximum":1}})")
        << QByteArray("[0,0.5,1]")
        << QStringList { "arguments[0]: not greater than 0 (exclusiveMinimum)",
                         "arguments[2]: not less than 1 (exclusiveMaximum)" };
    QTest::newRow("draft 4 boolean exclusiveMinimum")
        << QByteArray(R"({"minimum":0,"exclusiveMinimum":true})") << QByteArray("0")
        << QStringList { "arguments: not greater than 0 (exclusiveMinimum)" };
    QTest::newRow("multipleOf with decimals")
        << QByteArray(R"({"type":"array","items":{"multipleOf":0.01}})") << QByteArray("[19.99,0.015]")
        << QStringList { "arguments[1]: not a multiple of 0.01" };
    QTest::newRow("anyOf: one fits") << QByteArray(R"({"anyOf":[{"type":"string"},{"type":"integer"}]})")
                                     << QByteArray("7") << QStringList();
    QTest::newRow("anyOf: none fits") << QByteArray(R"({"anyOf":[{"type":"string"},{"type":"integer"}]})")
                                      << QByteArray("7.5")
                                      << QStringList { "arguments: fits none of the 2 schemas in anyOf" };
    QTest::newRow("oneOf: two fit") << QByteArray(R"({"oneOf":[{"type":"number"},{"type":"integer"}]})")
                                    << QByteArray("7")
                                    << QStringList { "arguments: fits 2 of the schemas in oneOf, not exactly one" };
    QTest::newRow("allOf: each part reports") << QByteArray(R"({"allOf":[{"required":["a"]},{"required":["b"]}]})")
                                              << QByteArray(R"({"a":1})") << QStringList { "arguments.b: required" };
    QTest::newRow("not") << QByteArray(R"({"not":{"type":"null"}})") << QByteArray("null")
                         << QStringList { "arguments: matches the schema in \"not\"" };
    QTest::newRow("if/then/else") << QByteArray(
        R"({"if":{"properties":{"kind":{"const":"card"}}},"then":{"required":["number"]},"else":{"required":["iban"]}})")
                                  << QByteArray(R"({"kind":"card"})") << QStringList { "arguments.number: required" };
    QTest::newRow("$ref to $defs, nested paths") << QByteArray(
        R"({"type":"object","properties":{"stops":{"type":"array","items":{"$ref":"#/$defs/stop"}}},"$defs":{"stop":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}}})")
                                                 << QByteArray(R"({"stops":[{"name":"Bern"},{"nam":"Thun"}]})")
                                                 << QStringList { "arguments.stops[1].name: required" };
    QTest::newRow("$ref to definitions (draft 7)")
        << QByteArray(R"({"$ref":"#/definitions/id","definitions":{"id":{"type":"integer"}}})") << QByteArray(R"("x")")
        << QStringList { "arguments: expected integer, got string" };
    QTest::newRow("a recursive $ref stops at depth")
        << QByteArray(R"({"type":"object","properties":{"child":{"$ref":"#"}}})")
        << QByteArray(R"({"child":{"child":{"child":{}}}})") << QStringList();
    QTest::newRow("patternProperties") << QByteArray(R"({"patternProperties":{"^x-":{"type":"string"}}})")
                                       << QByteArray(R"({"x-a":"ok","x-b":1,"other":1})")
                                       << QStringList { "arguments.x-b: expected string, got number" };
    QTest::newRow("a false schema refuses everything")
        << QByteArray("false") << QByteArray("{}") << QStringList { "arguments: no value is allowed here" };
    QTest::newRow("an empty schema takes anything")
        << QByteArray("{}") << QByteArray(R"({"a":[1,"b",null]})") << QStringList();
}

void TestJsonSchemaCheck::validate()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, value);
    QFETCH(QStringList, problems);
    QCOMPARE(texts(JsonSchemaCheck::validate(json(value), json(schema))), problems);
}

void TestJsonSchemaCheck::checkSchema_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("a tool's usual schema") << QByteArray(
        R"({"type":"object","properties":{"city":{"type":"string","minLength":1},"days":{"type":"integer","minimum":1,"maximum":14},"tags":{"type":"array","items":{"type":"string"},"uniqueItems":true}},"required":["city"],"additionalProperties":false})")
                                           << QStringList();
    QTest::newRow("an unknown type name")
        << QByteArray(R"({"type":"object","properties":{"city":{"type":"strng"}}})")
        << QStringList { "parameters.properties.city.type: unknown type \"strng\" (known: null, "
                         "boolean, object, array, number, integer, string)" };
    QTest::newRow("an unknown name in a type list")
        << QByteArray(R"({"type":["string","nothing"]})")
        << QStringList {
               "parameters.type[1]: unknown type \"nothing\" (known: null, boolean, object, array, number, integer, "
               "string)"
           };
    QTest::newRow("required as a string") << QByteArray(R"({"type":"object","required":"city"})")
                                          << QStringList { "parameters.required: must be a list of property names" };
    QTest::newRow("properties as a list") << QByteArray(R"({"type":"object","properties":["city"]})")
                                          << QStringList { "parameters.properties: must be an object of schemas" };
    QTest::newRow("a property that is not a schema")
        << QByteArray(R"({"properties":{"city":"string"}})")
        << QStringList { "parameters.properties.city: not a schema (expected an object, or true or false)" };
    QTest::newRow("a negative minLength")
        << QByteArray(R"({"minLength":-1})")
        << QStringList { "parameters.minLength: must be a whole number of 0 or more" };
    QTest::newRow("minimum as text") << QByteArray(R"({"minimum":"1"})")
                                     << QStringList { "parameters.minimum: must be a number" };
    QTest::newRow("multipleOf 0") << QByteArray(R"({"multipleOf":0})")
                                  << QStringList { "parameters.multipleOf: must be a number greater than 0" };
    QTest::newRow("an empty anyOf") << QByteArray(R"({"anyOf":[]})")
                                    << QStringList { "parameters.anyOf: must be a non-empty list of schemas" };
    QTest::newRow("enum not a list") << QByteArray(R"({"enum":"a"})")
                                     << QStringList { "parameters.enum: must be a list of values" };
    QTest::newRow("a broken pattern") << QByteArray(R"({"pattern":"(a"})")
                                      << QStringList { "parameters.pattern: not a valid regular expression: missing "
                                                       "closing parenthesis" };
    QTest::newRow("a $ref that does not resolve")
        << QByteArray(R"({"$ref":"#/$defs/missing"})")
        << QStringList { "parameters.$ref: #/$defs/missing does not name a schema in "
                         "this document" };
    QTest::newRow("a $ref to another document")
        << QByteArray(R"({"$ref":"https://example.com/s.json"})")
        << QStringList {
               "parameters.$ref: https://example.com/s.json is outside this schema: only references within it "
               "(#/$defs/...) work"
           };
    QTest::newRow("a $ref into $defs resolves")
        << QByteArray(R"({"properties":{"a":{"$ref":"#/$defs/a"}},"$defs":{"a":{"type":"string"}}})") << QStringList();
    QTest::newRow("problems deep inside items")
        << QByteArray(R"({"type":"array","items":{"type":"object","properties":{"n":{"maxItems":"2"}}}})")
        << QStringList { "parameters.items.properties.n.maxItems: must be a whole number of 0 or more" };
    QTest::newRow("not a schema at all") << QByteArray(
        R"("object")") << QStringList { "parameters: not a schema (expected an object, or true or false)" };
}

void TestJsonSchemaCheck::checkSchema()
{
    QFETCH(QByteArray, schema);
    QFETCH(QStringList, problems);
    QCOMPARE(texts(JsonSchemaCheck::checkSchema(json(schema))), problems);
}

QTEST_GUILESS_MAIN(TestJsonSchemaCheck)
#include "tst_JsonSchemaCheck.moc"
