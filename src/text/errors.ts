/**
 * The one error the `text` stage throws. Public: the importer reports `code` per file.
 */

/** Why a file could not be turned into clean text. */
export type TextErrorCode =
  | 'EMPTY_DOCUMENT'
  | 'UNKNOWN_ENCODING'
  | 'BINARY_FILE'
  | 'NO_CHINESE_TEXT'
  | 'UNSUPPORTED_FORMAT'
  | 'NO_TEXT_LAYER'
  | 'BAD_FORMAT';

/**
 * A file the text stage cannot use. The message names the file, says what is wrong and
 * what to do, e.g. `import/x.txt: the file is empty (0 bytes); put the article text in it and import it again`.
 */
export class TextError extends Error {
  override readonly name = 'TextError';

  /**
   * @param code what is wrong, for programs
   * @param file the file as the caller named it (kept verbatim so the user can find it)
   * @param problem what is wrong, for people (without the file name)
   * @param remedy what the user should do about it
   */
  constructor(
    readonly code: TextErrorCode,
    readonly file: string,
    problem: string,
    remedy: string,
  ) {
    super(`${file}: ${problem}; ${remedy}`);
  }
}
