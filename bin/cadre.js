#!/usr/bin/env node
// Runs the TypeScript entry point through tsx, so `cadre` works from a checkout after `npm install`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
