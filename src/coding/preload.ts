/**
Loaded with `--import` before the pyodide child: under Node's permission model
`process.binding()` throws, and pyodide's NODEFS calls `process.binding("constants")`
once at start-up. This answers that one call from `fs.constants`.
*/
import {constants} from 'node:fs';

const host = process as unknown as {binding: (name: string) => unknown};
const binding = host.binding.bind(process);
host.binding = (name: string) => (name === 'constants' ? {fs: constants, os: {}} : binding(name));
