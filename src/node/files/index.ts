/** Node-only file primitives: the one atomic writer, name reservations, regular-file reads. */
export {
  commitTemp,
  copyIntoTemp,
  createExclusive,
  moveIntoPlace,
  PRIVATE_MODE,
  reserveTempFile,
  syncFolder,
  writeFileAtomic,
  writeNewFileAtomic,
  type ReplacePolicy,
  type TempFile,
  type WriteData,
  type WriteOptions,
} from './atomicWriter';
export { codedError, describeFileError, errorCode, isDiskFull } from './fileErrors';
export { HOST_TAG, processIsAlive, STALE_AFTER_MS } from './owner';
export {
  kindOf,
  openRegularFile,
  READ_TIMEOUT_MS,
  readRegularFile,
  readRegularFileHead,
  statRegularFile,
  withTimeout,
} from './readRegularFile';
export {
  reservationPath,
  reserveFreeNames,
  reserveNames,
  type Reservation,
  type ReserveResult,
} from './reserveNames';
export {
  claimWriterTemp,
  parseWriterTempName,
  releaseWriterTemp,
  removeStaleWriterTemps,
  writerTempPath,
} from './tempNames';
export { removeStaleLeftovers } from './cleanLeftovers';
export { removeStaleReservations } from './reserveNames';
