/**
The interactive app never touches the network. Removing `fetch` before Ink
loads makes that structural, and keeps Node from loading its HTTP client at
start-up: yoga-layout (Ink's layout engine) otherwise reads its built-in
WebAssembly through `fetch` of a data: URL, about 20 ms before the first
frame. Without `fetch` it decodes the same bytes directly.

Imported first by `run-app.tsx`, so it runs before Ink's modules do.
*/
Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});

export {};
