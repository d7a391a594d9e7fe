/**
 * Where the scale-out suite runs: two dashboard instances on their own ports, one sandbox, all on
 * loopback (ports apart from the main suite's). Access tokens live 10 s and are refreshed in
 * their last 2: refresh happens during the tests, and a refreshed token stays good for 8 s, more
 * than one burst of requests needs.
 */
export const SCALE = {
  appPorts: [3200, 3201],
  apiPort: 4210,
  portalPort: 4211,
  accessTokenTtl: 10,
  refreshSkewSeconds: 2,
  /**
   * One person's tabs on both instances load overviews at once, which read every pocket: more
   * than Jiko's 120 pocket calls a minute over a few bursts. The limits are not under test here.
   */
  rateLimits: "pockets=2000,trades=2000,transactions=2000",
  dataDir: ".data/scale-out",
  get appUrls() {
    return this.appPorts.map((p) => `http://localhost:${p}`);
  },
  get apiUrl() {
    return `http://127.0.0.1:${this.apiPort}`;
  },
  get portalUrl() {
    return `http://127.0.0.1:${this.portalPort}`;
  },
};
