// The extension's zod: `zod/mini`, the same validator as classic zod in a fraction of the bundle (its methods
// are functions esbuild drops when unused). Unlike classic zod, mini registers no messages of its own, so
// English is set here as the default; extension.ts switches to French for a French VS Code.
// Import it as a namespace (`import * as z from './zod'`): esbuild then keeps only the functions used.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

if (!config().localeError) config(en());

export * from 'zod/mini';
