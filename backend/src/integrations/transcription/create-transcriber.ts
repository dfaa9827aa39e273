import type { Logger } from 'pino';
import type { Config } from '../../config';
import { createOpenAITranscriber } from './openai-transcriber';
import type { Transcriber } from './types';
import { createUnavailableTranscriber } from './unavailable-transcriber';

/**
 * Connected when an OpenAI key or base URL is set (as for the agent: `config.openai`), else
 * offline, where every voice note is kept untranscribed.
 * @example const transcriber = createTranscriber(config, logger)
 */
export function createTranscriber(
  config: Pick<Config, 'openai' | 'transcription'>,
  logger: Logger,
): Transcriber {
  if (!config.openai) return createUnavailableTranscriber();
  return createOpenAITranscriber({
    apiKey: config.openai.apiKey,
    baseUrl: config.openai.baseUrl,
    model: config.transcription.model,
    timeoutMs: config.transcription.timeoutMs,
    logger,
  });
}
