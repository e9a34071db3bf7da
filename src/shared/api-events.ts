import { z } from 'zod';

// What the repository tells every open window, whatever the transport.

export const DeskEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('story.changed'),
    slug: z.string(),
    change: z.enum(['added', 'changed', 'removed']),
    /** Hash of the text now on disk; null when removed. */
    hash: z.string().nullable(),
    /** Whether another program made the change (an editor, a git pull). */
    external: z.boolean(),
  }),
  z.object({
    type: z.literal('import.progress'),
    done: z.number(),
    total: z.number(),
    name: z.string(),
  }),
  z.object({
    type: z.literal('conflict'),
    slug: z.string(),
  }),
  z.object({
    type: z.literal('draft.recovered'),
    slug: z.string(),
    updatedAt: z.string(),
  }),
  z.object({ type: z.literal('entities.changed'), slugs: z.array(z.string()) }),
  z.object({ type: z.literal('index.ready'), stories: z.number(), ms: z.number() }),
]);
export type DeskEvent = z.infer<typeof DeskEvent>;
