// A CLI run is short: V8's optimizing compiler (TurboFan, on background threads) spent about a
// quarter of a `generate`'s CPU time compiling functions that the run left before the optimized
// code paid off. Fifteen times V8's default interrupt budget (67,584 bytes of bytecode) keeps a
// function on the baseline tiers that much longer before it is optimized; code that stays hot (a
// 10x spec, a long --watch, validate over thousands of files) is still optimized. Measured in
// ARCHITECTURE.md ("V8's tiering"); bench/generate.ts also runs its peer with the same flag.
export const CLI_V8_FLAGS = '--interrupt-budget=1000000';
