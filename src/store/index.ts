/** The progress database's public surface: open it, and the shapes it stores. */
export {openStore, type OpenOptions} from './open-store.js';
export {openStoreSoon, type DeferredStore} from './deferred-store.js';
export {progressFolder} from './location.js';
export type {NewAttempt, NewRound, ProgressStore, RoundMode, StoredAttempt, StoredCheck, StoredRound, StoredScore} from './types.js';
