// Chopsticks logs every block it builds at "info"; e2e output keeps its warnings and errors only.
// Imported before anything that loads chopsticks (its log level is read once, at load). LOG_LEVEL=info
// in the environment brings the block log back.
process.env.LOG_LEVEL ??= 'warn';
