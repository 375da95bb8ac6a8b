/** The V8 flag the CLI sets at start-up (see v8-tiering.js). */
export declare const CLI_V8_FLAGS: string;
