/** Entry of the export process (built to exportWorker.js beside the web host and Electron main). */
import { useFrameFriendlyMalloc } from '../../../export/ffmpeg/mallocTunables';
import { runExportWorker } from './exportWorker';

useFrameFriendlyMalloc();
runExportWorker();
