/** Piscina worker entry: one extraction per task. */
import { extractFile, type ExtractResult, type ExtractTask } from './pipeline';

export default function run(task: ExtractTask): Promise<ExtractResult> {
  return extractFile(task);
}
