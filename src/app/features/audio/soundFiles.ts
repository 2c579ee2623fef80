/** Sound files the studio takes, as a file picker filter and a check on dropped files. */
export const SOUND_ACCEPT = '.mp3,.wav,.m4a,.ogg,.oga,audio/mpeg,audio/wav,audio/mp4,audio/x-m4a,audio/ogg';

const SOUND_NAME = /\.(mp3|wav|m4a|ogg|oga|aac|flac|opus)$/i;

/** Whether a file is meant as a sound (the host checks its bytes; this only routes it). */
export function isSoundFile(file: File): boolean {
  return file.type.startsWith('audio/') || SOUND_NAME.test(file.name);
}

/** A file's bytes as base64, the way asset bytes cross the host boundary. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
