/**
 * The cloud client layer, bundled alone as `dist/cloud.js` and required lazily by the extension
 * (the Google client costs ~120 ms to load). Same calls for the local emulator and Google Cloud.
 */
export { CloudClient, createCloudClient, statusOf } from './cloudClient';
export type { CloudClientOptions } from './cloudClient';
export type { RetryOptions } from './retry';
export { describeCloudError } from './describeCloudError';
export type * from './types';
export { adcTokenProvider } from './adcTokens';
