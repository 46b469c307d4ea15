/**
 * The AI/ML SDKs whose presence in a manifest makes a directory ML-bearing. Python names are compared in their
 * PEP 503 normal form (lower case, runs of `-_.` as one `-`), so `scikit_learn` and `Scikit-Learn` both match.
 * Kept to libraries that train, run or call models: general data tooling (numpy, pandas) would flag every
 * analytics script.
 */
const PYTHON_EXACT = new Set([
  'torch',
  'pytorch', // the conda package name
  'torchvision',
  'torchaudio',
  'pytorch-lightning',
  'lightning',
  'tensorflow',
  'keras',
  'jax',
  'flax',
  'scikit-learn',
  'sklearn',
  'xgboost',
  'lightgbm',
  'catboost',
  'transformers',
  'sentence-transformers',
  'tokenizers',
  'accelerate',
  'peft',
  'trl',
  'diffusers',
  'huggingface-hub',
  'datasets',
  'safetensors',
  'onnx',
  'openai',
  'anthropic',
  'cohere',
  'mistralai',
  'google-generativeai',
  'google-genai',
  'vertexai',
  'groq',
  'litellm',
  'ollama',
  'tiktoken',
  'llama-cpp-python',
  'mlflow',
  'vllm',
  'spacy',
  'gensim',
  'fastai',
  'wandb',
  'dspy',
  'dspy-ai',
  'haystack-ai',
  'instructor',
]);

/** Families published as many packages (`langchain-openai`, `llama-index-core`, `tensorflow-gpu`, …). */
const PYTHON_PREFIXES = ['langchain', 'llama-index', 'tensorflow', 'onnxruntime', 'autogen'];

const NPM_EXACT = new Set([
  'openai',
  '@anthropic-ai/sdk',
  '@google/generative-ai',
  '@google/genai',
  '@mistralai/mistralai',
  'cohere-ai',
  'groq-sdk',
  'ollama',
  'langchain',
  'llamaindex',
  'ai', // the Vercel AI SDK
  '@xenova/transformers',
  'brain.js',
  'ml5',
]);

/** Scopes and families: `@langchain/openai`, `@ai-sdk/anthropic`, `@tensorflow/tfjs-node`, `onnxruntime-web`. */
const NPM_PREFIXES = ['@langchain/', '@ai-sdk/', '@huggingface/', '@tensorflow/tfjs', 'onnxruntime-'];

export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The normalised name when `name` is a known Python AI/ML SDK, else null. */
export function pythonAiPackage(name: string): string | null {
  const normal = normalizePythonName(name);
  const known =
    PYTHON_EXACT.has(normal) || PYTHON_PREFIXES.some((p) => normal === p || normal.startsWith(`${p}-`));
  return known ? normal : null;
}

/** The name when `name` is a known npm AI/ML SDK, else null (npm names are already lower case). */
export function npmAiPackage(name: string): string | null {
  return NPM_EXACT.has(name) || NPM_PREFIXES.some((p) => name.startsWith(p)) ? name : null;
}
