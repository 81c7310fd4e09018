import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Emulator,
  parseJobPermissions,
  requiredPermission,
  startEmulator,
} from '../src/index';

let gh: Emulator;
beforeEach(async () => {
  gh = await startEmulator();
  gh.state.addRepo('acme/models');
  gh.state.addPullRequest('acme/models', { number: 1 });
});
afterEach(async () => {
  await gh.close();
});

const call = (token: string, method: string, path: string, body?: unknown) =>
  fetch(`${gh.apiUrl}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('job token permissions', () => {
  it('answers 403 to a write without the scope and records what each request needed', async () => {
    const readOnly = gh.state.issueToken({ 'pull-requests': 'read' });
    const denied = await call(readOnly, 'POST', '/repos/acme/models/issues/1/comments', {
      body: 'x',
    });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { message: string }).message).toBe(
      'Resource not accessible by integration',
    );
    const listed = await call(readOnly, 'GET', '/repos/acme/models/issues/1/comments');
    expect(listed.status).toBe(200);
    expect(gh.state.permissionUses.map((u) => [u.scope, u.level, u.granted])).toEqual([
      ['issues', 'write', false],
      ['pull-requests', 'read', true],
    ]);
  });

  it('grants a write with the scope, and a read with write', async () => {
    const writer = gh.state.issueToken({ 'pull-requests': 'write' });
    expect(
      (await call(writer, 'POST', '/repos/acme/models/issues/1/comments', { body: 'x' })).status,
    ).toBe(201);
    expect((await call(writer, 'GET', '/repos/acme/models/issues/1/comments')).status).toBe(200);
  });

  it('refuses reads without the scope, also on a public repository (stricter than GitHub)', async () => {
    const none = gh.state.issueToken({});
    expect((await call(none, 'GET', '/repos/acme/models/releases')).status).toBe(403);
    expect((await call(none, 'GET', '/repos/acme/models')).status).toBe(200);
  });

  it('maps routes to scopes after GitHub’s tables', () => {
    expect(requiredPermission('POST', '/repos/{owner}/{repo}/check-runs')).toEqual({
      scopes: ['checks'],
      level: 'write',
    });
    expect(requiredPermission('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs')).toEqual({
      scopes: ['checks'],
      level: 'read',
    });
    expect(requiredPermission('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls')).toEqual({
      scopes: ['pull-requests'],
      level: 'read',
    });
    expect(
      requiredPermission('GET', '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}'),
    ).toEqual({ scopes: ['actions'], level: 'read' });
    expect(requiredPermission('GET', '/rate_limit')).toBeUndefined();
  });

  it('reads a job’s permissions: block, capped at read for a fork’s run', () => {
    expect(parseJobPermissions({ contents: 'write', checks: 'read', packages: 'read' })).toEqual({
      contents: 'write',
      checks: 'read',
    });
    expect(parseJobPermissions({ contents: 'write' }, { readOnly: true })).toEqual({
      contents: 'read',
    });
    expect(parseJobPermissions({})).toEqual({});
    expect(parseJobPermissions('read-all').deployments).toBe('read');
  });
});
