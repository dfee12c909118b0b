// A real OpenID Connect provider for the sign-in tests: panva's certified oidc-provider with a
// login page of its own, so a test can say who logs in and whether that login used a second
// factor (amr/acr). tests/oidc/conftest.py starts it on a free port and drives it over HTTP.
//
// Test-only controls under /_test/ (never part of a real provider):
//   POST /_test/accounts  {"<sub>": {claims}}   who exists and which claims they get
//   POST /_test/mode      {"tamper": bool, "idTokenTtl": seconds}
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const redirectUris = (process.env.REDIRECT_URIS || '').split(',').filter(Boolean);
const postLogoutUris = (process.env.POST_LOGOUT_REDIRECT_URIS || '').split(',').filter(Boolean);

let accounts = {};
const mode = { tamper: false, idTokenTtl: 600 };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
      redirect_uris: redirectUris,
      post_logout_redirect_uris: postLogoutUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  // amr and acr in the ID token, as Entra ID gives them (amr: ["pwd", "mfa"]).
  acrValues: ['urn:outreach:test:pwd', 'urn:outreach:test:mfa'],
  claims: {
    openid: ['sub', 'amr', 'acr', 'auth_time'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    groups: ['groups'],
  },
  scopes: ['openid', 'email', 'profile', 'groups'],
  // PKCE when the client sends it (Outreach does); optional so a test can switch it off to see
  // the nonce check on its own.
  pkce: { required: () => false },
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['outreach-test-provider-cookie-key'] },
  ttl: { IdToken: () => mode.idTokenTtl, AccessToken: 600, Session: 3600, Interaction: 600, Grant: 3600 },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    if (!accounts[id]) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
  },
  // A first-party client: no consent screen, every requested scope granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile groups');
    await grant.save();
    return grant;
  },
});

async function readJson(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}');
}

async function readForm(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
}

provider.use(async (ctx, next) => {
  if (ctx.path === '/_test/accounts' && ctx.method === 'POST') {
    accounts = await readJson(ctx);
    ctx.body = { ok: true };
    return;
  }
  if (ctx.path === '/_test/mode' && ctx.method === 'POST') {
    Object.assign(mode, await readJson(ctx));
    ctx.body = mode;
    return;
  }
  const interaction = ctx.path.match(/^\/interaction\/([^/]+)$/);
  if (interaction) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Test provider</title><link rel="icon" href="data:,">
        <p>prompt: <span id="prompt">${details.prompt.name}</span></p>
        <form method="post"><input name="login"><input name="mfa" value="no"><button>Log in</button></form>`;
      return;
    }
    const form = await readForm(ctx);
    if (!accounts[form.login]) {
      ctx.status = 403;
      ctx.body = 'unknown account';
      return;
    }
    const mfa = form.mfa === 'yes';
    const login = {
      accountId: form.login,
      amr: mfa ? ['pwd', 'mfa'] : ['pwd'],
      acr: mfa ? 'urn:outreach:test:mfa' : 'urn:outreach:test:pwd',
    };
    ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, { login }, { mergeWithLastSubmission: false }));
    return;
  }
  await next();
  // A man in the middle: the ID token's payload changed, its signature left as it was.
  if (mode.tamper && ctx.path === '/token' && ctx.body && ctx.body.id_token) {
    const [header, payload, signature] = ctx.body.id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.sub = 'someone-else';
    const forged = Buffer.from(JSON.stringify(claims)).toString('base64url');
    ctx.body = { ...ctx.body, id_token: `${header}.${forged}.${signature}` };
  }
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`listening ${issuer}`);
});
