/**
 * A page acts for the team it was rendered for. Every change the browser sends names that team in
 * a header; the server refuses it (409) when the session now acts for another team, e.g. after a
 * team switch in another tab of the same browser. The shell marks its root with the team's id.
 */
export const TEAM_HEADER = "x-td-team";
export const TEAM_ATTRIBUTE = "data-team-id";

/** The team the current page was rendered for (browser only). */
export function pageTeamId(): string | undefined {
  if (typeof document === "undefined") return undefined;
  return document.querySelector(`[${TEAM_ATTRIBUTE}]`)?.getAttribute(TEAM_ATTRIBUTE) ?? undefined;
}
