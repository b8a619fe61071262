/**
 * Connector methods that are not in Google's published API descriptions, written by hand from
 * Google's connector pages and samples (CONNECTORS.md, WORKFLOWS-LANGUAGE.md §5): the helpers
 * `executions.run`, Secret Manager `accessString`/`addVersionString`, and the `gke.*` functions.
 */
import type { MethodData, ParamData } from './types';

function helper(name: string, doc: string, args: [string, string, string][], required: string[], extra: Partial<MethodData> = {}): MethodData {
  return { name, http: '', url: '', path: [], query: args.map(([n, type, d]) => ({ name: n, type, doc: d })), required, helper: true, doc, ...extra };
}

function executionsRun(version: 'v1' | 'v1beta'): MethodData {
  const args: [string, string, string][] = [
    ['workflow_id', 'string', 'The ID of the workflow to run.'],
    ['location', 'string', "The workflow's location; the caller's location by default."],
    ['project_id', 'string', "The workflow's project; the caller's project by default."],
    ['argument', 'any', 'The runtime argument as a value (not a JSON string).'],
  ];
  if (version === 'v1') args.push(['callLogLevel', 'string', 'LOG_ALL_CALLS, LOG_ERRORS_ONLY or LOG_NONE.']);
  return helper(
    'projects.locations.workflows.executions.run',
    "Runs a workflow, waits for it to finish and returns its decoded result; a failed or cancelled run raises an OperationError.",
    args,
    ['workflow_id'],
    { lro: true, response: 'any' },
  );
}

/**
 * Query parameters a connector accepts that the published description moved into the request body:
 * Google's Translation v2 samples pass `q`, `target`, `format` and `source` as arguments.
 */
export const EXTRA_QUERY: Readonly<Record<string, readonly ParamData[]>> = {
  'translate.v2.translations.translate': [
    { name: 'q', type: 'string[]', doc: 'The text to translate; repeat for several strings.' },
    { name: 'target', type: 'string', doc: 'The language to translate into, e.g. es.' },
    { name: 'source', type: 'string', doc: 'The language of the text; detected when omitted.' },
    { name: 'format', type: 'string', doc: 'html (default) or text.' },
    { name: 'model', type: 'string', doc: 'The translation model: base or nmt.' },
  ],
};

/**
 * Google's standard query parameters, accepted by every REST method (`alt: media` downloads a
 * Storage object; `uploadType` picks the upload protocol).
 */
export const STANDARD_PARAMS: readonly ParamData[] = [
  { name: 'alt', type: 'string', doc: 'Data format for the response: json (default) or media.' },
  { name: 'fields', type: 'string', doc: 'Selector specifying which fields to include in a partial response.' },
  { name: 'uploadType', type: 'string', doc: 'Upload protocol for media, e.g. media, multipart or resumable.' },
  { name: 'prettyPrint', type: 'boolean', doc: 'Returns the response with indentations and line breaks.' },
  { name: 'quotaUser', type: 'string', doc: 'An arbitrary string that identifies a user, for per-user quotas.' },
  // Google's demos pass query parameters as a map too (`query: {project: p}` on storage buckets.insert).
  { name: 'query', type: 'map', doc: 'A map of query parameters, sent as they are.' },
];

/** Helpers by `api.version`. */
export const HELPERS: Readonly<Record<string, readonly MethodData[]>> = {
  'workflowexecutions.v1': [executionsRun('v1')],
  'workflowexecutions.v1beta': [executionsRun('v1beta')],
  'secretmanager.v1': [
    helper(
      'projects.secrets.versions.accessString',
      'Accesses a secret version and returns its data decoded as a string.',
      [
        ['secret_id', 'string', 'The ID of the secret.'],
        ['version', 'string', 'The version to access; "latest" by default.'],
        ['project_id', 'string', "The secret's project; the workflow's project by default."],
      ],
      ['secret_id'],
      { response: 'string' },
    ),
    helper(
      'projects.secrets.addVersionString',
      'Adds a new version to a secret, with the string `data` as its payload.',
      [
        ['secret_id', 'string', 'The ID of the secret.'],
        ['project_id', 'string', "The secret's project; the workflow's project by default."],
        ['data', 'string', 'The secret data, as a string.'],
      ],
      ['secret_id', 'data'],
      { response: 'SecretVersion' },
    ),
  ],
};

const CLUSTER: [string, string, string][] = [
  ['project', 'string', "The cluster's project ID."],
  ['location', 'string', "The cluster's location (region or zone)."],
  ['cluster_id', 'string', 'The name of the GKE cluster.'],
];

const NAMESPACE: [string, string, string] = ['namespace', 'string', 'The namespace; "default" by default.'];
const JOB: [string, string, string][] = [...CLUSTER, ['job_name', 'string', 'The name of the Job.'], NAMESPACE];

/** The Kubernetes API connector (`gke.*`): calls a GKE cluster's control plane. */
export const GKE_METHODS: readonly MethodData[] = [
  helper(
    'request',
    "Sends a request to the Kubernetes API of a GKE cluster's control plane and returns the response body.",
    [
      ...CLUSTER,
      ['method', 'string', 'The HTTP method: GET by default.'],
      ['path', 'string', 'The Kubernetes API path, e.g. /apis/apps/v1/namespaces/default/deployments.'],
      ['query', 'map', 'Query parameters.'],
      ['headers', 'map', 'Request headers.'],
      ['body', 'any', 'The request body, sent as JSON.'],
      ['timeout', 'number', 'Request timeout in seconds.'],
    ],
    ['cluster_id', 'path'],
  ),
  helper(
    'create_job',
    'Creates a Kubernetes Job in a GKE cluster and returns it.',
    [...CLUSTER, NAMESPACE, ['job', 'map', 'The Job manifest (apiVersion batch/v1, kind Job, metadata, spec).']],
    ['cluster_id', 'job'],
  ),
  helper(
    'await_job',
    'Waits for a Kubernetes Job to finish and returns it; a failed Job raises an error.',
    [...JOB, ['timeout', 'number', 'How long to wait, in seconds.']],
    ['cluster_id', 'job_name'],
    { lro: true },
  ),
  helper(
    'delete_job',
    'Deletes a Kubernetes Job from a GKE cluster.',
    [...JOB, ['query', 'map', 'Query parameters, e.g. propagationPolicy: Foreground.']],
    ['cluster_id', 'job_name'],
  ),
];
