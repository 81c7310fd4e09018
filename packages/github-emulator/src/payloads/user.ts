import type { SimpleUser } from './schemas';
import { nodeId, type Urls } from './urls';

/** An account as the emulator knows it. */
export interface Account {
  readonly login: string;
  readonly id: number;
  readonly type: 'User' | 'Bot' | 'Organization';
}

/** The account GitHub Actions' `GITHUB_TOKEN` acts as. */
export const GITHUB_ACTIONS_BOT: Account = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
};

export function simpleUser(urls: Urls, account: Account): SimpleUser {
  const url = `${urls.api}/users/${encodeURIComponent(account.login)}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(
      account.type === 'Bot' ? 'BOT' : account.type === 'User' ? 'U' : 'O',
      account.id,
    ),
    avatar_url: `${urls.web}/avatars/u/${account.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${urls.web}/${encodeURIComponent(account.login)}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}
