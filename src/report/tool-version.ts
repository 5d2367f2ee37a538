/** The tool's version, reported by --version and in every JSON document. Kept in step with package.json by a test. */
export const TOOL_VERSION = '0.1.0';
