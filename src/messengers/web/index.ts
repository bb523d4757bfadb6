// The web chat adapter (the page served by src/web): one public door.
export { forPage, type OpenStream } from "./events.js";
export { type CountdownOf, createWebOutbox, toWire } from "./render.js";
export { type Listener, ROOM_LIMITS, Rooms, type WireMessage } from "./rooms.js";
export { type WebChatDeps, webChatRoutes } from "./routes.js";
export { errorBody, MAX_NAME, MAX_TEXT } from "./schemas.js";
