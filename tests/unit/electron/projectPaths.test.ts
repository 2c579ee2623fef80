import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  projectPathFromArgv,
  suggestedFileName,
  withProjectExtension,
} from '../../../electron/main/projectPaths';

describe('opening a project passed at launch', () => {
  it('finds the project among Electron’s own arguments', () => {
    expect(projectPathFromArgv(['.', '--no-sandbox', '/home/me/Be kind.kindness'], '/tmp')).toBe(
      '/home/me/Be kind.kindness',
    );
    expect(projectPathFromArgv(['--inspect=0', 'story.KINDNESS'], '/home/me')).toBe(
      join('/home/me', 'story.KINDNESS'),
    );
    expect(projectPathFromArgv(['sample.kindness.json'], '/w')).toBe(join('/w', 'sample.kindness.json'));
  });

  it('opens nothing when no project was passed', () => {
    expect(projectPathFromArgv(['.', '--flag', 'notes.txt'], '/tmp')).toBeNull();
    expect(projectPathFromArgv(['--file=x.kindness'], '/tmp')).toBeNull();
  });
});

describe('save names', () => {
  it('adds the project extension when the dialog left it out', () => {
    expect(withProjectExtension('/p/My story')).toBe('/p/My story.kindness');
    expect(withProjectExtension('/p/My story.kindness')).toBe('/p/My story.kindness');
  });

  it('suggests a file name from the title, without characters file systems refuse', () => {
    expect(suggestedFileName('Be the Reason')).toBe('Be the Reason.kindness');
    expect(suggestedFileName('a/b:c*?"<>|')).toBe('a b c.kindness');
    expect(suggestedFileName('   ')).toBe('Untitled.kindness');
    expect(suggestedFileName('..hidden')).toBe('hidden.kindness');
  });
});
