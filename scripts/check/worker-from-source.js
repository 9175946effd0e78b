// Starts a worker from the TypeScript sources (when the CLI runs through tsx
// rather than the bundle in build/): registers tsx in this thread, then loads it.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
