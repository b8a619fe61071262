/** Every unit test sees the generated connector catalogue, as the CLI and the extension do. */
import { installConnectorData } from '../../../src/engine/connectors/dataFiles';

installConnectorData();
