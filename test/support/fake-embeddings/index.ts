// Fake embedding servers (Ollama and OpenAI protocols) for tests: one public door.
export { type Protocol, ROUTES } from "./protocols.js";
export { type Failure, FakeEmbeddingServer, type Received, type StartOptions } from "./server.js";
export { fakeVector } from "./vectors.js";
