// The official OpenAI SDK as a client of the Switchyard gateway. Usage:
//   node openai-client.mjs <baseURL ending in /v1>
//        <complete|stream|models|tools|tools-stream|parse|embeddings|responses|responses-stream|responses-tools> <model> [apiKey]
// Prints one JSON object: what the SDK returned, or the error it raised.
import OpenAI from 'openai';
import { standardResponseFormat } from 'openai/helpers/standard-schema';

const [baseURL, mode, model, apiKey = 'not-needed-on-loopback'] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 20000 });
const messages = [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: 'Say hello to the gateway test.' },
];

const tools = [{
  type: 'function',
  function: {
    name: 'get_weather', description: 'Weather for a city',
    parameters: {
      type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
      required: ['city'],
    },
  },
}];
const toolMessages = [{ role: 'user', content: 'What is the weather in Paris?' }];

// A minimal Standard Schema (what zod and valibot implement) with its JSON Schema given: the SDK's
// parse() sends the schema as response_format json_schema and validates the answer through it.
const weatherSchema = {
  type: 'object', properties: { temp: { type: 'number' }, sky: { type: 'string', enum: ['clear', 'cloudy'] } },
  required: ['temp', 'sky'], additionalProperties: false,
};
const weather = {
  '~standard': {
    version: 1, vendor: 'switchyard-test',
    validate: (value) => (typeof value?.temp === 'number' && ['clear', 'cloudy'].includes(value?.sky)
      ? { value } : { issues: [{ message: 'not a weather object' }] }),
  },
};

function toolCallOf(message) {
  const call = message.tool_calls?.[0];
  return call ? { toolId: call.id, toolName: call.function.name, arguments: JSON.parse(call.function.arguments) } : {};
}

function print(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

try {
  if (mode === 'models') {
    const ids = [];
    for await (const entry of client.models.list()) ids.push(entry.id);
    print({ ok: true, ids });
  } else if (mode === 'stream') {
    // The SDK's stream helper checks the chunk sequence and assembles the final completion.
    const stream = client.chat.completions.stream({
      model, messages, stream: true, stream_options: { include_usage: true },
    });
    let chunks = 0;
    let deltaText = '';
    let roleChunks = 0;
    let usageChunks = 0;
    for await (const chunk of stream) {
      chunks++;
      if (chunk.object !== 'chat.completion.chunk') throw new Error('unexpected object ' + chunk.object);
      if (chunk.usage) usageChunks++;
      for (const choice of chunk.choices) {
        if (choice.delta.role) roleChunks++;
        if (choice.delta.content) deltaText += choice.delta.content;
      }
    }
    const final = await stream.finalChatCompletion();
    print({
      ok: true, chunks, roleChunks, usageChunks, deltaText,
      text: final.choices[0].message.content, finish: final.choices[0].finish_reason,
      usage: final.usage ?? null, model: final.model,
    });
  } else if (mode === 'tools') {
    const response = await client.chat.completions.create({ model, messages: toolMessages, tools });
    const choice = response.choices[0];
    print({ ok: true, finish: choice.finish_reason, content: choice.message.content, ...toolCallOf(choice.message) });
  } else if (mode === 'tools-stream') {
    // The stream helper assembles tool calls from their pieces (id and name first, arguments by index).
    const stream = client.chat.completions.stream({ model, messages: toolMessages, tools, stream: true });
    let argumentPieces = 0;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta?.tool_calls ?? []) {
        if (call.function?.arguments) argumentPieces++;
      }
    }
    const final = await stream.finalChatCompletion();
    const choice = final.choices[0];
    print({ ok: true, finish: choice.finish_reason, argumentPieces, ...toolCallOf(choice.message) });
  } else if (mode === 'parse') {
    const response = await client.chat.completions.parse({
      model, messages: [{ role: 'user', content: 'Weather in Paris as JSON.' }],
      response_format: standardResponseFormat(weather, 'weather', { schema: weatherSchema }),
    });
    print({ ok: true, finish: response.choices[0].finish_reason, parsed: response.choices[0].message.parsed });
  } else if (mode === 'responses') {
    const response = await client.responses.create({
      model, instructions: 'Answer briefly.', input: 'Say hello to the gateway test.', max_output_tokens: 300,
    });
    print({
      ok: true, object: response.object, status: response.status, model: response.model,
      text: response.output_text, types: response.output.map((item) => item.type), usage: response.usage,
    });
  } else if (mode === 'responses-stream') {
    const stream = await client.responses.create({ model, input: 'Say hello to the gateway test.', stream: true });
    const types = [];
    let deltaText = '';
    let ordered = true;
    let final = null;
    for await (const event of stream) {
      if (event.sequence_number !== types.length) ordered = false;
      types.push(event.type);
      if (event.type === 'response.output_text.delta') deltaText += event.delta;
      if (event.type === 'response.completed') final = event.response;
    }
    const message = final?.output?.find((item) => item.type === 'message');
    print({
      ok: true, first: types[0], last: types[types.length - 1], count: types.length, ordered, deltaText,
      text: message?.content?.[0]?.text ?? null, status: final?.status ?? null, usage: final?.usage ?? null,
    });
  } else if (mode === 'responses-tools') {
    // A function call, then its output sent back with the first answer's items as the next input;
    // and the SDK's stream helper, which rebuilds the response from the events and checks them.
    const responseTools = tools.map((tool) => ({ type: 'function', ...tool.function }));
    const question = 'What is the weather in Paris?';
    const first = await client.responses.create({ model, input: question, tools: responseTools });
    const call = first.output.find((item) => item.type === 'function_call');
    const second = await client.responses.create({
      model, tools: responseTools,
      input: [{ role: 'user', content: question }, ...first.output,
        { type: 'function_call_output', call_id: call.call_id, output: '{"temp": 21}' }],
    });
    const stream = client.responses.stream({ model, input: question, tools: responseTools });
    let argumentPieces = 0;
    stream.on('response.function_call_arguments.delta', () => { argumentPieces++; });
    const streamed = await stream.finalResponse();
    const streamedCall = streamed.output.find((item) => item.type === 'function_call');
    print({
      ok: true, toolName: call.name, callId: call.call_id, arguments: JSON.parse(call.arguments),
      secondText: second.output_text, secondTypes: second.output.map((item) => item.type),
      streamedName: streamedCall?.name ?? null, streamedArguments: JSON.parse(streamedCall?.arguments ?? 'null'),
      argumentPieces,
    });
  } else if (mode === 'embeddings') {
    // Without encoding_format the SDK asks for base64 and decodes it to floats itself.
    const packed = await client.embeddings.create({ model, input: ['first text', 'second text'] });
    const floats = await client.embeddings.create({ model, input: 'first text', encoding_format: 'float' });
    print({
      ok: true, object: packed.object, model: packed.model, count: packed.data.length,
      indexes: packed.data.map((item) => item.index), dimensions: packed.data[0].embedding.length,
      first: Array.from(packed.data[0].embedding), floatFirst: floats.data[0].embedding, usage: packed.usage,
    });
  } else {
    const response = await client.chat.completions.create({ model, messages });
    print({
      ok: true, object: response.object, id: response.id, model: response.model,
      text: response.choices[0].message.content, finish: response.choices[0].finish_reason,
      usage: response.usage,
    });
  }
} catch (error) {
  print({
    ok: false, name: error?.constructor?.name ?? 'Error', isApiError: error instanceof OpenAI.APIError,
    status: error?.status ?? null, code: error?.code ?? null, type: error?.type ?? null,
    message: String(error?.message ?? error),
  });
}
