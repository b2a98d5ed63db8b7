/**
 * Mention: evidence rows carry the document id and offsets; document and sentence come through
 * loaders — one statement for both when both are selected (`documentWithText`).
 */
import type { MentionResolvers } from '../../generated/graphql';
import { fieldsAt } from '../selection';
import { must } from './util';

export const Mention: MentionResolvers = {
  quote: async (m, _a, ctx) => {
    if (!ctx.hops) return ctx.loaders.quote.load(m);
    return (await ctx.loaders.documentWithText.load(m.doc))?.text.slice(m.start, m.end) ?? '';
  },
  document: async (m, _a, ctx, info) => {
    // With its sentence asked for, the document comes with the text; alone, without it.
    const withText = ctx.hops && fieldsAt(info, ctx.selections).has('quote');
    const doc = withText
      ? (await ctx.loaders.documentWithText.load(m.doc))?.node
      : await ctx.loaders.node('Document').load(m.doc);
    return must(doc, `document ${m.doc}`);
  },
};
