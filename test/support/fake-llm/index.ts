// Fake chat servers (OpenAI and Ollama protocols) for tests: one public door.
export { CHAT_ROUTES, type ChatProtocol, pieces } from "./protocols.js";
export {
  type ChatServerOptions,
  FakeChatServer,
  isAnswerRequest,
  type Received,
  type Responder,
  type Script,
} from "./server.js";
