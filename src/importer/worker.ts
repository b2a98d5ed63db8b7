/** Piscina worker entry: one extraction per task. */
import { extractFile, type ExtractResult, type ExtractTask } from './pipeline';

export default function run(task: ExtractTask): ExtractResult {
  return extractFile(task);
}
