// Which messages from a billing page the host acts on. Anything that does not follow the protocol is ignored,
// and so is a report of a render the host never sent or has since replaced (a stale or forged page): the log
// says so once per panel, so a page flooding the channel cannot flood the log.
import { type PageMessage, pageMessageSchema } from './protocol';

export type GateDecision =
  | { readonly accepted: true; readonly message: PageMessage }
  | { readonly accepted: false; /** What to log: only for the first message ignored. */ readonly log?: string };

export class PageMessageGate {
  private loggedOnce = false;

  /** `revision` is the host's latest render: a `rendered` report of another one is not the page's current state. */
  check(raw: unknown, revision: number): GateDecision {
    const parsed = pageMessageSchema.safeParse(raw);
    if (!parsed.success) return this.ignore(`a message that does not follow the protocol (${parsed.error.issues[0]?.message ?? ''})`);
    const message = parsed.data;
    if (message.type === 'rendered' && message.revision !== revision) {
      return this.ignore(`a report of render ${message.revision} while the latest is ${revision} (a stale or forged page)`);
    }
    return { accepted: true, message };
  }

  private ignore(what: string): GateDecision {
    if (this.loggedOnce) return { accepted: false };
    this.loggedOnce = true;
    return { accepted: false, log: `ignored ${what}; further ignored messages of this panel are not logged` };
  }
}
