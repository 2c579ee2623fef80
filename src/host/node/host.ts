/** The Node host: the contract's channels implemented over the file system. */
export { createNodeHostHandlers, MAX_ASSET_BYTES, type NodeHostOptions } from './hostHandlers';
export { createFolderGuard, type FolderGuard } from './hostFolders';
export { BLANK_TEMPLATE_ID } from './hostTemplates';
export {
  childProcessRunner,
  workerRunner,
  type ExportRunner,
  type FromWorker,
  type ToWorker,
  type WorkerChannel,
} from './export/exportRunner';
export {
  inProcessVoiceRunner,
  workerThreadVoiceRunner,
  type VoiceRunner,
  type WorkerThreadVoiceRunner,
} from './voice/voiceRunner';
