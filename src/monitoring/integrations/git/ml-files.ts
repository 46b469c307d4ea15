/** What a file name tells about ML work; names are compared case-insensitively unless said otherwise. */

const MODEL_CARDS = new Set(['model_card.md', 'model-card.md', 'modelcard.md']);
const DATASHEETS = new Set(['datasheet.md', 'data_card.md', 'data-card.md', 'datacard.md']);
const MODEL_ARTIFACT = /\.(onnx|pt|pth|h5|safetensors|pkl|joblib|gguf)$/i;

export const isModelCard = (fileName: string): boolean => MODEL_CARDS.has(fileName.toLowerCase());
export const isDatasheet = (fileName: string): boolean => DATASHEETS.has(fileName.toLowerCase());
export const isNotebook = (fileName: string): boolean => /\.ipynb$/i.test(fileName);
export const isModelArtifact = (fileName: string): boolean => MODEL_ARTIFACT.test(fileName);

/** Files at the top of a repository. */
export const isReadme = (fileName: string): boolean => /^readme(\.|$)/i.test(fileName);
export const isLicense = (fileName: string): boolean => /^(licen[cs]e|copying)/i.test(fileName);
