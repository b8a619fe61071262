/**
 * The connector APIs Google lists ("Connectors reference", List of supported connectors), with the
 * versions Workflows serves and the long-running-operation types each connector waits on (Google's
 * table). Small and always loaded: unknown API and version names are found without reading the
 * generated method data.
 */
import type { ParamData } from './types';

/** A synthetic argument, for every version unless `versions` says which. */
export interface SyntheticParam extends ParamData {
  readonly versions?: readonly string[];
}

export interface ConnectorApiInfo {
  /** The name after `googleapis.` (or `gke`). */
  readonly name: string;
  readonly versions: readonly string[];
  readonly product: string;
  /** Type-name endings of the operations the connector waits on (Google's "Long-running operation type" column). */
  readonly lroTypes: readonly string[];
  /** `resource.method`s whose response matches an LRO type but that return at once. */
  readonly lroExclusions?: readonly string[];
  /**
   * Arguments the connector adds to every method that are not REST parameters: they pick a regional
   * endpoint (Google's aiplatform, documentai and integrations pages).
   */
  readonly synthetic?: readonly SyntheticParam[];
  /** True when the methods come from another version of the published description (see `derivedFrom`). */
  readonly derivedFrom?: string;
  /** True for the non-REST `gke` connector, written by hand. */
  readonly handWritten?: boolean;
}

const REGION: ParamData = {
  name: 'region',
  type: 'string',
  doc: 'Region of the HTTP endpoint, e.g. us-central1: the connector calls https://us-central1-aiplatform.googleapis.com.',
};

const LOCATION: ParamData = {
  name: 'location',
  type: 'string',
  doc: 'Location of the HTTP endpoint, e.g. us or eu: the connector calls that location\'s regional endpoint.',
};

/** The 30 `googleapis.*` connector APIs and `gke`, in Google's table order. */
export const CONNECTOR_APIS: readonly ConnectorApiInfo[] = [
  { name: 'ml', versions: ['v1'], product: 'AI Platform Training', lroTypes: ['__Job'] },
  // googleapis@188 has no integrations v1; v1alpha has the same resources under a different version.
  { name: 'integrations', versions: ['v1'], product: 'Application Integration', lroTypes: [], synthetic: [LOCATION], derivedFrom: 'v1alpha' },
  { name: 'batch', versions: ['v1'], product: 'Batch', lroTypes: ['Job', 'Operation'] },
  { name: 'bigquery', versions: ['v2'], product: 'BigQuery', lroTypes: ['Job'] },
  { name: 'bigquerydatatransfer', versions: ['v1'], product: 'BigQuery Data Transfer Service', lroTypes: ['TransferRun'] },
  { name: 'cloudbuild', versions: ['v1', 'v2'], product: 'Cloud Build', lroTypes: ['Operation'] },
  { name: 'cloudfunctions', versions: ['v1', 'v2'], product: 'Cloud Run functions', lroTypes: ['Operation'] },
  { name: 'language', versions: ['v1', 'v2'], product: 'Cloud Natural Language API', lroTypes: [] },
  // Cloud Run v1's namespaces API is served by regional endpoints; Google's sample passes `location`.
  { name: 'run', versions: ['v1', 'v2'], product: 'Cloud Run', lroTypes: [], synthetic: [{ ...LOCATION, doc: 'Region of the Cloud Run v1 endpoint, e.g. us-central1.', versions: ['v1'] }] },
  { name: 'cloudscheduler', versions: ['v1'], product: 'Cloud Scheduler', lroTypes: [] },
  { name: 'sqladmin', versions: ['v1', 'v1beta4'], product: 'Cloud SQL', lroTypes: ['Operation'] },
  { name: 'storage', versions: ['v1'], product: 'Cloud Storage', lroTypes: [] },
  { name: 'cloudtasks', versions: ['v2'], product: 'Cloud Tasks', lroTypes: [] },
  { name: 'translate', versions: ['v2', 'v3', 'v3beta1'], product: 'Cloud Translation', lroTypes: ['Operation'] },
  { name: 'compute', versions: ['v1', 'beta'], product: 'Compute Engine', lroTypes: ['Operation'] },
  { name: 'dataflow', versions: ['v1b3'], product: 'Dataflow', lroTypes: ['Job'] },
  { name: 'documentai', versions: ['v1', 'v1beta3'], product: 'Document AI', lroTypes: ['Operation', 'Processor'], synthetic: [LOCATION] },
  { name: 'firestore', versions: ['v1'], product: 'Firestore', lroTypes: ['Operation'] },
  { name: 'forms', versions: ['v1'], product: 'Google Forms', lroTypes: [] },
  { name: 'container', versions: ['v1'], product: 'Google Kubernetes Engine', lroTypes: ['Operation'] },
  { name: 'sheets', versions: ['v4'], product: 'Google Sheets', lroTypes: [] },
  { name: 'gke', versions: [], product: 'Kubernetes API (control plane)', lroTypes: [], handWritten: true },
  { name: 'pubsub', versions: ['v1'], product: 'Pub/Sub', lroTypes: [] },
  { name: 'cloudresourcemanager', versions: ['v1', 'v2', 'v3'], product: 'Resource Manager', lroTypes: [] },
  { name: 'secretmanager', versions: ['v1'], product: 'Secret Manager', lroTypes: [] },
  { name: 'spanner', versions: ['v1'], product: 'Spanner', lroTypes: ['Operation'] },
  { name: 'storagetransfer', versions: ['v1'], product: 'Storage Transfer Service', lroTypes: ['Operation'] },
  { name: 'transcoder', versions: ['v1'], product: 'Transcoder API', lroTypes: ['Job'] },
  {
    name: 'aiplatform',
    versions: ['v1', 'v1beta1'],
    product: 'Vertex AI',
    lroTypes: ['Artifact', 'Execution', 'Job', 'Operation', 'Schedule', 'Study', 'Trial'],
    synthetic: [REGION],
  },
  { name: 'workflows', versions: ['v1', 'v1beta'], product: 'Workflows', lroTypes: ['Operation'] },
  {
    name: 'workflowexecutions',
    versions: ['v1', 'v1beta'],
    product: 'Workflows',
    lroTypes: ['Execution'],
    // `create` and `cancel` return the Execution at once (REST semantics, WORKFLOWS-LANGUAGE.md §5.2);
    // the `run` helper is the one that waits.
    lroExclusions: ['projects.locations.workflows.executions.create', 'projects.locations.workflows.executions.cancel'],
  },
];

const byName = new Map(CONNECTOR_APIS.map((a) => [a.name, a]));

/** The API with this name (`storage`, `gke`), if Google lists a connector for it. */
export function connectorApi(name: string): ConnectorApiInfo | undefined {
  return byName.get(name);
}

/** Google's reference page of a connector method (or of the API's overview when `method` is omitted). */
export function referenceUrl(api: string, version?: string, method?: string): string {
  if (api === 'gke') return 'https://cloud.google.com/workflows/docs/reference/connectors/gke/Overview';
  const base = `https://cloud.google.com/workflows/docs/reference/googleapis/${api}`;
  if (!version || !method) return `${base}/Overview`;
  const dot = method.lastIndexOf('.');
  return dot < 0 ? `${base}/${version}/Overview` : `${base}/${version}/${method.slice(0, dot)}/${method.slice(dot + 1)}`;
}
