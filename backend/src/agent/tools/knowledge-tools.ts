/**
 * search_help_centre: the knowledge base as a tool for the multi-step loop. The tenant is bound
 * when the tool is made (from the verified principal), never taken from the model's arguments.
 */
import { type StructuredToolInterface, tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { KnowledgeSearch, SearchHit } from '../../knowledge/types';
import { formatPassages } from '../prompts';

/** Options for createSearchHelpCentreTool. */
export interface SearchHelpCentreOptions {
  knowledge: KnowledgeSearch;
  tenantId: string;
  /** Passages per search (default 5). */
  limit?: number;
  /** Sees every search's hits, so the answer can cite them. */
  onHits?: (hits: SearchHit[]) => void;
}

/**
 * @example const search = createSearchHelpCentreTool({ knowledge, tenantId: 'demo' })
 */
export function createSearchHelpCentreTool(
  options: SearchHelpCentreOptions,
): StructuredToolInterface {
  return tool(
    async ({ query }) => {
      const hits = await options.knowledge.search({
        tenantId: options.tenantId,
        text: query,
        limit: options.limit ?? 5,
      });
      options.onHits?.(hits);
      // Delimited and escaped like every passage: the result is data for the model, not orders.
      return hits.length > 0 ? formatPassages(hits) : 'No help-centre passage matched.';
    },
    {
      name: 'search_help_centre',
      description:
        "Search the help centre's articles (policies, fees, timings, how-tos). Returns numbered passages.",
      schema: z.object({
        query: z.string().min(1).max(300).describe('What to look for, in plain words'),
      }),
    },
  );
}
