/** Bad arguments: the CLI prints the message with the usage text and exits 64 (EX_USAGE). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command ran but could not do what was asked: the message alone, exit 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}
