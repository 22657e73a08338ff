/**
 * Dialing API: GET /dialers, GET /dialers/:id/devices, POST /dial/preview and POST /dial.
 * Bodies are checked here, so the service only ever sees well-formed requests; every refusal
 * names the field and how to fix it.
 */
import { Router } from 'express';
import { z } from 'zod';
import { DEVICE_PATTERN, IDEMPOTENCY_KEY_PATTERN, type DialPreviewRequest, type DialRequest } from '../../src/shared/api';
import type { DialService } from '../dial/dial-service';
import { DialpaneError } from '../errors';
import { userOf } from './request-session';

const id = z.string().min(1).max(128);
const base = z
  .object({
    dialerId: id,
    directoryId: id.optional(),
    personId: z.string().min(1).max(512).optional(),
    phoneIndex: z.number().int().min(0).max(100).optional(),
    number: z.string().trim().min(1).max(256).optional(),
  })
  .strict();
const dialBody = base
  .extend({
    idempotencyKey: z.string().regex(IDEMPOTENCY_KEY_PATTERN, 'must be 8 to 128 letters, digits, - or _ (a UUID works)'),
    device: z.string().regex(DEVICE_PATTERN, 'must be up to 64 letters, digits and . _ @ : ; / + # * - (no line breaks)').optional(),
    line: z.string().regex(DEVICE_PATTERN, 'must be up to 64 letters, digits and . _ @ : ; / + # * - (no line breaks)').optional(),
  })
  .strict();

const USAGE = 'Send {"dialerId", "directoryId", "personId", "phoneIndex"} for a person\'s number, or {"dialerId", "number"} for a typed one.';

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue?.path.join('.') || 'body';
    const message = issue?.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : (issue?.message ?? 'is not valid');
    throw new DialpaneError('BAD_REQUEST', `${key}: ${message}.`, USAGE);
  }
  return result.data;
}

/** Exactly one way of naming the number: a person's phone, or typed text. */
function target(body: z.infer<typeof base>): DialPreviewRequest {
  const person = body.directoryId !== undefined || body.personId !== undefined || body.phoneIndex !== undefined;
  if (body.number !== undefined && !person) return { dialerId: body.dialerId, number: body.number };
  if (body.number === undefined && body.directoryId !== undefined && body.personId !== undefined && body.phoneIndex !== undefined) {
    return { dialerId: body.dialerId, directoryId: body.directoryId, personId: body.personId, phoneIndex: body.phoneIndex };
  }
  throw new DialpaneError('BAD_REQUEST', 'The number to call is missing or given twice.', USAGE);
}

export function dialRouter(service: DialService): Router {
  const router = Router();

  router.get('/dialers', (req, res) => {
    res.json(service.listDialers(userOf(req)));
  });

  router.get('/dialers/:id/devices', async (req, res) => {
    res.json(await service.devices(req.params.id, userOf(req)));
  });

  router.post('/dial/preview', async (req, res) => {
    res.json(await service.preview(target(parse(base, req.body))));
  });

  router.post('/dial', async (req, res) => {
    const body = parse(dialBody, req.body);
    const request: DialRequest = {
      ...target(body),
      idempotencyKey: body.idempotencyKey,
      ...(body.device === undefined ? {} : { device: body.device }),
      ...(body.line === undefined ? {} : { line: body.line }),
    };
    res.json(await service.dial(request, userOf(req)));
  });

  return router;
}
