import type { Integration } from './schemas';
import { nodeId, type Urls } from './urls';
import { simpleUser } from './user';

/** The GitHub Actions app, which owns check runs created with `GITHUB_TOKEN`. */
export function githubActionsApp(urls: Urls): Integration {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: nodeId('A', 15368),
    owner: simpleUser(urls, { login: 'github', id: 9919, type: 'Organization' }),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${urls.web}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2019-12-10T19:04:12Z',
    permissions: { checks: 'write', contents: 'write', deployments: 'write', statuses: 'write' },
    events: ['check_run', 'check_suite', 'deployment', 'status'],
  };
}
