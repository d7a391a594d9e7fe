// No zod here: the statements page names the types at first load (lib/jiko/statements.ts holds the
// schemas and the contract's notes).

export const STATEMENT_TYPES = ["BANK", "BROKERAGE", "1099INT", "1099B"] as const;
