// A certified OpenID provider (node-oidc-provider, from the npm registry) on 127.0.0.1, for the
// sign-in tests.  Nothing here is NeWork code: the provider is configured, never changed, except
// by the test-only faults below, which are the only way to make a real provider misbehave.
//
// Usage: node provider.mjs CONFIG.json
// It prints one line of JSON on stdout once it listens: {"issuer": ..., "port": ...}.
//
// CONFIG: {
//   "port": 0,                      // 0: the OS chooses; the issuer is http://127.0.0.1:<port>
//   "trailing_slash": false,        // issuer "http://127.0.0.1:<port>/" instead
//   "keys": [<private JWK>, ...],   // RSA and EC (P-256) signing keys, "kid" set
//   "alg": "RS256",                 // the client's id_token_signed_response_alg
//   "algs": ["RS256", "PS256", "ES256"],   // what discovery advertises
//   "client_id": "nework-desktop-dev",
//   "email_in_id_token": false      // default (conformIdTokenClaims): e-mail only from userinfo
// }
//
// Test-only control (loopback, this process only):
//   POST /__test__/faults {"jwks_status": 503, "claims": {...}, "header": {...},
//                          "signature": "flip" | "none" | "hs256-public" | "rs384"}
//   POST /__test__/keys   {"keys": [...]}   the provider starts over with these keys (rotation)
//   GET  /__test__/stats  how many times each endpoint was asked
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

import Provider, { interactionPolicy } from 'oidc-provider';
import {
  SignJWT, UnsecuredJWT, decodeJwt, decodeProtectedHeader, exportSPKI, importJWK,
} from 'jose';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let faults = {};
const stats = {};
let keys = config.keys;

function count(name) {
  stats[name] = (stats[name] || 0) + 1;
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function policy() {
  // prompt=select_account (Microsoft's) is accepted; a fresh browser session means the login
  // page is the account choice, so the prompt itself needs no interaction of its own.
  const base = interactionPolicy.base();
  const selectAccount = new interactionPolicy.Prompt({ name: 'select_account', requestable: true });
  selectAccount.checks.clear();
  base.add(selectAccount);
  return base;
}

async function tamper(idToken) {
  const header = { ...decodeProtectedHeader(idToken), ...(faults.header || {}) };
  const claims = { ...decodeJwt(idToken) };
  for (const [name, value] of Object.entries(faults.claims || {})) {
    if (value === null) delete claims[name];
    else claims[name] = value;
  }
  const jwk = keys.find((k) => k.kid === decodeProtectedHeader(idToken).kid);
  if (faults.signature === 'none') {
    return new UnsecuredJWT(claims).encode();
  }
  if (faults.signature === 'hs256-public') {
    // The classic confusion: the provider's public key used as an HMAC secret.
    const publicKey = await importJWK({ kty: jwk.kty, n: jwk.n, e: jwk.e }, 'RS256');
    const secret = new TextEncoder().encode(await exportSPKI(publicKey));
    return new SignJWT(claims).setProtectedHeader({ ...header, alg: 'HS256' }).sign(secret);
  }
  const alg = faults.signature === 'rs384' ? 'RS384' : header.alg;
  const key = await importJWK(jwk, alg);
  const signed = await new SignJWT(claims).setProtectedHeader({ ...header, alg }).sign(key);
  if (faults.signature === 'flip') {
    const [h, p, s] = signed.split('.');
    const raw = Buffer.from(s, 'base64url');
    raw[raw.length - 1] ^= 1;
    return `${h}.${p}.${raw.toString('base64url')}`;
  }
  return signed;
}

function build(issuer) {
  const alg = config.alg || 'RS256';
  const provider = new Provider(issuer, {
    clients: [{
      client_id: config.client_id || 'nework-desktop-dev',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://127.0.0.1/callback'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: alg,
    }],
    jwks: { keys },
    enabledJWA: { idTokenSigningAlgValues: config.algs || ['RS256', 'PS256', 'ES256'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    conformIdTokenClaims: !config.email_in_id_token,
    cookies: { keys: ['nework-test-cookie-key-not-a-secret'] },
    interactions: { policy: policy() },
    features: { devInteractions: { enabled: true }, userinfo: { enabled: true } },
    async findAccount(ctx, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${id}@example.com`, email_verified: true, name: id };
        },
      };
    },
  });
  provider.use(async (ctx, next) => {
    count(`${ctx.method} ${ctx.path}`);
    if (ctx.path === '/jwks' && faults.jwks_status) {
      ctx.status = faults.jwks_status;
      ctx.body = { error: 'temporarily_unavailable' };
      return;
    }
    await next();
    const tampering = faults.claims || faults.header || faults.signature;
    if (ctx.path === '/token' && ctx.status === 200 && tampering && ctx.body?.id_token) {
      ctx.body = { ...ctx.body, id_token: await tamper(ctx.body.id_token) };
    }
  });
  return provider;
}

let provider;
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://127.0.0.1').pathname;
  if (path.startsWith('/__test__/')) {
    try {
      if (req.method === 'POST' && path === '/__test__/faults') {
        faults = await readJson(req);
      } else if (req.method === 'POST' && path === '/__test__/keys') {
        keys = (await readJson(req)).keys;
        provider = build(provider.issuer);
      } else if (!(req.method === 'GET' && path === '/__test__/stats')) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
    } catch (error) {
      res.writeHead(400).end(String(error));
    }
    return;
  }
  provider.callback()(req, res);
});

server.listen(config.port || 0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}${config.trailing_slash ? '/' : ''}`;
  provider = build(issuer);
  process.stdout.write(`${JSON.stringify({ issuer, port })}\n`);
});

// Stop with the test: when stdin closes (the parent went away) or on SIGTERM.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
