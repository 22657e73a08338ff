/**
 * Wire format of dialing: which dialers exist, what a call would dial, and placing it.
 * Re-exported by api.ts, so the pane imports everything from one place.
 */

export const DIALER_KINDS = ['uri', 'baresip', 'http', 'webdialer', 'ami'] as const;
export type DialerKind = (typeof DIALER_KINDS)[number];

/** What a dialer takes, so the pane can explain a preview and offer the right inputs. */
export interface DialerAccepts {
  /** What goes in front of an international number: "+" or an access code such as "00" or "011". */
  internationalPrefix: string;
  /** True when SIP addresses (sip:user@host) can be dialed, not only numbers. */
  sipUris: boolean;
  /** True when the dialer sends an extension after the main number by itself (post-dial digits). */
  postDial: boolean;
}

/** One configured dialer, as GET /api/dialers lists it. Never carries credentials. */
export interface DialerSummary {
  id: string;
  displayName: string;
  kind: DialerKind;
  accepts: DialerAccepts;
  /** True for `uri` dialers: the pane opens the URI from the preview itself instead of POST /api/dial. */
  inPane: boolean;
  /** True when GET /api/dialers/:id/devices lists the user's phones and lines (WebDialer). */
  listsDevices: boolean;
  /** True when a dial request may name the user's own device and line ("my phone"). */
  userDevice: boolean;
  /** The device used when a request names none, if the configuration sets one (not a secret). */
  defaultDevice?: string;
}

/** Which number to call: one of a person's phones, or what the user typed. */
export type DialTargetRequest =
  | { directoryId: string; personId: string; phoneIndex: number }
  | { number: string };

/** Body of POST /api/dial/preview. */
export type DialPreviewRequest = DialTargetRequest & { dialerId: string };

/** Body of POST /api/dial. */
export type DialRequest = DialPreviewRequest & {
  /** One per click on Call: retries and double clicks with the same key place one call. */
  idempotencyKey: string;
  /** The user's own device (WebDialer deviceName, a template's {device}); the dialer's default when absent. */
  device?: string;
  /** The user's line (WebDialer lineNumber, a template's {line}). */
  line?: string;
};

/** Answer of POST /api/dial/preview. */
export interface DialPreview {
  dialerId: string;
  /** Exactly what the dialer is given: digits (with "+" or post-dial characters where they apply) or a SIP URI. */
  dialed: string;
  /** For people: "will dial 9 1 408 555 0100". */
  preview: string;
  /** Extension digits the user has to key in after the call connects, when the dialer cannot send them. */
  dialAfterConnect?: string;
  /** For dialers handled in the pane (`inPane`): the URI to open, e.g. `tel:+14085550100`. */
  uri?: string;
}

/** ringing: the call is being set up (softphone or PBX confirmed it); queued: the phone system took the request. */
export type DialOutcome = 'ringing' | 'queued';

/** Answer of POST /api/dial. */
export interface DialResponse {
  outcome: DialOutcome;
  dialed: string;
  preview: string;
  dialAfterConnect?: string;
}

/** One of the user's phones as the phone system lists it (GET /api/dialers/:id/devices). */
export interface DialerDevice {
  deviceName: string;
  /** Lines as the phone system writes them, e.g. "1000 ; no partition"; pass one back as `line`. */
  lines: string[];
  description?: string;
  type?: string;
}

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
/** Device and line names: printable, no line breaks or template braces (they end up in protocol headers). */
export const DEVICE_PATTERN = /^[A-Za-z0-9 ._@:;/+#*-]{1,64}$/;
