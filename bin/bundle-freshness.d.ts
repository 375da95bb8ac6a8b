/** Whether the CLI bundle under `root` (a file: URL of the package folder, ending in `/`) is fresh (see bundle-freshness.js). */
export declare function bundleIsFresh(root: URL): boolean;
