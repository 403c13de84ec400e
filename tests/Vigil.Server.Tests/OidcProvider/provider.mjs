// A local OpenID Connect provider for the server tests: panva's oidc-provider with its development sign-in forms.
// Usage: node provider.mjs
//   Listens on a free loopback port and prints "listening on http://localhost:PORT" (the issuer: "localhost", so that
//   to a browser it is another site than Vigil on 127.0.0.1). Then reads one JSON line from stdin, the one client:
//   { "client_id": "...", "client_secret": "...", "redirect_uri": "..." }, and prints "ready".
// Anyone may sign in with any password: the account is the login typed in, and its e-mail is that login, verified,
// unless the login starts with "unverified:" (then the rest is the e-mail, with email_verified false).
// The client must use the authorization code flow with PKCE (S256) and send its secret in the token request's body.
import { createServer } from 'node:http'
import { randomBytes } from 'node:crypto'
import { createInterface } from 'node:readline'
import { Provider } from 'oidc-provider'

const unverified = 'unverified:'

function account (login) {
  const verified = !login.startsWith(unverified)
  const email = verified ? login : login.slice(unverified.length)
  return {
    accountId: login,
    claims: async () => ({ sub: login, email, email_verified: verified })
  }
}

const server = createServer((_request, response) => {
  response.statusCode = 503
  response.end('not configured yet')
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const issuer = `http://localhost:${server.address().port}`
process.stdout.write(`listening on ${issuer}\n`)

const lines = createInterface({ input: process.stdin })
const client = JSON.parse(await new Promise((resolve) => lines.once('line', resolve)))

const provider = new Provider(issuer, {
  clients: [{
    client_id: client.client_id,
    client_secret: client.client_secret,
    redirect_uris: [client.redirect_uri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post'
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  pkce: { required: () => true },
  findAccount: async (_ctx, id) => account(id)
})
server.removeAllListeners('request')
server.on('request', provider.callback())
process.stdout.write('ready\n')

// The test ends the provider by closing its input (or by killing it).
lines.on('close', () => server.close(() => process.exit(0)))
