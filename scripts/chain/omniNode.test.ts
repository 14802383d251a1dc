import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOmniNode } from './omniNode.js';

async function fakeBinary(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'polkadot-omni-node');
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, 0o755);
  return path;
}

describe('findOmniNode (fake binaries in a temporary directory)', () => {
  it('prefers POLKADOT_OMNI_NODE, then PATH, then ../shared/bin, then a cached build', async () => {
    const root = await mkdtemp(join(tmpdir(), 'omni-'));
    const fromEnv = await fakeBinary(join(root, 'env'));
    const onPath = await fakeBinary(join(root, 'path'));
    const shared = await fakeBinary(join(root, 'shared'));
    const built = await fakeBinary(join(root, 'cache', 'vilokanam', 'omni-node', 'bin'));
    const home = { HOME: root, XDG_CACHE_HOME: join(root, 'cache') };
    expect(findOmniNode({ ...home, POLKADOT_OMNI_NODE: fromEnv, PATH: join(root, 'path') }, shared)).toBe(fromEnv);
    expect(findOmniNode({ ...home, PATH: join(root, 'path') }, shared)).toBe(onPath);
    expect(findOmniNode({ ...home, PATH: '' }, shared)).toBe(shared);
    expect(findOmniNode({ ...home, PATH: '' }, join(root, 'none'))).toBe(built);
  });

  it('says in one sentence how to get one when there is none', async () => {
    const root = await mkdtemp(join(tmpdir(), 'omni-'));
    const find = () => findOmniNode({ HOME: root, XDG_CACHE_HOME: join(root, 'cache'), PATH: '' }, join(root, 'none'));
    expect(find).toThrowError(/set POLKADOT_OMNI_NODE to its path, put it on PATH, or build it with bash scripts\/chain\/build-omni-node\.sh/);
  });

  it('refuses a POLKADOT_OMNI_NODE that is not an executable file', () => {
    expect(() => findOmniNode({ POLKADOT_OMNI_NODE: '/nonexistent/omni', PATH: '' })).toThrowError(
      'POLKADOT_OMNI_NODE is set to /nonexistent/omni, which is not an executable file.',
    );
  });
});
