import { describe, expect, it } from 'vitest';
import { levelPercent } from '../../../src/app/features/audio/recording/levelMeter';
import { MIC_MESSAGES, micMessage, micProblem } from '../../../src/app/features/audio/recording/micErrors';
import { bytesToBase64, encodeWav, joinChunks } from '../../../src/app/features/audio/recording/wav';

describe('a recording as a WAV file', () => {
  it('is 16-bit mono PCM at the take’s rate, sample for sample', () => {
    const samples = joinChunks([new Float32Array([0, 0.5]), new Float32Array([-0.5, 1, -1, 2])]);
    const wav = Buffer.from(encodeWav(samples, 48000));
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)]).toEqual([
      1, 1, 48000, 16,
    ]);
    expect(wav.readUInt32LE(40)).toBe(12);
    const values = Array.from({ length: 6 }, (_, i) => wav.readInt16LE(44 + i * 2));
    // Out-of-range samples are clipped, never wrapped round.
    expect(values).toEqual([0, 16384, -16384, 32767, -32768, 32767]);
    expect(Buffer.from(bytesToBase64(wav), 'base64').equals(wav)).toBe(true);
  });
});

describe('the level meter', () => {
  it('reads in decibels: silence empty, full scale full, -20 dBFS at two thirds', () => {
    expect(levelPercent(0)).toBe(0);
    expect(levelPercent(0.0005)).toBe(0);
    expect(levelPercent(1)).toBe(100);
    expect(levelPercent(0.1)).toBe(67);
    expect(levelPercent(Number.NaN)).toBe(0);
  });
});

describe('microphone messages', () => {
  it('name the problem a creator can fix', () => {
    const error = (name: string) => new DOMException('x', name);
    expect(micProblem(error('NotFoundError'))).toBe('none-found');
    expect(micProblem(error('NotAllowedError'))).toBe('refused');
    expect(micProblem(error('NotReadableError'))).toBe('busy');
    expect(micProblem(new TypeError('no mediaDevices'))).toBe('unsupported');
    expect(micProblem('weird')).toBe('other');
    expect(micMessage(error('NotFoundError'))).toMatch(/^No microphone found\./);
    expect(micMessage(error('NotAllowedError'))).toMatch(/not allowed to use the microphone/);
    for (const message of Object.values(MIC_MESSAGES)) expect(message).not.toMatch(/Error|DOMException/);
  });
});
