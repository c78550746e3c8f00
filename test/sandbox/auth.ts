// Who is calling: `Authorization: Bearer sandbox:<tenant>` picks the partner tenant. Nothing else is accepted,
// so a real Microsoft token sent here by mistake is refused (and never logged, see requestLog.ts).
import { apiFault, type Reply } from './reply';
import { type SandboxTenant } from './seed';

export type Authentication = { ok: true; tenant: SandboxTenant } | { ok: false; reply: Reply };

const REALM = 'Bearer realm="Partner Center sandbox"';

function refuse(code: number, description: string, error?: string): Authentication {
  const challenge = error ? `${REALM}, error="${error}"` : REALM;
  return { ok: false, reply: apiFault(401, code, description, { 'WWW-Authenticate': challenge }) };
}

export function authenticate(authorization: string | undefined, tenants: readonly SandboxTenant[]): Authentication {
  const names = tenants.map((t) => t.id).join(', ');
  const usage = `Send "Authorization: Bearer sandbox:<tenant>" with one of: ${names}.`;
  if (!authorization) return refuse(800001, `Partner Token missing in request context. ${usage}`);
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!bearer) return refuse(400, `Access denied: the sandbox accepts only bearer tokens. ${usage}`, 'invalid_request');
  const token = bearer[1];
  if (!token.toLowerCase().startsWith('sandbox:')) {
    return refuse(400, `Access denied: this is not a sandbox token (the sandbox never accepts real access tokens). ${usage}`, 'invalid_token');
  }
  const id = token.slice('sandbox:'.length);
  const tenant = tenants.find((t) => t.id === id);
  if (!tenant) return refuse(400, `Access denied: unknown sandbox tenant "${id.slice(0, 64)}". ${usage}`, 'invalid_token');
  return { ok: true, tenant };
}
