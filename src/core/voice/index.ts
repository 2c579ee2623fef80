export {
  AlignTooLongError,
  MAX_ALIGN_SECONDS,
  alignScript,
  type AlignInput,
  type AlignedCaption,
  type AlignedWord,
  type AlignmentResult,
} from './alignScript';
export { countSyllables, guessLanguage, type VoiceLanguage } from './syllables';
export { voiceFeatures, FRAME_SECONDS, type VoiceFeatures } from './features';
export { lipSync, type LipSyncCue, type LipSyncInput, type MouthVoice, type MouthWord } from './lipSync';
