/**
 * Shapes of the connector catalogue: one `ApiData` per connector API and version, as generated
 * from Google's published API descriptions (scripts/connectors/generate.ts) or written by hand.
 */

/** A path or query parameter, or a helper's argument. */
export interface ParamData {
  readonly name: string;
  /** The TypeScript type text of the source package (`string`, `number`, `string[]`, `boolean`). */
  readonly type?: string;
  /** First paragraph of Google's description, trimmed. */
  readonly doc: string;
}

/** One connector method, relative to its API and version. */
export interface MethodData {
  /** Resource path and method, e.g. `projects.topics.publish`. */
  readonly name: string;
  /** GET, POST, PUT, PATCH or DELETE; `''` for connector-only helpers, which are not one REST call. */
  readonly http: string;
  /** RFC 6570 template relative to the API's root URL, e.g. `v1/{+topic}:publish`. */
  readonly url: string;
  /** Path parameters, in template order; all required. */
  readonly path: readonly ParamData[];
  /** Query parameters (for helpers: their arguments). */
  readonly query: readonly ParamData[];
  /** Required parameters besides the path ones (query parameters the API marks required, helper arguments). */
  readonly required?: readonly string[];
  /** The request body's type name; absent when the method takes no body. */
  readonly body?: string;
  /** The response type name; absent for an empty response. */
  readonly response?: string;
  /** True when the connector waits on a long-running operation before returning. */
  readonly lro?: boolean;
  /** True for methods that also accept a media upload (only the metadata part is a connector argument). */
  readonly upload?: boolean;
  /** True for connector-only helpers such as `executions.run`. */
  readonly helper?: boolean;
  readonly doc: string;
}

/** Every method of one API version. */
export interface ApiData {
  readonly api: string;
  readonly version: string;
  /** e.g. `https://pubsub.googleapis.com/`. */
  readonly rootUrl: string;
  /** Where the data came from, e.g. `googleapis@188.0.0`. */
  readonly source: string;
  readonly methods: readonly MethodData[];
}

/** Reads the generated data of one API version; undefined when there is none. */
export type ApiDataLoader = (api: string, version: string) => ApiData | undefined;
