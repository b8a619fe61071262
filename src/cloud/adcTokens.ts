/**
 * Access tokens from Application Default Credentials for live connector calls, one GoogleAuth per
 * set of scopes (the workflow's `connector_params.scopes`); google-auth-library caches and
 * refreshes the tokens. The token is only ever put in the Authorization header, never logged.
 */
import { GoogleAuth } from 'google-auth-library';

/** Structurally the engine's `TokenProvider`. */
export interface AdcTokenProvider {
  token(scopes: readonly string[]): Promise<string>;
}

export function adcTokenProvider(): AdcTokenProvider {
  const byScopes = new Map<string, GoogleAuth>();
  return {
    async token(scopes) {
      const key = [...scopes].sort().join(' ');
      let auth = byScopes.get(key);
      if (!auth) {
        auth = new GoogleAuth({ scopes: [...scopes] });
        byScopes.set(key, auth);
      }
      const token = await auth.getAccessToken();
      if (!token) throw new Error('Application Default Credentials gave no access token');
      return token;
    },
  };
}
