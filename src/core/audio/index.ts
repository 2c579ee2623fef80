export { audibleClip, clipGainAt, type AudibleClip } from './clip';
