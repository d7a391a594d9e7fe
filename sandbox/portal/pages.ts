/**
 * The portal's server-rendered pages, modelled on Jiko's login flow (Log in → Verify login →
 * consent). Plain HTML forms that work without JavaScript; the only script enables "Grant access"
 * once the agreement box is ticked (the server refuses a grant without it either way).
 */

/** Enough for text and double-quoted attributes (the only kind these templates use). */
const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;min-height:100vh;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f7;display:flex;flex-direction:column;align-items:center;padding:24px 16px}
header{width:100%;max-width:440px;display:flex;justify-content:space-between;align-items:center;margin-bottom:16px}
.brand{font-weight:700;font-size:1.25rem;letter-spacing:.02em}
.badge{display:inline-block;padding:2px 10px;border-radius:999px;background:#fff4d6;color:#6b4700;border:1px solid #e8c36a;font-size:.8rem;font-weight:600}
main{width:100%;max-width:440px;background:#fff;border:1px solid #dde2e8;border-radius:12px;padding:28px 24px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
h1{font-size:1.5rem;margin:0 0 8px}
p{margin:0 0 16px}
label{display:block;font-weight:600;margin:16px 0 6px}
input[type=email],input[type=password],input[type=text]{width:100%;min-height:44px;padding:8px 12px;font:inherit;border:1px solid #9aa4b0;border-radius:8px;background:#fff}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #2f6fde;outline-offset:2px}
.code-input{font-size:1.5rem;letter-spacing:.4em;text-align:center}
button{min-height:44px;padding:8px 16px;font:inherit;font-weight:600;border-radius:8px;border:1px solid transparent;cursor:pointer}
.primary{width:100%;margin-top:20px;background:#1d4ed8;color:#fff}
.primary:hover{background:#1e40af}
button:disabled{background:#9aa4b0;cursor:not-allowed}
.secondary{background:#fff;color:#1b1f24;border-color:#9aa4b0}
.actions{display:flex;gap:12px;margin-top:20px;flex-wrap:wrap}
.actions button{flex:1 1 160px}
.error{border:1px solid #d93025;background:#fdecea;color:#8a1c13;border-radius:8px;padding:10px 12px;margin:0 0 16px}
.sandbox-code{border:2px dashed #e8c36a;background:#fff8e6;border-radius:8px;padding:10px 12px;margin:0 0 8px}
.sandbox-code strong{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.2rem;letter-spacing:.15em}
ul.pockets{list-style:none;padding:0;margin:0 0 16px;border:1px solid #dde2e8;border-radius:8px}
ul.pockets li{padding:10px 12px;border-top:1px solid #dde2e8;display:flex;justify-content:space-between;gap:12px}
ul.pockets li:first-child{border-top:0}
.muted{color:#56606b;font-size:.9rem}
.check{display:flex;gap:10px;align-items:flex-start;margin-top:8px}
.check input{width:20px;height:20px;margin-top:3px;flex:none}
.check label{margin:0;font-weight:400}
fieldset{border:0;padding:0;margin:0}
legend{font-weight:600;margin-bottom:6px}
.option{display:flex;gap:10px;align-items:flex-start;border:1px solid #dde2e8;border-radius:8px;padding:10px 12px;margin-top:8px}
.option input{width:20px;height:20px;margin-top:3px;flex:none}
.option label{margin:0;font-weight:400}
.link{background:none;border:0;padding:0;min-height:0;color:#1d4ed8;text-decoration:underline;font-weight:400}
footer{margin-top:16px;max-width:440px;text-align:center}
dl.invitee{display:grid;grid-template-columns:auto 1fr;gap:4px 16px;margin:0 0 16px;padding:12px;border:1px solid #dde2e8;border-radius:8px}
dl.invitee dt{font-weight:600}
dl.invitee dd{margin:0;overflow-wrap:anywhere}
`;

function layout(title: string, body: string, script = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Jiko</title>
<style>${STYLE}</style>
</head>
<body>
<header><span class="brand">Jiko</span><span class="badge" role="note" aria-label="Jiko sandbox: not the real Jiko">Jiko sandbox</span></header>
<main>
${body}
</main>
<footer class="muted">Emulated Jiko authentication portal for development. No real money or accounts.</footer>
${script}
</body>
</html>`;
}

const alert = (message?: string) =>
  message ? `<div class="error" role="alert">${escapeHtml(message)}</div>` : "";

export function loginPage(o: {
  action: string;
  abortAction: string;
  clientName: string;
  email?: string;
  error?: string;
}): string {
  return layout(
    "Log in",
    `<h1>Log in</h1>
<p class="muted">to continue to ${escapeHtml(o.clientName)}</p>
${alert(o.error)}
<form method="post" action="${escapeHtml(o.action)}" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(o.email ?? "")}"${o.email ? "" : " autofocus"}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${o.email ? " autofocus" : ""}>
<button class="primary" type="submit">Sign in</button>
</form>
<form method="post" action="${escapeHtml(o.abortAction)}"><p class="muted" style="margin-top:16px">Don't want to sign in? <button class="link" type="submit">Cancel and return to ${escapeHtml(o.clientName)}</button></p></form>`,
  );
}

/** The 6-digit code step of login and of sign-up: the code shown (the sandbox sends no SMS). */
function codeForm(o: { action: string; code: string; error?: string }): string {
  return `<p class="sandbox-code" role="note" data-testid="sandbox-code">Sandbox: your code is <strong>${escapeHtml(o.code)}</strong></p>
<p class="muted">The sandbox sends no SMS: the code is shown here and kept in the outbox.</p>
${alert(o.error)}
<form method="post" action="${escapeHtml(o.action)}" novalidate>
<label for="code">Verification code</label>
<input class="code-input" id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
<button class="primary" type="submit">Verify</button>
</form>`;
}

export function verifyPage(o: {
  action: string;
  restartAction: string;
  phoneHint: string;
  code: string;
  error?: string;
}): string {
  return layout(
    "Verify login",
    `<h1>Verify login</h1>
<p>Enter the 6-digit code we sent to your phone${o.phoneHint ? ` ending in ${escapeHtml(o.phoneHint)}` : ""}.</p>
${codeForm(o)}
<form method="post" action="${escapeHtml(o.restartAction)}"><p class="muted" style="margin-top:16px"><button class="link" type="submit">Sign in with a different account</button></p></form>`,
  );
}

export function teamChoicePage(o: {
  action: string;
  clientName: string;
  teams: Array<{ id: string; name: string; customerName: string; role: string }>;
  error?: string;
}): string {
  const options = o.teams
    .map(
      (
        t,
        i,
      ) => `<div class="option"><input type="radio" id="team-${i}" name="team_id" value="${escapeHtml(t.id)}"${i === 0 ? " checked" : ""}>
<label for="team-${i}"><strong>${escapeHtml(t.name)}</strong><br><span class="muted">${escapeHtml(t.customerName)} · ${escapeHtml(t.role)}</span></label></div>`,
    )
    .join("\n");
  return layout(
    "Choose a team",
    `<h1>Choose a team</h1>
<p>Your Jiko login belongs to several teams. Choose the team whose data ${escapeHtml(o.clientName)} may access.</p>
${alert(o.error)}
<form method="post" action="${escapeHtml(o.action)}">
<fieldset><legend>Team</legend>
${options}
</fieldset>
<button class="primary" type="submit">Continue</button>
</form>`,
  );
}

export function consentPage(o: {
  action: string;
  clientName: string;
  teamId: string;
  teamName: string;
  pockets: Array<{ name: string; detail: string }>;
  error?: string;
}): string {
  const pockets = o.pockets.length
    ? `<ul class="pockets" aria-label="Jiko Pockets">${o.pockets
        .map(
          (p) =>
            `<li><span>${escapeHtml(p.name)}</span><span class="muted">${escapeHtml(p.detail)}</span></li>`,
        )
        .join("")}</ul>`
    : `<p class="muted">This team has no open Jiko Pockets yet.</p>`;
  return layout(
    "Grant access",
    `<h1>${escapeHtml(o.clientName)} is requesting access to your Jiko data</h1>
<p>By granting access, you're giving ${escapeHtml(o.teamName)} permission to view the balances, holdings, transactions, and trades of the Jiko Pockets listed below.</p>
${alert(o.error)}
${pockets}
<form method="post" action="${escapeHtml(o.action)}">
<input type="hidden" name="team_id" value="${escapeHtml(o.teamId)}">
<div class="check"><input type="checkbox" id="agree" name="agree" value="yes">
<label for="agree">I agree to Jiko's Privacy Policy and Terms of Use</label></div>
<div class="actions">
<button class="secondary" type="submit" name="decision" value="deny">Deny access</button>
<button class="primary" style="margin-top:0" type="submit" name="decision" value="grant" id="grant">Grant access</button>
</div>
</form>`,
    // Progressive enhancement: without JavaScript the button stays usable and the server checks.
    `<script>(function(){var c=document.getElementById("agree"),b=document.getElementById("grant");function u(){b.disabled=!c.checked}c.addEventListener("change",u);u()})();</script>`,
  );
}

export function errorPage(o: { title: string; message: string; detail?: string }): string {
  return layout(
    o.title,
    `<h1>${escapeHtml(o.title)}</h1>
<p>${escapeHtml(o.message)}</p>
${o.detail ? `<p class="muted">${escapeHtml(o.detail)}</p>` : ""}`,
  );
}

// --- Invitation sign-up (`/signup/<token>`) -----------------------------------------------------

export function signupPage(o: {
  action: string;
  teamName: string;
  name: string;
  email: string;
  roleLabel: string;
  /** false: the email already has a Jiko login; only the phone check remains. */
  needsPassword: boolean;
  error?: string;
}): string {
  const fields = o.needsPassword
    ? `<p>Choose a password for your Jiko login (at least 12 characters).</p>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required autofocus>
<label for="confirm_password">Confirm password</label>
<input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" minlength="12" required>`
    : `<p>You already have a Jiko login. Confirm your phone to join this team; your password stays the same.</p>`;
  return layout(
    `Join ${o.teamName}`,
    `<h1>Join ${escapeHtml(o.teamName)}</h1>
<p>You've been invited to join <strong>${escapeHtml(o.teamName)}</strong> on Jiko.</p>
<dl class="invitee">
<dt>Name</dt><dd data-testid="invitee-name">${escapeHtml(o.name)}</dd>
<dt>Email</dt><dd data-testid="invitee-email">${escapeHtml(o.email)}</dd>
<dt>Role</dt><dd data-testid="invitee-role">${escapeHtml(o.roleLabel)}</dd>
</dl>
${alert(o.error)}
<form method="post" action="${escapeHtml(o.action)}" novalidate>
${fields}
<button class="primary" type="submit">Continue</button>
</form>`,
  );
}

export function signupVerifyPage(o: {
  action: string;
  restartAction: string;
  phoneHint: string;
  code: string;
  error?: string;
}): string {
  return layout(
    "Verify your phone",
    `<h1>Verify your phone</h1>
<p>Enter the 6-digit code we sent by SMS to your phone${o.phoneHint ? ` ending in ${escapeHtml(o.phoneHint)}` : ""}.</p>
${codeForm(o)}
<form method="post" action="${escapeHtml(o.restartAction)}"><p class="muted" style="margin-top:16px"><button class="link" type="submit">Start again</button></p></form>`,
  );
}

export function signupDonePage(o: { teamName: string; email: string; newLogin: boolean }): string {
  const how = o.newLogin
    ? `with your email <strong>${escapeHtml(o.email)}</strong> and your new password`
    : `with your email <strong>${escapeHtml(o.email)}</strong> and your usual password`;
  return layout(
    "You're all set",
    `<h1>You're all set</h1>
<p>You've joined <strong>${escapeHtml(o.teamName)}</strong> on Jiko.</p>
<p>Sign in to Treasury Desk (or your app) ${how}. If you belong to several teams, choose ${escapeHtml(o.teamName)} when asked.</p>
<p class="muted">You can close this page.</p>`,
  );
}
