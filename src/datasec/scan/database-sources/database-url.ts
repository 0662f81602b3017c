// Database targets are named by URL. Which arguments are URLs, which driver reads each, and the one
// spelling of a URL that may be shown: its password replaced by ***, in every message and report.

export type DatabaseKind = 'postgres' | 'mysql';

const SCHEMES: Readonly<Record<string, DatabaseKind>> = {
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
};

/** The driver a target needs, or undefined for a file or folder path. */
export function databaseKindOf(target: string): DatabaseKind | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(target)?.[1]?.toLowerCase();
  return scheme === undefined ? undefined : SCHEMES[scheme];
}

export function isDatabaseUrl(target: string): boolean {
  return databaseKindOf(target) !== undefined;
}

/**
 * The URL with its password replaced by ***. Done on the text, not through `new URL`, so that a URL too
 * broken to parse is masked as well: everything between the scheme's `//` and the last `@` before the
 * path is the user information, and whatever follows its first `:` is the password.
 */
export function maskDatabaseUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i.exec(url);
  if (match === null) return url;
  const userInfo = match[2]!;
  const colon = userInfo.indexOf(':');
  if (colon < 0) return url;
  return `${match[1]}${userInfo.slice(0, colon)}:***@${url.slice(match[0].length)}`;
}

/** The password of a URL as written (percent-encoded) and decoded, to scrub from driver messages. */
export function passwordsOf(url: string): string[] {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url);
  const userInfo = match?.[1];
  const colon = userInfo?.indexOf(':') ?? -1;
  if (userInfo === undefined || colon < 0) return [];
  const raw = userInfo.slice(colon + 1);
  if (raw === '') return [];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape: the raw spelling is all there is to scrub.
  }
  return [...new Set([raw, decoded])].filter((password) => password !== '');
}

/** A message from a driver with the URL's password, should a driver ever echo it, replaced by ***. */
export function scrubPassword(message: string, url: string): string {
  let scrubbed = message.split(url).join(maskDatabaseUrl(url));
  for (const password of passwordsOf(url)) scrubbed = scrubbed.split(password).join('***');
  return scrubbed;
}
