// Shared by the incident report page (incidents/) and the data-scan report page (datasec/).
// Every value in a report page comes from an analyst or from an attacker's data (a hostname, a ransom
// note): escaped for both text and attribute positions, so none of it can become markup.

const REPLACEMENTS: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => REPLACEMENTS[character]);
}
