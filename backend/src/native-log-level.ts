/**
 * LanceDB's native side writes its warnings as plain text on stderr, outside our JSON logs,
 * and reads LANCEDB_LOG once, when its module loads. Imported first by the CLI so only its
 * errors get through; an operator's own LANCEDB_LOG still wins.
 */
process.env.LANCEDB_LOG ??= 'error';
