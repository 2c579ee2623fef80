/** Entry of a voice worker thread (built to voiceWorker.js beside the web host and Electron main). */
import { parentPort } from 'node:worker_threads';
import { runVoiceJob, type VoiceJob } from './voiceJob';

// One job per thread: the runner ends the thread once it has the answer (or to stop it).
parentPort?.once('message', (job: VoiceJob) => {
  parentPort?.postMessage(runVoiceJob(job));
});
