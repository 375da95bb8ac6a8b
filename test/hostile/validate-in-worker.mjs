// Runs one generated validator on one value in a worker thread and posts back whether it passed,
// so the test around it can stop a validator that stalls (the worker is terminated, the main
// thread never blocks). workerData: { module (file URL of standalone.js), model, value }.
import { parentPort, workerData } from 'node:worker_threads';

const validators = await import(workerData.module);
const validate = validators[workerData.model];
const valid = validate(workerData.value);
parentPort.postMessage({ valid, keywords: (validate.errors ?? []).map((e) => e.keyword) });
