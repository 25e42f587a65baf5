import { mkdtemp, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPath,
  hasEncodedSeparator,
  isInside,
  isWindowsDeviceName,
  resolveInside,
} from '../../../src/adapters/node/safe-path.js';

describe('checkPath', () => {
  it('splits ordinary paths and notes a trailing slash', () => {
    expect(checkPath('/css/site.css', 'ignore')).toEqual({ segments: ['css', 'site.css'], trailingSlash: false });
    expect(checkPath('/docs/', 'ignore')).toEqual({ segments: ['docs'], trailingSlash: true });
    expect(checkPath('/', 'ignore')).toEqual({ segments: [], trailingSlash: true });
    expect(checkPath('', 'ignore')).toEqual({ segments: [], trailingSlash: false });
  });

  it('keeps escapes literally: the path was decoded once already', () => {
    expect(checkPath('/%2e%2e/secret', 'ignore')).toEqual({ segments: ['%2e%2e', 'secret'], trailingSlash: false });
  });

  it.each([
    '/../etc/passwd',
    '/a/../../b',
    '/./a',
    '/a/.',
    '/a//b',
    '/a\\..\\b',
    '/..\\secret',
    '/a\0.txt',
    '/a\n.txt',
    '/CON',
    '/con.txt',
    '/dir/NUL.tar.gz',
    '/com1',
    '/LPT9.log',
    '/aux ',
    'relative/path',
  ])('refuses %j as hostile', (path) => {
    expect(checkPath(path, 'ignore')).toBe('hostile');
    expect(checkPath(path, 'allow')).toBe('hostile');
  });

  it('hides dotfiles in any segment unless allowed', () => {
    expect(checkPath('/.env', 'ignore')).toBe('hidden');
    expect(checkPath('/.git/config', 'ignore')).toBe('hidden');
    expect(checkPath('/a/.hidden/b.txt', 'ignore')).toBe('hidden');
    expect(checkPath('/.well-known/x', 'allow')).toEqual({ segments: ['.well-known', 'x'], trailingSlash: false });
    // A hostile segment after a dotfile is still hostile, not merely hidden.
    expect(checkPath('/.git/../x', 'ignore')).toBe('hostile');
  });
});

describe('isWindowsDeviceName', () => {
  it('matches device names with or without extension, any case', () => {
    for (const name of ['CON', 'prn', 'Aux', 'nul.txt', 'COM1', 'com9.x', 'LPT1', 'lpt3.', 'CONIN$', 'com\u00b9']) {
      expect(isWindowsDeviceName(name)).toBe(true);
    }
    for (const name of ['console', 'contact.html', 'com10', 'lpt', 'nullable', 'auxiliary.txt']) {
      expect(isWindowsDeviceName(name)).toBe(false);
    }
  });
});

describe('hasEncodedSeparator', () => {
  it('finds %2F and %5C in the path but not in the query', () => {
    expect(hasEncodedSeparator('/static/a%2Fb')).toBe(true);
    expect(hasEncodedSeparator('/static/..%5csecret')).toBe(true);
    expect(hasEncodedSeparator('/static/a.txt?next=%2F')).toBe(false);
    expect(hasEncodedSeparator(undefined)).toBe(false);
  });
});

describe('isInside', () => {
  it('needs a separator after the root', () => {
    expect(isInside('/srv/public', '/srv/public')).toBe(true);
    expect(isInside('/srv/public', '/srv/public/a')).toBe(true);
    expect(isInside('/srv/public', '/srv/public2/a')).toBe(false);
    expect(isInside('/srv/public', '/srv')).toBe(false);
    expect(isInside('/', '/etc/passwd')).toBe(true);
  });
});

describe('resolveInside', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await realpath(await mkdtemp(join(tmpdir(), 'tsgi-safe-')));
    root = join(base, 'public');
    await mkdir(join(root, 'sub'), { recursive: true });
    await mkdir(join(base, 'public2'));
    await writeFile(join(root, 'a.txt'), 'a');
    await writeFile(join(root, '.secret'), 's');
    await writeFile(join(base, 'public2', 'b.txt'), 'b');
    await writeFile(join(base, 'outside.txt'), 'o');
    await symlink(join(base, 'outside.txt'), join(root, 'out-link'));
    await symlink(join(base, 'public2'), join(root, 'sibling-link'));
    await symlink(join(root, 'a.txt'), join(root, 'in-link'));
    await symlink(join(root, '.secret'), join(root, 'secret-link'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('resolves files and symlinks that stay inside', async () => {
    expect(await resolveInside(root, ['a.txt'], 'ignore')).toBe(join(root, 'a.txt'));
    expect(await resolveInside(root, ['in-link'], 'ignore')).toBe(join(root, 'a.txt'));
    expect(await resolveInside(root, [], 'ignore')).toBe(root);
  });

  it('refuses symlinks out, sibling directories and links to dotfiles', async () => {
    expect(await resolveInside(root, ['out-link'], 'ignore')).toBeNull();
    expect(await resolveInside(root, ['sibling-link', 'b.txt'], 'ignore')).toBeNull();
    expect(await resolveInside(root, ['secret-link'], 'ignore')).toBeNull();
    expect(await resolveInside(root, ['secret-link'], 'allow')).toBe(join(root, '.secret'));
    expect(await resolveInside(root, ['missing.txt'], 'ignore')).toBeNull();
  });
});
