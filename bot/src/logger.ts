import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/**
 * Structured logs. Request bodies are never logged, and any field that could
 * carry what people wrote is redacted as a second line of defence: private
 * notes must not reach logs. `destination` lets tests capture exactly what
 * production would write.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { service: 'one-on-one-companion' },
    redact: {
      paths: ['text', '*.text', 'body', '*.body', 'req.headers.authorization', 'headers.authorization', 'token'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
